/// Walks a machine and its nested machines.
struct MachineChecker {
    var sink: DiagnosticSink
    private var firstUse: [String: String] = [:]

    init(sink: DiagnosticSink) {
        self.sink = sink
    }

    /// The names of the states as written, including states the loader could not type.
    func writtenNames(_ machine: StateMachine) -> [(name: String, pointer: String)] {
        let statesPointer = pointer(machine.pointer, "States")
        guard case .object(let states)? = node(at: machine.pointer)?["States"] else { return [] }
        return states.keys.map { ($0, pointer(statesPointer, $0)) }
    }

    func node(at p: String) -> JSON? {
        var value: JSON? = sink.document.value
        for token in ASLPath.tokens(of: p) {
            switch value {
            case .array?: value = Int(token).flatMap { value?[$0] }
            default: value = value?[token]
            }
        }
        return value
    }

    /// State names: unique across the whole machine (AWS requires it), at most 80 characters.
    mutating func checkNames(_ machine: StateMachine) {
        for (name, p) in writtenNames(machine) {
            if name.isEmpty {
                sink.error(.invalidStateName, "a state name cannot be empty", at: p)
            } else if name.count > 80 {
                sink.error(.invalidStateName, "state name '\(name.prefix(20))…' is \(name.count) characters long; the limit is 80", at: p)
            }
            if let first = firstUse[name] {
                sink.error(.duplicateStateName, "state name '\(name)' is already used at \(ASLPath.path(of: first, in: sink.document.value)); "
                           + "state names must be unique in the whole state machine", at: p)
            } else {
                firstUse[name] = p
            }
            switch machine.states[name]?.kind {
            case .parallel(let parallel)?: parallel.branches.forEach { checkNames($0) }
            case .map(let map)?: checkNames(map.processor)
            default: break
            }
        }
    }

    mutating func check(_ machine: StateMachine, outerNames: Set<String>) {
        let names = Set(writtenNames(machine).map(\.name))
        let hasStartAt = node(at: machine.pointer)?["StartAt"]?.stringValue != nil
        if hasStartAt, !names.isEmpty || node(at: machine.pointer)?["States"]?.objectValue != nil, !names.contains(machine.startAt) {
            sink.error(.missingTransitionTarget, missingTarget("'StartAt'", machine.startAt, outerNames: outerNames),
                       at: pointer(machine.pointer, "StartAt"))
        }
        for state in machine.states.values {
            for (field, target, p) in transitions(of: state) where !names.contains(target) {
                sink.error(.missingTransitionTarget, missingTarget(field, target, outerNames: outerNames), at: p)
            }
            checkErrorHandling(state)
            checkTemplates(state)
            checkExpressions(state)
            switch state.kind {
            case .parallel(let parallel): parallel.branches.forEach { check($0, outerNames: outerNames.union(names)) }
            case .map(let map): check(map.processor, outerNames: outerNames.union(names))
            default: break
            }
        }
        checkReachability(machine, names: names)
    }

    func missingTarget(_ field: String, _ target: String, outerNames: Set<String>) -> String {
        if outerNames.contains(target) {
            return "\(field) names state '\(target)', which is outside this branch; a nested state machine can only move between its own states"
        }
        return "\(field) names state '\(target)', which does not exist"
    }

    /// Every transition a state can take: field name, target, pointer of the field.
    func transitions(of state: State) -> [(String, String, String)] {
        var result: [(String, String, String)] = []
        if case .next(let target) = state.transition { result.append(("'Next'", target, pointer(state.pointer, "Next"))) }
        if case .choice(let choice) = state.kind {
            for rule in choice.choices where node(at: rule.pointer)?["Next"]?.stringValue != nil {
                result.append(("'Next'", rule.next, pointer(rule.pointer, "Next")))
            }
            if let target = choice.defaultNext { result.append(("'Default'", target, pointer(state.pointer, "Default"))) }
        }
        for catcher in state.catch where node(at: catcher.pointer)?["Next"]?.stringValue != nil {
            result.append(("'Next'", catcher.next, pointer(catcher.pointer, "Next")))
        }
        return result
    }

    mutating func checkReachability(_ machine: StateMachine, names: Set<String>) {
        guard names.contains(machine.startAt) else { return }
        var reached: Set<String> = [machine.startAt]
        var queue = [machine.startAt]
        while let name = queue.popLast() {
            guard let state = machine.states[name] else {
                // An untyped state still names where it goes.
                if let next = node(at: pointer(pointer(machine.pointer, "States"), name))?["Next"]?.stringValue,
                   reached.insert(next).inserted { queue.append(next) }
                continue
            }
            for (_, target, _) in transitions(of: state) where names.contains(target) && reached.insert(target).inserted {
                queue.append(target)
            }
        }
        for (name, p) in writtenNames(machine) where !reached.contains(name) {
            sink.warning(.unreachableState, "state '\(name)' cannot be reached from '\(machine.startAt)'", at: p)
        }
        let loadedAll = machine.states.count == names.count
        let terminal = machine.states.values.contains { state in
            switch state.kind {
            case .succeed, .fail: return true
            default: return state.transition == .end
            }
        }
        if loadedAll, !terminal, !names.isEmpty {
            sink.error(.missingEndState, "no state ends the state machine; give one state 'End: true' or use a Succeed or Fail state",
                       at: pointer(machine.pointer, "States"))
        }
    }
}

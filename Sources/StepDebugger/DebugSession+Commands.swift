/// The stepping commands. Each returns the pause it ends at.
extension DebugSession {
    /// One state transition: to the next state entry, state exit or error, entering Map
    /// iterations and Parallel branches.
    public mutating func step() -> Pause {
        advance(checkBreakpoints: false) { _, event in Self.isPausePoint(event) ? .step : nil }
    }

    /// Like `step`, but a Map or Parallel state counts as one step (breakpoints inside still stop).
    public mutating func next() -> Pause {
        let level = self.level(at: cursor)
        return advance { session, event in
            Self.isPausePoint(event) && session.level(at: session.cursor) <= level ? .step : nil
        }
    }

    /// Finishes the current Map iteration or Parallel branch and stops after it (at the top
    /// level: runs to the next breakpoint or the end).
    public mutating func stepOut() -> Pause {
        let level = self.level(at: cursor)
        let inParallel = enclosingContainer(level: level) == .parallelStateStarted
        return advance { session, event in
            let here = session.level(at: session.cursor)
            if here < level && Self.isPausePoint(event) { return .step }
            guard here == level && level > 0 else { return nil }
            if event.type == .mapIterationSucceeded || event.type == .mapIterationFailed { return .step }
            // Parallel branches have no events of their own: a branch ends with its last state.
            if inParallel, event.type.rawValue.hasSuffix("StateExited"), let name = event.stateName,
               let state = session.setup.definition.findState(name) {
                if case .end = state.transition { return .step }
                if case .succeed = state.kind { return .step }
            }
            return nil
        }
    }

    /// The `MapStateStarted` or `ParallelStateStarted` that opened the nesting level at the cursor.
    func enclosingContainer(level: Int) -> EventType? {
        guard level > 0 else { return nil }
        var i = cursor - 1
        while i >= 0 {
            if levels[i] == level - 1 {
                let type = history[i].type
                if type == .mapStateStarted || type == .parallelStateStarted { return type }
            }
            i -= 1
        }
        return nil
    }

    /// Runs to the next enabled breakpoint or the end.
    public mutating func continueRunning() -> Pause {
        advance { _, _ in nil }
    }

    /// Runs until the named state is entered (breakpoints on the way still stop).
    public mutating func run(to state: String) throws(SessionError) -> Pause {
        guard stateNames.contains(state) else { throw .unknownState(state, known: stateNames.sorted(), context: "run to") }
        return advance { _, event in
            event.type.rawValue.hasSuffix("StateEntered") && event.stateName == state ? .reachedState(state) : nil
        }
    }

    /// Starts again with the same input, seed, injections and breakpoints.
    public mutating func restart() -> Pause {
        self = started(on: setup.definition).session
        return pause(.start)
    }

    /// Back to the previous pause point (state entry, exit or error) in the recorded history.
    public mutating func stepBack() -> Pause {
        guard cursor > 0 else { return pause(.start) }
        cursor -= 1
        while cursor > 0 && !Self.isPausePoint(current.history[cursor - 1]) { cursor -= 1 }
        return pause(cursor == 0 ? .start : .moved)
    }

    /// Moves to the moment just after event `id` (0 = before the start), running forward if needed.
    public mutating func jump(toEvent id: Int) throws(SessionError) -> Pause {
        guard id >= 0 else { throw .noSuchEvent(id, count: recordedEvents) }
        if id < timeline.count {
            cursor = id
            return pause(id == 0 ? .start : .moved)
        }
        cursor = timeline.count - 1
        let result = advance(checkBreakpoints: false) { session, _ in session.cursor == id ? .moved : nil }
        if cursor != id, case .finished = result.reason { throw .noSuchEvent(id, count: recordedEvents) }
        return result
    }

    // MARK: - Breakpoints

    /// Adds a breakpoint from a spec (`enter:S`, `exit:S`, `error[:NAME]`, `retry`, `catch`, `if:TEST`).
    @discardableResult
    public mutating func addBreakpoint(_ spec: String) throws(SessionError) -> Breakpoint {
        addBreakpoint(try Breakpoint.parseKind(spec, stateNames: stateNames))
    }

    /// Adds a breakpoint of this kind and returns it with its id.
    @discardableResult
    public mutating func addBreakpoint(_ kind: Breakpoint.Kind) -> Breakpoint {
        let bp = Breakpoint(id: nextBreakpointId, kind: kind)
        nextBreakpointId += 1
        breakpoints.append(bp)
        return bp
    }

    /// Enables or disables a breakpoint.
    public mutating func setBreakpoint(_ id: Int, enabled: Bool) throws(SessionError) {
        guard let i = breakpoints.firstIndex(where: { $0.id == id }) else { throw .noSuchBreakpoint(id) }
        breakpoints[i].enabled = enabled
    }

    /// Deletes a breakpoint.
    public mutating func removeBreakpoint(_ id: Int) throws(SessionError) {
        guard let i = breakpoints.firstIndex(where: { $0.id == id }) else { throw .noSuchBreakpoint(id) }
        breakpoints.remove(at: i)
    }

    /// The ids of enabled breakpoints the event (at the cursor) matches.
    func breakpointsHit(by event: HistoryEvent) -> [Int] {
        let type = event.type.rawValue
        let details = event.stages?.errorDetails
        return breakpoints.filter { bp in
            guard bp.enabled else { return false }
            switch bp.kind {
            case .enter(let s): return type.hasSuffix("StateEntered") && event.stateName == s
            case .exit(let s): return type.hasSuffix("StateExited") && event.stateName == s
            case .error(let name):
                guard let details, details.catchIndex == nil || type.hasSuffix("Failed") || type.hasSuffix("TimedOut") else { return false }
                return name == nil || details.error.error == name
            case .retry: return details?.retryIndex != nil
            case .catch: return details?.catchIndex != nil && !type.hasSuffix("StateExited")
            case .condition(let c):
                guard type.hasSuffix("StateEntered"), let input = event.details?["input"] else { return false }
                return c.holds(for: input)
            }
        }.map(\.id)
    }
}

extension DebugSession {
    /// The same session on an edited definition: same input, seed, task answers, and the
    /// breakpoints and injections whose states still exist; it runs back to the same event
    /// (or as far as the new definition goes), so an edit can be tried from where it matters.
    public func reloaded(with definition: StateMachine) -> (session: DebugSession, dropped: [String]) {
        let (start, dropped) = started(on: definition)
        var fresh = start
        while fresh.cursor < cursor {
            guard (try? fresh.forward()) != nil, let event = fresh.current.history.last,
                  !Self.endTypes.contains(event.type) else { break }
        }
        return (fresh, dropped)
    }

    /// A new session on `definition`, before its first event, that keeps this one's input (or
    /// takes `input`), seed, task answers, and the breakpoints and injections whose states it
    /// still has (the others are named in `dropped`).
    func started(on definition: StateMachine, input: JSON? = nil) -> (session: DebugSession, dropped: [String]) {
        var setup = self.setup
        setup.definition = definition
        if let input { setup.input = input }
        var fresh = DebugSession(setup)
        var dropped: [String] = []
        for breakpoint in breakpoints {
            var state: String?
            switch breakpoint.kind {
            case .enter(let name), .exit(let name): state = name
            default: state = nil
            }
            if let state, !fresh.stateNames.contains(state) {
                dropped.append("breakpoint " + breakpoint.spec)
                continue
            }
            fresh.breakpoints.append(breakpoint)
        }
        fresh.nextBreakpointId = nextBreakpointId
        fresh.injections = injections.filter { injection in
            if fresh.stateNames.contains(injection.state) { return true }
            dropped.append("injection " + injection.spec)
            return false
        }
        fresh.answers = answers
        fresh.applyInjections()
        return (fresh, dropped)
    }
}

extension DebugSession {
    /// A session on the child execution the Task at the cursor starts (`states:startExecution`
    /// with a local definition for the child), paused before its first state: stepping into a
    /// nested execution like into a function call. Nil when the cursor is not at such a task or
    /// its parameters are not known yet.
    public func childSession() -> DebugSession? {
        guard let visit = visit(at: cursor), let state = visit.state, case .task(let task) = state.kind,
              let provider = current.options.taskSource as? any ChildExecutionProviding else { return nil }
        // The effective parameters are known once the task is scheduled: its event carries them.
        var parameters: JSON?
        var position = cursor
        while parameters == nil && position >= max(1, visit.enteredEventId) {
            let event = current.history[position - 1]
            if event.type.rawValue.hasSuffix("Scheduled") { parameters = event.details?["parameters"] }
            position -= 1
        }
        guard let parameters else { return nil }
        let request = TaskRequest(stateName: visit.stateName, resource: Resource(arn: task.resource), input: parameters, attempt: 0)
        guard let child = provider.childExecution(for: request) else { return nil }
        var childSetup = SessionSetup(definition: child.definition, input: child.input, seed: setup.seed,
                                      taskSource: child.options.taskSource, stateMachineName: child.options.stateMachineName)
        childSetup.options = child.options
        return DebugSession(childSetup)
    }
}

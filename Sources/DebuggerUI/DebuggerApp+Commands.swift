/// Commands that act on the selected state or on the session as a whole: run to, breakpoints,
/// injections, answers, edits and saving.
extension DebuggerApp {
    // MARK: - Commands on the selected state

    mutating func runToSelected() {
        guard let name = selectedState else { return report("select a state in the graph first (Tab to the graph, ↑↓)") }
        attempt { session throws(SessionError) in try session.run(to: name) }
    }

    mutating func toggleBreakpoint() {
        guard let name = targetState else { return report("select a state in the graph first", error: true) }
        if let existing = session.breakpoints.first(where: { $0.kind == .enter(name) }) {
            try? session.removeBreakpoint(existing.id)
            report("breakpoint on entering \(name) removed")
        } else {
            let breakpoint = session.addBreakpoint(.enter(name))
            report("breakpoint \(breakpoint.id): stop on entering \(name) · c continues to it")
        }
        sessionChanged()
    }

    mutating func openInjectForm() {
        guard let name = targetState else { return report("select a Task state in the graph first", error: true) }
        guard case .task? = session.setup.definition.findState(name)?.kind else {
            let type = session.setup.definition.findState(name)?.typeName ?? "unknown"
            return report("\(name) is a \(type) state: errors are injected into Task states (select one in the graph with ↑↓)", error: true)
        }
        let running = session.current.runningFrames.last.flatMap { $0.stateName == name && $0.entered ? $0.attempt : nil }
        var names = session.suggestedErrors(for: name)
        for extra in [StatesErrorName.taskFailed, StatesErrorName.timeout, StatesErrorName.heartbeatTimeout] where !names.contains(extra) {
            names.append(extra)
        }
        // At a Task nothing answers, failing this very attempt is the way on that needs no answer.
        var attempts = blocked?.state == name && running != nil ? "now" : "every"
        // A state that already has an injection gets it to edit, not a second one beside it.
        let existing = session.injections.last { $0.state == name }
        if let existing {
            names.removeAll { $0 == existing.error.error }
            names.insert(existing.error.error, at: 0)
            switch existing.attempts {
            case .every: attempts = "every"
            case .range(let r): attempts = r.count == 1 ? "\(r.lowerBound)" : "\(r.lowerBound)-\(r.upperBound)"
            }
        }
        overlay = .inject(InjectForm(state: name, suggestions: names, runningAttempt: running, attempts: attempts,
                                     cause: existing?.error.cause ?? "", replacing: existing != nil))
    }

    mutating func openAnswerForm() {
        guard let waiting = waitingTask else {
            return report("no Task is waiting for an answer here: a answers a Task nothing else answers", error: true)
        }
        overlay = .answer(AnswerForm(state: waiting.name, waitsForToken: waiting.waitsForToken))
    }

    mutating func openEditForm(_ target: EditForm.Target) {
        switch target {
        case .input, .executionInput:
            if session.cursor == 0 {
                overlay = .edit(EditForm(target: .executionInput, value: session.setup.input))
                return
            }
            guard let frame = session.current.runningFrames.last, !session.current.isFinished else {
                return report("nothing to edit: the execution has ended · u steps back, r restarts", error: true)
            }
            overlay = .edit(EditForm(target: .input, value: frame.input))
        case .variable(let name):
            let value = session.current.runningFrames.last?.variables[name] ?? .null
            overlay = .edit(EditForm(target: target, value: value))
        }
    }

    mutating func save() {
        let path = sessionPath ?? Self.defaultSessionPath(for: session.setup.definitionPath)
        do {
            try session.saved().write(to: path)
            sessionPath = path
            report("session saved to \(path)")
        } catch {
            report(error.description, error: true)
        }
    }

    /// `order.asl.json` → `order.asldb-session.json`, beside the definition.
    static func defaultSessionPath(for definition: String?) -> String {
        guard let definition, definition != "-" else { return "asldb-session.json" }
        var base = definition
        for suffix in [".asl.json", ".json", ".asl.yaml", ".yaml", ".yml"] where base.hasSuffix(suffix) {
            base.removeLast(suffix.count)
            break
        }
        return base + ".asldb-session.json"
    }
}

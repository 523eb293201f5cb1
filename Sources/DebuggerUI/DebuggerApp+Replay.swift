/// Replays of recorded AWS executions, and turning what the debugger shows into a test.
extension DebuggerApp {
    /// Where a replayed session came from and where it departs from its recording.
    public struct ReplayContext: Sendable {
        /// The history file, as the header names it.
        public var source: String
        /// The first event that differs from the recording, found when the replay was opened.
        public var divergence: Divergence?

        public init(source: String, divergence: Divergence?) {
            self.source = source
            self.divergence = divergence
        }
    }

    /// Writes the execution at hand as a Step Functions Local mock test case; returns what it
    /// wrote, or why it could not. Set by the command line, which owns the file system.
    public typealias Exporter = (DebugSession) -> (message: String, isError: Bool)

    /// Stops a command that ran past the first departure from the recording right at it, so
    /// the user sees both sides before anything else happens.
    mutating func stopAtDivergence(from before: Int) -> Bool {
        guard let divergence = replay?.divergence, let id = divergence.localEventId,
              before < id, session.cursor > id else { return false }
        _ = try? session.jump(toEvent: id)
        sessionChanged()
        reportDivergence(divergence)
        return true
    }

    mutating func reportDivergence(_ divergence: Divergence) {
        let state = divergence.stateName.map { " in \($0)" } ?? ""
        report("the replay departs from the recording here\(state): \(divergence.reason) · both sides in the data flow", error: true)
    }

    /// The data-flow rows that show both sides of a departure at the cursor.
    func divergenceRows() -> [DataFlowRow] {
        guard let divergence = replay?.divergence, divergence.localEventId == session.cursor else { return [] }
        var rows = [DataFlowRow(spans: [Span("departs from the recording", style: DataFlowRows.errorStyle)], isHeading: true)]
        for line in divergence.description.split(separator: "\n") {
            rows.append(DataFlowRow(spans: [Span("  " + line, style: line.hasPrefix("  recorded") ? .fg(.green) : .plain)]))
        }
        rows.append(DataFlowRow(spans: [Span("  e injects, i edits, s steps on live from here (a fork of the recording)", style: .dim)]))
        return rows
    }

    /// Loads the definition again: the new state machine, or a message saying what is wrong
    /// with the file (with its place).
    public typealias Reloader = () -> Result<StateMachine, ReloadProblem>

    /// Why the edited definition could not be used.
    public struct ReloadProblem: Error, Sendable {
        public var message: String
        public init(_ message: String) { self.message = message }
    }

    /// `R`: the same session on the edited definition, run back to the same event.
    mutating func reload() {
        guard let reloader else { return report("this session has no definition file to reload", error: true) }
        switch reloader() {
        case .failure(let problem):
            report("the definition was not reloaded: " + problem.message, error: true)
        case .success(let machine):
            let (fresh, dropped) = session.reloaded(with: machine)
            session = fresh
            relayoutGraph()
            if let selected = selectedState, !session.stateNames.contains(selected) { selectedState = currentState }
            sessionChanged()
            followCurrent = true
            var text = "reloaded the definition and ran back to event \(session.cursor)"
            if !dropped.isEmpty { text += " · dropped " + dropped.joined(separator: ", ") + " (their states are gone)" }
            report(text)
        }
    }

    /// `>`: a debugger on the child execution the Task at the cursor starts.
    mutating func stepIntoChild() {
        // At the Task's entry its Parameters are not evaluated yet: look a few events ahead, on
        // a copy, within the same state visit.
        var probe = session
        var child = probe.childSession()
        let visit = probe.visit(at: probe.cursor)?.enteredEventId
        while child == nil, visit != nil, !probe.current.isFinished, probe.cursor < session.cursor + 4 {
            guard (try? probe.jump(toEvent: probe.cursor + 1)) != nil, probe.visit(at: probe.cursor)?.enteredEventId == visit else { break }
            child = probe.childSession()
        }
        guard let child else {
            return report("> steps into a child execution: stop at a states:startExecution Task whose state machine has a local definition (--state-machine NAME=FILE)", error: true)
        }
        let name = child.setup.options.stateMachineName
        var app = DebuggerApp(session: child, title: "child \(name) ⟵ " + title)
        app.parents = parents + [self]
        app.lastSize = lastSize
        app.report("in the child execution \(name), paused before \(child.setup.definition.startAt) · < goes back to the parent")
        self = app
    }

    /// `<`: back to the parent execution, exactly where it was left.
    mutating func returnToParent() {
        guard var parent = parents.last else { return report("< returns from a child execution; this is the top-level one", error: true) }
        let status = session.current.isFinished ? session.current.status.rawValue : "not finished"
        parent.lastSize = lastSize
        parent.report("back in the parent execution (the child was \(status) when you left it)")
        self = parent
    }

    mutating func export() {
        guard let exporter else { return report("export is not available here", error: true) }
        let (text, isError) = exporter(session)
        report(text, error: isError)
    }
}

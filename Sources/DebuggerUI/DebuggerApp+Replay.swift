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
            graph = GraphLayout.layout(machine)
            if let selected = selectedState, !session.stateNames.contains(selected) { selectedState = currentState }
            sessionChanged()
            followCurrent = true
            var text = "reloaded the definition and ran back to event \(session.cursor)"
            if !dropped.isEmpty { text += " · dropped " + dropped.joined(separator: ", ") + " (their states are gone)" }
            report(text)
        }
    }

    mutating func export() {
        guard let exporter else { return report("export is not available here", error: true) }
        let (text, isError) = exporter(session)
        report(text, error: isError)
    }
}

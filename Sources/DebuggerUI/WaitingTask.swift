/// A Task attempt the engine could not run because nothing answers it: the execution waits
/// there until the user answers by hand or restarts with something that answers.
struct BlockedTask: Sendable, Hashable {
    var state: String
    var resource: String
    /// The history position the session was at when the step was refused.
    var position: Int
    /// The engine's own words, kept for the message log.
    var reason: String
}

extension DebuggerApp {
    /// The Task state whose attempt is running at the cursor, if any: the one `a` answers.
    var waitingTask: (name: String, resource: String, waitsForToken: Bool)? {
        guard let frame = session.current.runningFrames.last, frame.entered, !session.current.isFinished,
              case .task(let task)? = frame.machine[frame.stateName]?.kind else { return nil }
        return (frame.stateName, task.resource, task.resource.hasSuffix(".waitForTaskToken"))
    }

    /// The ways on from a blocked Task, key or flag first, as the data-flow panel lists them.
    static func waitingChoices(for blocked: BlockedTask) -> [(key: String, action: String)] {
        [
            ("a", "answer by hand: a result, or an error"),
            ("e", "make this attempt fail (attempts: now)"),
            ("--mock-config FILE --test-case NAME", "a mocked response for \(blocked.state)"),
            ("--handler \(blocked.state)=COMMAND", "run local code as the task"),
        ]
    }

    /// Notes that the step was refused at a Task nothing answers, and says which key answers it.
    mutating func block(at waiting: (name: String, resource: String, waitsForToken: Bool), reason: String) {
        blocked = BlockedTask(state: waiting.name, resource: waiting.resource, position: session.cursor, reason: reason)
        // The data-flow rows are cached by generation; they now start with the waiting section.
        generation = DataFlowCache.nextGeneration()
        dataList.selection = 0
        dataList.offset = 0
        log.append(reason, isError: true, event: session.cursor)
        let how = waiting.waitsForToken ? "\(waiting.name) waits for its task token" : "nothing answers \(waiting.name)"
        report("a answer · \(how): the data flow lists the ways on", error: true)
    }

    /// The rows put first in the data-flow panel while the cursor is at a blocked Task.
    func waitingRows() -> [DataFlowRow] {
        guard let blocked, blocked.position == session.cursor else { return [] }
        var rows = [
            DataFlowRow(spans: [Span("⏸ \(blocked.state) is waiting for an answer", style: Style(foreground: .yellow, attributes: .bold))],
                        isHeading: true),
            DataFlowRow(spans: [Span("  nothing answers ", style: .dim), Span(blocked.resource, style: .fg(.cyan))]),
        ]
        for (i, choice) in Self.waitingChoices(for: blocked).enumerated() {
            let key = Span("  " + choice.key, style: Style(foreground: .cyan, attributes: .bold))
            if i < 2 {
                rows.append(DataFlowRow(spans: [key, Span("  " + choice.action)]))
                continue
            }
            // Flags are long: each goes on its own row, what it does under it.
            if i == 2 { rows.append(DataFlowRow(spans: [Span("  or quit and start asldb debug again with", style: .dim)])) }
            rows.append(DataFlowRow(spans: [key]))
            rows.append(DataFlowRow(spans: [Span("      " + choice.action)]))
        }
        rows.append(DataFlowRow(spans: []))
        return rows
    }
}

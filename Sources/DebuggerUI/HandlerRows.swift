/// What local task code (`--handler NAME=COMMAND`) did for a state: each run's command, how it
/// ended, and the end of what it wrote to standard error, which AWS would have put in CloudWatch.
enum HandlerRows {
    /// The handler source inside a task source, looking through the wrappers the session adds.
    static func handlers(in source: any TaskSource) -> HandlerTaskSource? {
        if let handlers = source as? HandlerTaskSource { return handlers }
        if let injecting = source as? InjectingTaskSource { return handlers(in: injecting.base) }
        if let composite = source as? CompositeTaskSource {
            for member in composite.sources { if let found = handlers(in: member) { return found } }
        }
        return nil
    }

    static let stderrLines = 12

    static func rows(for visit: StateVisit, session: DebugSession) -> [DataFlowRow] {
        guard let source = handlers(in: session.current.options.taskSource) else { return [] }
        let state = visit.stateName
        // Runs of attempts this visit has made by the cursor's moment (not later ones).
        let runs = source.runs.filter { $0.stateName == state && $0.attempt < visit.attempts }
        guard !runs.isEmpty else { return [] }
        var rows = [DataFlowRow(spans: [Span("handler runs", style: DataFlowRows.stageStyle),
                                        Span("  local task code for \(state)", style: DataFlowRows.noteStyle)], isHeading: true)]
        for run in runs {
            rows.append(DataFlowRow(spans: [Span("  attempt \(run.attempt): ", style: .bold), Span(run.command, style: .fg(.cyan)),
                                            Span("  " + describe(run.ending), style: ending(run.ending))]))
            let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let shown = lines.last == "" ? lines.dropLast() : lines[...]
            if shown.count > stderrLines {
                rows.append(DataFlowRow(spans: [Span("    stderr (last \(stderrLines) of \(shown.count) lines)", style: .dim)]))
            } else if !shown.isEmpty {
                rows.append(DataFlowRow(spans: [Span("    stderr", style: .dim)]))
            }
            for line in shown.suffix(stderrLines) {
                rows.append(DataFlowRow(spans: [Span("    │ " + line, style: .dim)]))
            }
        }
        return rows
    }

    static func describe(_ ending: HandlerProcess.Ending) -> String {
        switch ending {
        case .exited(let code): return "exited \(code)"
        case .signaled(let signal): return "killed by signal \(signal)"
        case .timedOut: return "timed out (killed)"
        case .heartbeatTimedOut: return "missed its heartbeat (killed)"
        case .tooMuchOutput: return "wrote too much output (killed)"
        case .couldNotStart(let why): return "could not start: " + why
        }
    }

    static func ending(_ ending: HandlerProcess.Ending) -> Style {
        ending == .exited(0) ? .fg(.green) : Style(foreground: .red, attributes: .bold)
    }
}

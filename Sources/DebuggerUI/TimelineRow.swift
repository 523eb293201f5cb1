/// How the timeline shows one history event: virtual time, type and state, indented by how
/// deep in Maps and Parallels it happened; retries, catches, errors and waits stand out.
enum TimelineRow {
    static func spans(for event: HistoryEvent, level: Int, start: Int64) -> [Span] {
        let time = VirtualClockText.offset(event.timestamp - start)
        let type = event.type.rawValue
        let details = event.stages?.errorDetails
        var mark = " "
        var style = Style.plain
        if let details {
            if details.retryIndex != nil {
                mark = "↻"
                style = Style(foreground: .yellow, attributes: .bold)
            } else if details.catchIndex != nil {
                mark = "⤷"
                style = Style(foreground: .magenta, attributes: .bold)
            } else {
                mark = "✗"
                style = Style(foreground: .red, attributes: .bold)
            }
        } else if type.hasSuffix("Failed") || type.hasSuffix("TimedOut") || type.hasSuffix("Aborted") {
            mark = "✗"
            style = .fg(.red)
        } else if type.hasPrefix("Wait") {
            style = .fg(.cyan)
        } else if type == "ExecutionSucceeded" {
            style = Style(foreground: .green, attributes: .bold)
        } else if type.hasSuffix("StateEntered") {
            style = .bold
        }
        var spans = [
            Span(padded(time, toWidth: 9), style: .dim),
            Span(mark, style: style),
            Span(String(repeating: "  ", count: min(level, 8)) + " " + type, style: style),
        ]
        if let name = event.stateName { spans.append(Span("  " + name, style: .fg(.cyan))) }
        if let details {
            spans.append(Span("  " + details.error.error, style: .fg(.red)))
            if let retry = details.retryIndex, let delay = details.delayMilliseconds {
                spans.append(Span("  retry \(retry) in " + VirtualClockText.offset(delay).dropFirst(), style: .fg(.yellow)))
            } else if let catcher = details.catchIndex {
                spans.append(Span("  caught by Catch[\(catcher)]", style: .fg(.magenta)))
            }
        }
        return spans
    }
}

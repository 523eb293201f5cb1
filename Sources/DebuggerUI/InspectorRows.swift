/// One row of the inspector panel and what Enter, Space or `d` does on it.
struct InspectorRow: Sendable {
    enum Target: Sendable, Hashable {
        case variable(String)
        case breakpoint(Int)
        case injection(String)
    }

    var spans: [Span]
    var target: Target?
}

/// The inspector: the variables in scope, the context object `$$` of the running state, the
/// armed injections and the breakpoints.
struct InspectorRows {
    let session: DebugSession

    static let headingStyle = Style(foreground: .brightWhite, attributes: .bold)

    func build() -> [InspectorRow] {
        var rows: [InspectorRow] = []
        let execution = session.current
        let frame = execution.runningFrames.last
        let variables = frame?.variables ?? session.visit(at: session.cursor)?.variablesAfter ?? [:]
        rows.append(heading("Variables", count: variables.count))
        if variables.isEmpty { rows.append(note("none set by Assign yet")) }
        for name in variables.keys.sorted() {
            rows.append(InspectorRow(spans: [Span("  $" + name, style: .fg(.cyan)), Span("  "),
                                             Span(JSONPreview.compact(variables[name]!))], target: .variable(name)))
        }
        if !session.injections.isEmpty { rows.append(heading("Injections", count: session.injections.count)) }
        for injection in session.injections {
            let attempts: String
            switch injection.attempts {
            case .every: attempts = "every attempt"
            case .range(let r): attempts = r.count == 1 ? "attempt \(r.lowerBound)" : "attempts \(r.lowerBound)–\(r.upperBound)"
            }
            rows.append(InspectorRow(spans: [Span("  ⚡ ", style: .fg(.red)), Span(injection.state, style: .bold),
                                             Span(" → " + injection.error.error, style: .fg(.red)),
                                             Span(" · " + attempts, style: .dim)], target: .injection(injection.state)))
        }
        if !session.breakpoints.isEmpty { rows.append(heading("Breakpoints", count: session.breakpoints.count)) }
        for breakpoint in session.breakpoints {
            let mark = breakpoint.enabled ? Span("  ◆ ", style: .fg(.red)) : Span("  ◇ ", style: .dim)
            rows.append(InspectorRow(spans: [mark, Span("\(breakpoint.id) ", style: .dim),
                                             Span(breakpoint.spec, style: breakpoint.enabled ? .plain : .dim),
                                             Span(breakpoint.enabled ? "" : "  (disabled)", style: .dim)],
                                     target: .breakpoint(breakpoint.id)))
        }
        if session.injections.isEmpty && session.breakpoints.isEmpty {
            rows.append(note("no breakpoints (b, B) or injections (e) yet"))
        }
        rows.append(heading("Context object $$", count: nil))
        if let context = execution.currentContextObject {
            rows += contextRows(context)
        } else {
            rows.append(note(execution.isFinished ? "the execution has ended" : "no state is running"))
        }
        return rows
    }

    private func heading(_ title: String, count: Int?) -> InspectorRow {
        InspectorRow(spans: [Span(title, style: Self.headingStyle)] + (count.map { [Span("  \($0)", style: .dim)] } ?? []))
    }

    private func note(_ text: String) -> InspectorRow {
        InspectorRow(spans: [Span("  " + text, style: .dim)])
    }

    /// `$$.Section.Field  value`, one row per field, sections in AWS's order.
    private func contextRows(_ context: JSON) -> [InspectorRow] {
        guard case .object(let sections) = context else { return [] }
        var rows: [InspectorRow] = []
        for section in ["State", "Execution", "StateMachine", "Task", "Map"] {
            guard let value = sections[section] else { continue }
            if case .object(let fields) = value {
                for (field, fieldValue) in fields {
                    rows.append(InspectorRow(spans: [Span("  $$.\(section).\(field)", style: .fg(.cyan)), Span("  "),
                                                     Span(JSONPreview.compact(fieldValue))]))
                }
            } else {
                rows.append(InspectorRow(spans: [Span("  $$.\(section)", style: .fg(.cyan)), Span("  " + JSONPreview.compact(value))]))
            }
        }
        return rows
    }
}

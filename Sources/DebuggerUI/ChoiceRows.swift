/// Why a Choice state took its branch: each rule in order with whether it holds for the input
/// as it is at this moment, the values its comparisons read, and which rule (or Default) decided.
enum ChoiceRows {
    static func rows(for visit: StateVisit, session: DebugSession) -> [DataFlowRow] {
        guard let state = visit.state, case .choice(let choice) = state.kind else { return [] }
        // JSONPath rules read the effective input (after InputPath); JSONata ones $states.input.
        let input = state.queryLanguage == .jsonata
            ? visit.stages.first?.value
            : (visit.stages.first { $0.name == "afterInputPath" } ?? visit.stages.first)?.value
        guard let input else { return [] }
        let running = session.current.runningFrames.last.flatMap { $0.stateName == visit.stateName ? $0 : nil }
        let checks = ChoiceCheck.rules(of: choice, queryLanguage: state.queryLanguage, input: input,
                                       variables: visit.variablesBefore,
                                       contextObject: running != nil ? session.current.currentContextObject ?? [:] : [:],
                                       now: visit.enteredAt)
        let decided = checks.firstIndex { $0.holds == true }
        var rows = [DataFlowRow(spans: [Span("▾ ", style: DataFlowRows.noteStyle), Span("Choices", style: DataFlowRows.stageStyle),
                                        Span("  tried in order; the first that is true picks Next", style: DataFlowRows.noteStyle)],
                                isHeading: true)]
        for (i, check) in checks.enumerated() {
            let rule = choice.choices[i]
            let tried = decided.map { i <= $0 } ?? true
            var spans = [Span("  " + mark(check.holds, tried: tried) + " ", style: style(check.holds, tried: tried)),
                         Span("Choices[\(i)] → ", style: .bold), Span(rule.next, style: .bold)]
            if i == decided { spans.append(Span("  taken", style: Style(foreground: .green, attributes: .bold))) }
            if !tried { spans.append(Span("  not tried: an earlier rule is true", style: DataFlowRows.noteStyle)) }
            rows.append(DataFlowRow(spans: spans))
            rows += conditionRows(check, depth: 3, tried: tried)
        }
        if let fallback = choice.defaultNext {
            var spans = [Span(decided == nil ? "  ✓ " : "    ", style: style(true, tried: decided == nil)),
                         Span("Default → ", style: .bold), Span(fallback, style: .bold)]
            spans.append(decided == nil ? Span("  taken: no rule is true", style: Style(foreground: .green, attributes: .bold))
                                        : Span("  only when no rule is true", style: DataFlowRows.noteStyle))
            rows.append(DataFlowRow(spans: spans))
        } else if decided == nil {
            rows.append(DataFlowRow(spans: [Span("    no rule is true and there is no Default: States.NoChoiceMatched", style: DataFlowRows.errorStyle)]))
        }
        return rows
    }

    /// The selected Choice's rules in full, the label its graph edges cut short, for the status
    /// line: `[0] $.total > 100 → Big (taken); Default → Small`.
    static func edgeLabels(of choice: ChoiceState, taken: (String) -> Bool) -> String {
        var parts = choice.choices.enumerated().map { i, rule in
            "[\(i)] \(EdgeLabel.text(for: rule.condition)) → \(rule.next)" + (taken(rule.next) ? " (taken)" : "")
        }
        if let fallback = choice.defaultNext { parts.append("Default → \(fallback)" + (taken(fallback) ? " (taken)" : "")) }
        return parts.joined(separator: "; ")
    }

    /// The condition written out in full, then what each comparison read.
    private static func conditionRows(_ check: ChoiceCheck, depth: Int, tried: Bool) -> [DataFlowRow] {
        let indent = String(repeating: "  ", count: depth)
        var spans = [Span(indent + EdgeLabel.text(for: check.condition), style: DataFlowRows.expressionStyle),
                     Span("  " + outcome(check), style: style(check.holds, tried: tried))]
        switch check.condition {
        case .comparison(let variable, let name, _):
            let found = check.value.map { JSONPreview.compact($0, limit: 80) } ?? "nothing"
            spans.append(Span("  \(variable) is \(found)", style: DataFlowRows.noteStyle))
            if name.hasSuffix("Path"), case .comparison(_, _, .string(let other)) = check.condition {
                spans.append(Span(", \(other) is " + (check.resolved.map { JSONPreview.compact($0, limit: 80) } ?? "nothing"),
                                  style: DataFlowRows.noteStyle))
            }
        case .jsonata:
            if let resolved = check.resolved, resolved != .bool(true), resolved != .bool(false) {
                spans.append(Span("  gives " + JSONPreview.compact(resolved, limit: 80), style: DataFlowRows.noteStyle))
            }
        default: break
        }
        var rows = [DataFlowRow(spans: spans)]
        for part in check.parts { rows += conditionRows(part, depth: depth + 1, tried: tried) }
        return rows
    }

    private static func outcome(_ check: ChoiceCheck) -> String {
        if let error = check.error { return "fails: \(error.error)" + (error.cause.isEmpty ? "" : " (\(error.cause))") }
        return check.holds == true ? "true" : "false"
    }

    private static func mark(_ holds: Bool?, tried: Bool) -> String {
        guard tried else { return "·" }
        return holds == true ? "✓" : holds == false ? "✗" : "!"
    }

    private static func style(_ holds: Bool?, tried: Bool) -> Style {
        guard tried else { return DataFlowRows.noteStyle }
        return holds == true ? .fg(.green) : holds == false ? .fg(.red) : DataFlowRows.errorStyle
    }
}

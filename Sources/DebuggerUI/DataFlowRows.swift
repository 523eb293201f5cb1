/// One row of the data-flow panel: a stage heading, a line of a stage's JSON tree, or a line
/// of the variables and error sections.
struct DataFlowRow: Sendable {
    var spans: [Span]
    /// What Enter folds or unfolds on this row (a stage, or a container in a stage's tree).
    var foldKey: String?
    /// A stage or section heading, drawn bold; `[` and `]` jump between them.
    var isHeading = false
    /// Whether the fold under `foldKey` is folded now.
    var isFolded = false
    /// Blank cells drawn before the spans (a stage's tree sits under its heading), kept apart
    /// so a cached tree row is used as it is instead of copied with a prefix.
    var indent = 0
    /// The stage document this row belongs to, so search can look inside folded parts.
    var document: JSON?
    /// Where in `document` the row's value is (JSON Pointer), for a row of a stage's tree;
    /// nil for a removed member, which is not in the document.
    var pointer: String?
    /// The stage's name, for saying what `y` copied.
    var stage: String?

    var text: String { spans.map(\.text).joined() }
}

/// Builds the data-flow panel's rows for the state visit at the session's cursor: the pipeline
/// AWS runs, one stage after another with the expression that made it and what it changed.
struct DataFlowRows {
    let session: DebugSession
    /// Folds the user set (true) or opened (false), by fold key; the rest keep their default:
    /// every stage folded to a one-line preview except the newest, whose document is open.
    let overrides: [String: Bool]
    /// Rows put first: a replay's departure from its recording at this moment.
    var banner: [DataFlowRow] = []
    /// Where stage trees drawn for earlier moments are kept.
    var cache: DataFlowCache?

    static let stageStyle = Style(foreground: .brightWhite, attributes: .bold)
    static let expressionStyle = Style.fg(.cyan)
    static let noteStyle = Style.dim
    static let errorStyle = Style(foreground: .red, attributes: .bold)

    func build() -> [DataFlowRow] {
        guard session.cursor > 0 else { return banner + startRows() }
        guard let visit = session.visit(at: session.cursor) else { return banner + executionRows() }
        // At the end, how the execution ended comes first; the last visit follows.
        let ending = session.current.isFinished ? executionRows() + [DataFlowRow(spans: [])] : []
        // A Choice's lesson is why it went where it went: its rules come before its stages.
        var rows = banner + ending + visitHeading(visit) + ChoiceRows.rows(for: visit, session: session)
        let newest = visit.stages.last { $0.sameAs == nil }?.name
        for stage in visit.stages { rows += stageRows(stage, foldedByDefault: stage.name != newest) }
        rows += variableRows(visit)
        if let details = visit.errorDetails { rows += errorRows(details, visit: visit) }
        rows += HandlerRows.rows(for: visit, session: session)
        return rows
    }

    // MARK: - Sections

    private func startRows() -> [DataFlowRow] {
        var rows = [
            DataFlowRow(spans: [Span("Paused before the first state, ", style: Self.noteStyle),
                                Span(session.setup.definition.startAt, style: .bold),
                                Span(". s steps, c continues.", style: Self.noteStyle)]),
        ]
        rows += stageRows(StateVisit.Stage(name: "execution input", value: session.setup.input, expression: nil,
                                           changes: [], sameAs: nil, comparedWith: nil))
        return rows
    }

    private func executionRows() -> [DataFlowRow] {
        let execution = session.current
        guard execution.isFinished else { return [] }
        let status = execution.status.rawValue
        let style = execution.status == .succeeded ? Style(foreground: .green, attributes: .bold) : Self.errorStyle
        var rows = [DataFlowRow(spans: [Span("execution ", style: .bold), Span(status, style: style)], isHeading: true)]
        if let failure = execution.failure {
            rows.append(DataFlowRow(spans: [Span("  error ", style: Self.noteStyle), Span(failure.error, style: Self.errorStyle)]))
            if !failure.cause.isEmpty {
                rows.append(DataFlowRow(spans: [Span("  cause ", style: Self.noteStyle), Span(failure.cause)]))
            }
        }
        if let output = execution.output {
            rows += stageRows(StateVisit.Stage(name: "execution output", value: output, expression: nil, changes: [],
                                               sameAs: nil, comparedWith: nil))
        }
        return rows
    }

    private func visitHeading(_ visit: StateVisit) -> [DataFlowRow] {
        var spans = [Span(visit.stateName, style: .bold), Span(" (\(visit.stateType))", style: Self.noteStyle)]
        if visit.attempts > 1 { spans.append(Span(" · attempt \(visit.attempts)", style: .fg(.yellow))) }
        let entered = visit.enteredAt - session.setup.options.startTime
        spans.append(Span(" · entered " + VirtualClockText.offset(entered), style: Self.noteStyle))
        if let next = visit.next { spans.append(Span(" · next → ", style: Self.noteStyle)); spans.append(Span(next, style: .bold)) }
        if !visit.finished { spans.append(Span(" · running", style: .fg(.yellow))) }
        if let index = mapItemIndex(of: visit) { spans.append(Span(" · Map item \(index)", style: .fg(.cyan))) }
        var rows = [DataFlowRow(spans: spans)]
        // The state as written, folded: what every expression below comes from.
        if let state = visit.state {
            rows += stageRows(StateVisit.Stage(name: "definition", value: state.raw, expression: "the state as written"),
                              foldedByDefault: true)
        }
        return rows
    }

    /// Inside a Map iteration, the index of its item: from the iteration's `MapIterationStarted`.
    private func mapItemIndex(of visit: StateVisit) -> Int? {
        let level = session.level(at: visit.enteredEventId)
        guard level > 0 else { return nil }
        // The running frame knows its iteration exactly (iterations may interleave).
        if let frame = session.current.runningFrames.last, frame.stateName == visit.stateName, frame.enteredEventId == visit.enteredEventId {
            return frame.childIndex
        }
        let history = session.current.history
        var position = visit.enteredEventId - 1
        while position >= 1 {
            let here = session.level(at: position)
            if here < level - 1 { return nil }
            let event = history[position - 1]
            if here == level - 1 || event.type == .mapIterationStarted {
                guard event.type == .mapIterationStarted else { return nil }
                return event.details?["index"]?.intValue.map { Int($0) }
            }
            position -= 1
        }
        return nil
    }

    private func stageRows(_ stage: StateVisit.Stage, foldedByDefault: Bool = false) -> [DataFlowRow] {
        let key = "stage:" + stage.name
        let isFolded = overrides[key] ?? foldedByDefault
        var heading: [Span] = [Span(isFolded ? "▸ " : "▾ ", style: Self.noteStyle), Span(stage.name, style: Self.stageStyle)]
        if let expression = stage.expression {
            heading.append(Span("  " + expression, style: Self.expressionStyle))
        }
        if let same = stage.sameAs {
            heading.append(Span("  = \(same)", style: Self.noteStyle))
            return [DataFlowRow(spans: heading, foldKey: nil, isHeading: true)]
        }
        if !stage.changes.isEmpty {
            let count = stage.changes.count
            heading.append(Span("  \(count) change\(count == 1 ? "" : "s")", style: .fg(.yellow)))
            if let base = stage.comparedWith { heading.append(Span(" from \(base)", style: Self.noteStyle)) }
        }
        if isFolded {
            // A folded stage still shows the start of its document, so the pipeline reads at a glance.
            // Printed only as far as the row can show: a folded 200 KiB stage costs 160 bytes.
            heading.append(Span("  " + JSONPreview.compact(stage.value, limit: 160), style: Self.noteStyle))
        }
        var rows = [DataFlowRow(spans: heading, foldKey: key, isHeading: true, isFolded: isFolded, document: stage.value,
                                pointer: "", stage: stage.name)]
        guard !isFolded else { return rows }
        let prefix = key + "#"
        // A stage that changed something opens only the way to its changes; the rest is folded
        // so the change stands out, and Enter opens any of it.
        var treeFolds = stage.changes.isEmpty ? [] : Self.untouchedContainers(stage.value, changes: stage.changes)
        for (foldKey, folded) in overrides where foldKey.hasPrefix(prefix) {
            let pointer = String(foldKey.dropFirst(prefix.count))
            if folded { treeFolds.insert(pointer) } else { treeFolds.remove(pointer) }
        }
        let tree = cache?.treeRows(stage.value, changes: stage.changes, collapsed: treeFolds)
            ?? JSONTreeView(stage.value, changes: stage.changes, collapsed: treeFolds).rows()
        rows.reserveCapacity(tree.count + 1)
        for row in tree {
            rows.append(DataFlowRow(spans: row.spans, foldKey: row.isContainer ? prefix + row.pointer : nil,
                                    isFolded: row.isCollapsed, indent: 2, document: stage.value,
                                    pointer: row.change == .removed ? nil : row.pointer, stage: stage.name))
        }
        return rows
    }

    /// JSON Pointers of the containers below the root that no change lies in or under.
    static func untouchedContainers(_ value: JSON, changes: [JSONChange]) -> Set<String> {
        var touched: Set<[String]> = []
        for change in changes {
            var path = change.path
            while true {
                touched.insert(path)
                guard !path.isEmpty else { break }
                path.removeLast()
            }
        }
        var folds: Set<String> = []
        func walk(_ node: JSON, _ path: [String]) {
            let children: [(String, JSON)]
            switch node {
            case .object(let members): children = members.map { ($0.key, $0.value) }
            case .array(let items): children = items.enumerated().map { (String($0.offset), $0.element) }
            default: return
            }
            for (token, child) in children {
                switch child {
                case .object(let o) where !o.isEmpty: break
                case .array(let a) where !a.isEmpty: break
                default: continue
                }
                let childPath = path + [token]
                if touched.contains(childPath) { walk(child, childPath) } else { folds.insert(JSONPointer.format(childPath)) }
            }
        }
        walk(value, [])
        return folds
    }

    private func variableRows(_ visit: StateVisit) -> [DataFlowRow] {
        guard !visit.variablesBefore.isEmpty || visit.assigned != nil else { return [] }
        var rows = [DataFlowRow(spans: [Span("  "), Span("variables", style: Self.stageStyle),
                                        Span("  as the state sees them", style: Self.noteStyle)], isHeading: true)]
        for name in visit.variablesBefore.keys.sorted() {
            rows.append(DataFlowRow(spans: [Span("    $" + name, style: .fg(.cyan)), Span(" = "),
                                            Span(JSONPreview.compact(visit.variablesBefore[name]!))]))
        }
        if let assigned = visit.assigned {
            rows.append(DataFlowRow(spans: [Span("  "), Span("Assign", style: Self.stageStyle),
                                            Span("  visible from the next state", style: Self.noteStyle)], isHeading: true))
            for (name, value) in assigned {
                let isNew = visit.variablesBefore[name] == nil
                let changed = !isNew && visit.variablesBefore[name] != value
                let gutter = isNew ? "+" : changed ? "~" : " "
                let style: Style = isNew ? .fg(.green) : changed ? .fg(.yellow) : .plain
                rows.append(DataFlowRow(spans: [Span(gutter + "   $" + name, style: style), Span(" = "),
                                                Span(JSONPreview.compact(value), style: style)]))
            }
        }
        return rows
    }

    private func errorRows(_ details: ErrorDetails, visit: StateVisit) -> [DataFlowRow] {
        var rows = [DataFlowRow(spans: [Span("  "), Span("errorDetails", style: Self.errorStyle)], isHeading: true)]
        rows.append(DataFlowRow(spans: [Span("    error ", style: Self.noteStyle), Span(details.error.error, style: Self.errorStyle)]))
        if !details.error.cause.isEmpty {
            rows.append(DataFlowRow(spans: [Span("    cause ", style: Self.noteStyle), Span(details.error.cause)]))
        }
        if let event = errorEvent(for: visit) {
            for line in session.errorExplanation(for: visit, at: event) {
                let style: Style = line.contains("FAILS") ? Self.errorStyle : line.hasPrefix("Retry") ? .fg(.yellow) : .plain
                rows.append(DataFlowRow(spans: [Span("    " + line, style: style)]))
            }
        }
        if let after = details.afterCatchResultPath, details.catchIndex != nil {
            rows += stageRows(StateVisit.Stage(name: "afterCatchResultPath", value: after, expression: nil, changes: [],
                                               sameAs: nil, comparedWith: nil))
        }
        return rows
    }

    /// The latest event up to the cursor that reported an error of this visit.
    private func errorEvent(for visit: StateVisit) -> HistoryEvent? {
        let history = session.current.history
        var position = session.cursor
        while position > 0 && position > visit.enteredEventId - 1 {
            let event = history[position - 1]
            if event.stages?.errorDetails != nil { return event }
            position -= 1
        }
        return nil
    }
}

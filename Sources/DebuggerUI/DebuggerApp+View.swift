/// Drawing: `view(size)` turns the model into a screen. It never changes the model (scroll
/// positions are kept in range here for drawing only), so a frame is a pure function of it.
extension DebuggerApp {
    /// The smallest window the debugger draws in; smaller ones get a message instead.
    public static let minimumSize = Size(width: 60, height: 16)

    /// Draws the whole screen at `size`.
    public func view(_ size: Size) -> Screen {
        var screen = Screen(size: size)
        guard size.width >= Self.minimumSize.width, size.height >= Self.minimumSize.height else {
            drawTooSmall(on: &screen)
            return screen
        }
        let messageRows = statusMessageRows(width: size.width)
        let parts = screen.bounds.rows([.fixed(1), .rest, .fixed(messageRows.count + 1)])
        drawHeader(in: parts[0], on: &screen)
        for (panel, rect) in panelRects(in: parts[1]) { draw(panel, in: rect, on: &screen) }
        drawStatus(messageRows, in: parts[2], on: &screen)
        drawOverlay(on: &screen)
        return screen
    }

    /// Where each panel goes in the body: graph and data flow on top, timeline and inspector
    /// below; with `z` only the focused panel, over the whole body.
    func panelRects(in body: Rect) -> [(PanelID, Rect)] {
        if zoomed { return [(focus, body)] }
        let bottomHeight = max(6, body.height * 3 / 10)
        let halves = body.rows([.rest, .fixed(bottomHeight)])
        let share = graphShare(width: body.width)
        var graphWidth = body.width * share / 100
        // A graph narrower than its panel leaves the room to the data flow.
        if graphShare == nil { graphWidth = min(graphWidth, max(28, graph.width + 3)) }
        let top = halves[0].columns([.fixed(graphWidth), .rest])
        let bottom = halves[1].columns([.percent(share), .rest])
        return [(.graph, top[0]), (.dataFlow, top[1]), (.timeline, bottom[0]), (.inspector, bottom[1])]
    }

    /// The left panels' share of the width in percent.
    func graphShare(width: Int? = nil) -> Int {
        graphShare ?? ((width ?? lastSize.width) >= 140 ? 48 : 45)
    }

    func panelRect(_ panel: PanelID, size: Size) -> Rect? {
        panelRects(in: bodyRect(size: size)).first { $0.0 == panel }?.1
    }

    /// The panels' part of the screen: under the header, over the status area.
    func bodyRect(size: Size) -> Rect {
        Rect(x: 0, y: 1, width: size.width, height: max(0, size.height - 2 - statusMessageRows(width: size.width).count))
    }

    private func draw(_ panel: PanelID, in rect: Rect, on screen: inout Screen) {
        switch panel {
        case .graph: drawGraph(in: rect, on: &screen)
        case .dataFlow: drawDataFlow(in: rect, on: &screen)
        case .timeline: drawTimeline(in: rect, on: &screen)
        case .inspector: drawInspector(in: rect, on: &screen)
        }
    }

    // MARK: - Header and status

    private func drawHeader(in rect: Rect, on screen: inout Screen) {
        screen.fill(rect, with: Cell(" ", style: Self.barStyle))
        let execution = session.current
        let status = execution.isFinished ? execution.status : .running
        let statusStyle: Style
        switch status {
        case .running: statusStyle = Style(foreground: .black, background: .yellow, attributes: .bold)
        case .succeeded: statusStyle = Style(foreground: .black, background: .green, attributes: .bold)
        case .failed, .timedOut: statusStyle = Style(foreground: .brightWhite, background: .red, attributes: .bold)
        }
        let elapsed = (session.cursor > 0 ? session.current.history[session.cursor - 1].timestamp : session.setup.options.startTime)
            - session.setup.options.startTime
        let right: [Span] = [
            Span(" \(status.rawValue) ", style: statusStyle),
            Span("  t=" + VirtualClockText.offset(elapsed), style: Self.barStyle.with(.bold)),
            Span("  event \(session.cursor)/\(session.recordedEvents)", style: Self.barStyle),
            Span("  ? help ", style: Self.barStyle),
        ]
        let rightWidth = right.reduce(0) { $0 + cellWidth($1.text) }
        let left: [Span] = [Span(" asldb ", style: Self.barStyle.with(.bold)), Span(" " + title, style: Self.barStyle)]
        screen.put(left, at: rect.origin, clip: Rect(x: rect.x, y: rect.y, width: max(0, rect.width - rightWidth - 1), height: 1))
        screen.put(right, at: Point(x: rect.maxX - rightWidth, y: rect.y), clip: rect)
    }

    static let barStyle = Style(foreground: .brightWhite, background: .palette(236))

    /// How many hints the status line keeps beside a message before the message moves to a row of its own.
    static let hintsBesideMessage = 2
    /// The most rows a message takes above the hints; the message log (`m`) has the rest.
    static let maxMessageRows = 2

    /// The rows of the message drawn above the key hints, or none when it fits beside the first
    /// hints. The message's start (where the key to press is) is never cut.
    func statusMessageRows(width: Int) -> [String] {
        let hints = KeyBindings.hints(for: self).prefix(Self.hintsBesideMessage)
        let hintWidth = hints.reduce(0) { $0 + cellWidth($1.key) + 1 + cellWidth($1.action) + 2 }
        let room = max(1, width - 2)
        let messageWidth = cellWidth(truncated(message, toWidth: Int.max))
        if message.isEmpty || messageWidth + 2 + hintWidth + 1 <= width { return [] }
        var rows = wrapped(message, toWidth: room)
        if rows.count > Self.maxMessageRows {
            let more = " … m log"
            rows = Array(rows.prefix(Self.maxMessageRows))
            rows[rows.count - 1] = truncated(rows[rows.count - 1], toWidth: room - cellWidth(more), ellipsis: "") + more
        }
        return rows
    }

    private func drawStatus(_ messageRows: [String], in rect: Rect, on screen: inout Screen) {
        let style = messageIsError ? Style(foreground: .red, attributes: .bold) : .fg(.yellow)
        for (i, row) in messageRows.enumerated() {
            screen.put(row, at: Point(x: rect.x + 1, y: rect.y + i), style: style, clip: rect.row(i))
        }
        StatusLine(hints: KeyBindings.hints(for: self), message: messageRows.isEmpty ? message : "", messageStyle: style)
            .render(in: rect.row(messageRows.count), on: &screen)
    }

    private func drawTooSmall(on screen: inout Screen) {
        let lines = [
            "This window is \(screen.width)×\(screen.height).",
            "asldb needs at least \(Self.minimumSize.width)×\(Self.minimumSize.height):",
            "enlarge it, or press q to quit.",
        ]
        let top = max(0, (screen.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let x = max(0, (screen.width - cellWidth(line)) / 2)
            screen.put(line, at: Point(x: x, y: top + i), style: i == 0 ? .bold : .plain)
        }
    }

    // MARK: - Panels

    /// The graph panel's title: which of the states in reading order is selected, and the zoom.
    func graphTitle(_ view: GraphView) -> String {
        let order = view.statesInReadingOrder
        var title = PanelID.graph.title
        if let selected = selectedState.map({ hiddenStates[$0] ?? $0 }), let index = order.firstIndex(of: selected) {
            title += " · \(index + 1)/\(order.count)"
        } else {
            title += " · \(order.count) states"
        }
        if compactGraph { title += " · compact" }
        return title
    }

    private func drawGraph(in rect: Rect, on screen: inout Screen) {
        let view = graphView()
        var footer = ""
        if let selected = selectedState, selected != currentState { footer = "selected " + selected }
        // The title and footer leave room for the overflow arrows near the corners.
        let room = max(0, rect.width - 8)
        let panel = Panel(truncated(graphTitle(view), toWidth: room), focused: focus == .graph, footer: truncated(footer, toWidth: room))
        let inner = panel.render(in: rect, on: &screen)
        var scroll = effectiveGraphScroll(view: view, viewport: inner.size)
        scroll.clamp(content: view.contentSize, viewport: inner.size)
        view.render(scroll: scroll, in: inner, on: &screen)
        drawOverflowMarks(scroll: scroll, content: view.contentSize, panel: panel, in: rect, on: &screen)
    }

    /// An arrow on each border the graph goes on past: in the middle of the sides, near a
    /// corner at the top (right of the title) and the bottom (left of the footer).
    private func drawOverflowMarks(scroll: ScrollState, content: Size, panel: Panel, in rect: Rect, on screen: inout Screen) {
        let inner = rect.inset(by: 1)
        guard inner.width > 2, inner.height > 2 else { return }
        let style = (panel.isFocused ? panel.focusedBorderStyle : panel.borderStyle).with(.bold)
        let midY = rect.y + rect.height / 2
        if scroll.offset.y > 0 { screen.put("▲", at: Point(x: rect.maxX - 3, y: rect.y), style: style) }
        if scroll.offset.y + inner.height < content.height { screen.put("▼", at: Point(x: rect.x + 2, y: rect.maxY - 1), style: style) }
        if scroll.offset.x > 0 { screen.put("◀", at: Point(x: rect.x, y: midY), style: style) }
        if scroll.offset.x + inner.width < content.width { screen.put("▶", at: Point(x: rect.maxX - 1, y: midY), style: style) }
    }

    /// The box that shows `name` in the graph: its own, or the folded box it is hidden in.
    func graphBox(of name: String, in view: GraphView) -> Rect? {
        view.box(of: hiddenStates[name] ?? name)
    }

    /// The graph's scroll position for drawing: centred on the current state unless the user
    /// picked another state or panned.
    func effectiveGraphScroll(view: GraphView, viewport: Size) -> ScrollState {
        var scroll = graphScroll
        if followCurrent, let name = currentState ?? selectedState, let box = graphBox(of: name, in: view) {
            scroll.centre(on: box, content: view.contentSize, viewport: viewport)
        }
        return scroll
    }

    /// Every row of the data-flow panel as plain text, scrolled or not.
    public var dataFlowText: [String] { dataFlowRows().map(\.text) }

    func inspectorRows() -> [InspectorRow] {
        cache.inspectorRows(generation: generation) { InspectorRows(session: session).build() }
    }

    func dataFlowRows() -> [DataFlowRow] {
        cache.rows(for: DataFlowCache.Key(generation: generation, folds: foldOverrides)) {
            DataFlowRows(session: session, overrides: foldOverrides, banner: waitingRows() + divergenceRows(), cache: cache).build()
        }
    }

    func dataFlowTitle() -> String {
        guard let visit = session.visit(at: session.cursor) else { return PanelID.dataFlow.title }
        var title = "\(PanelID.dataFlow.title) · \(visit.stateName) (\(visit.stateType))"
        if visit.attempts > 1 { title += " · attempt \(visit.attempts)" }
        return title
    }

    private func drawDataFlow(in rect: Rect, on screen: inout Screen) {
        let rows = dataFlowRows()
        var list = dataList
        let selection = min(list.selection ?? 0, max(0, rows.count - 1))
        list.selection = rows.isEmpty ? nil : selection
        let footer = rows.isEmpty ? "" : "\(selection + 1)/\(rows.count)"
        let inner = Panel(dataFlowTitle(), focused: focus == .dataFlow, footer: footer).render(in: rect, on: &screen)
        list.offset = Self.clampedOffset(list.offset, count: rows.count, height: inner.height)
        let query = searchQuery?.lowercased()
        for y in 0..<inner.height {
            let index = list.offset + y
            guard index < rows.count else { break }
            let row = rows[index]
            let line = inner.row(y)
            var spans = row.spans
            if row.isHeading { spans = spans.map { Span($0.text, style: $0.style.with(.bold)) } }
            let origin = Point(x: line.x - dataOffsetX + row.indent, y: line.y)
            screen.put(spans, at: origin, clip: line)
            if focus == .dataFlow && index == selection {
                screen.restyle(line) { $0.bg(.palette(237)).with(.bold) }
            }
            // Drawn over the selection's background, so a match reads the same on any row.
            if let query, !query.isEmpty { highlight(query, in: row.text, at: origin, clip: line, on: &screen) }
        }
    }

    /// A list's first row kept so the list never scrolls past its end.
    static func clampedOffset(_ offset: Int, count: Int, height: Int) -> Int {
        max(0, min(offset, count - height))
    }

    /// A search match: the terminal's own colours swapped, bold. No colour of ours, so it reads
    /// on dark and light themes alike and stays the same under NO_COLOR.
    static let matchStyle = Style(attributes: [.reverse, .bold])

    /// Marks every occurrence of `query` (lowercased) in a drawn row.
    private func highlight(_ query: String, in text: String, at origin: Point, clip: Rect, on screen: inout Screen) {
        let haystack = Array(text.lowercased())
        let needle = Array(query)
        guard haystack.count == text.count, !needle.isEmpty, needle.count <= haystack.count else { return }
        var column = 0
        var index = 0
        while index < haystack.count {
            if index + needle.count <= haystack.count && Array(haystack[index..<(index + needle.count)]) == needle {
                let width = cellWidth(String(haystack[index..<(index + needle.count)]))
                let cells = Rect(x: origin.x + column, y: origin.y, width: width, height: 1).intersection(clip)
                screen.restyle(cells) { _ in Self.matchStyle }
                column += width
                index += needle.count
            } else {
                column += cellWidth(haystack[index])
                index += 1
            }
        }
    }

    private func drawTimeline(in rect: Rect, on screen: inout Screen) {
        let history = session.history
        let rows = filteredTimeline()
        let count = rows.count
        let selected = session.cursor > 0 ? session.cursor - 1 : nil
        var footer = history.count == 0 ? "" : "\(session.cursor)/\(history.count)"
        var title = PanelID.timeline.title
        if let filter = timelineFilter {
            title += " · \"\(filter)\""
            footer = "\(count) of \(history.count)"
        }
        let inner = Panel(title, focused: focus == .timeline, footer: footer).render(in: rect, on: &screen)
        var list = timelineList
        list.offset = Self.clampedOffset(list.offset, count: count, height: inner.height)
        if count == 0 {
            let note = history.isEmpty ? "no events yet: s steps" : "no event matches the filter: f changes it"
            screen.put(note, at: inner.origin, style: .dim, clip: inner)
            return
        }
        for y in 0..<inner.height {
            guard list.offset + y < count else { break }
            let index = rows[list.offset + y]
            let line = inner.row(y)
            var spans = TimelineRow.spans(for: history[index], level: session.level(at: index + 1),
                                          start: session.setup.options.startTime)
            let isCurrent = index == selected
            let isFuture = index >= session.cursor
            spans.insert(Span(isCurrent ? "▶" : " ", style: .bold), at: 0)
            if isFuture { spans = spans.map { Span($0.text, style: Style(attributes: .dim)) } }
            screen.put(spans, at: line.origin, clip: line)
            if isCurrent { screen.restyle(line) { $0.bg(focus == .timeline ? .palette(24) : .palette(237)).with(.bold) } }
        }
    }

    private func drawInspector(in rect: Rect, on screen: inout Screen) {
        let rows = inspectorRows()
        var list = inspectorList
        list.selection = rows.isEmpty ? nil : min(list.selection ?? 0, rows.count - 1)
        let inner = Panel(PanelID.inspector.title, focused: focus == .inspector).render(in: rect, on: &screen)
        list.offset = Self.clampedOffset(list.offset, count: rows.count, height: inner.height)
        for y in 0..<inner.height {
            let index = list.offset + y
            guard index < rows.count else { break }
            let line = inner.row(y)
            screen.put(rows[index].spans, at: line.origin, clip: line)
            if focus == .inspector && index == list.selection {
                screen.restyle(line) { $0.bg(.palette(237)).with(.bold) }
            }
        }
    }

    // MARK: - Overlays

    private func drawOverlay(on screen: inout Screen) {
        switch overlay {
        case nil: return
        case .help, .messages:
            var title = overlayName == "help" ? "asldb keys" : "Messages · newest last"
            if overlayName == "help", let filter = helpFilter {
                title += " · /" + filter.text.text + (filter.typing ? "▏" : "")
            }
            let hint = overlayName == "help" ? "? or Esc closes" : "m or Esc closes"
            TextBox(title, rows: overlayRows(width: TextBox.innerWidth(in: screen.bounds)), offset: overlayOffset, hint: hint)
                .render(in: screen.bounds, on: &screen)
        case .inject(let form): form.render(in: screen.bounds, on: &screen)
        case .edit(let form): form.render(in: screen.bounds, on: &screen)
        case .breakpoint(let form): form.render(in: screen.bounds, on: &screen)
        case .answer(let form): form.render(in: screen.bounds, on: &screen)
        case .search(var bar):
            let row = screen.bounds.row(screen.height - 1)
            screen.fill(row)
            let prompt: String
            switch bar.scope {
            case .states: prompt = "find state: "
            case .data: prompt = "find in data: "
            case .events: prompt = "find event: "
            case .timelineFilter: prompt = "filter timeline: "
            }
            let x = screen.put(prompt, at: row.origin, style: .bold, clip: row)
            var right = row.maxX
            if let problem = bar.problem {
                let text = truncated(problem, toWidth: max(0, (row.width - x) / 2))
                right = row.maxX - cellWidth(text) - 1
                screen.put(text, at: Point(x: right, y: row.y), style: Style(foreground: .red, attributes: .bold), clip: row)
            }
            bar.input.render(in: Rect(x: x, y: row.y, width: max(0, right - x - 1), height: 1), on: &screen, style: .plain)
        }
    }
}

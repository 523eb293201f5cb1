/// Scroll positions and the mouse: what is on screen where, computed from the last size drawn.
extension DebuggerApp {
    func panelInnerSize(_ panel: PanelID) -> Size {
        guard let rect = panelRect(panel, size: lastSize) else { return .zero }
        return rect.inset(by: 1).size
    }

    func panelInnerHeight(_ panel: PanelID) -> Int { panelInnerSize(panel).height }

    /// Keeps every list's selection on screen after a command moved it.
    mutating func keepSelectionsInView() {
        let rows = dataFlowRows().count
        if let selection = dataList.selection, selection >= rows { dataList.selection = max(0, rows - 1) }
        dataList.scrollToSelection(height: panelInnerHeight(.dataFlow), count: rows)
        let timeline = filteredTimeline()
        timelineList.selection = session.cursor > 0 ? timeline.lastIndex { $0 <= session.cursor - 1 } : nil
        timelineList.scrollToSelection(height: panelInnerHeight(.timeline), count: timeline.count)
        inspectorList.scrollToSelection(height: panelInnerHeight(.inspector), count: inspectorRows().count)
        if followCurrent {
            graphScroll = effectiveGraphScroll(view: graphView(), viewport: panelInnerSize(.graph))
        }
    }

    /// Centres the graph on the selected state (when it is out of the way), and stops following the current one.
    mutating func scrollToSelectedState() {
        let view = graphView()
        guard let name = selectedState, let box = graphBox(of: name, in: view) else { return }
        let viewport = panelInnerSize(.graph)
        graphScroll = effectiveGraphScroll(view: view, viewport: viewport)
        graphScroll.centre(on: box, content: view.contentSize, viewport: viewport)
        followCurrent = false
    }

    /// Brings the selected state into view and says what can be done with it.
    mutating func revealSelectedState() {
        guard let name = selectedState else { return }
        scrollToSelectedState()
        let type = session.setup.definition.findState(name)?.typeName ?? ""
        if case .choice(let choice)? = session.setup.definition.findState(name)?.kind {
            let taken = graphView().marks.takenEdges
            let rules = ChoiceRows.edgeLabels(of: choice) { taken.contains(GraphEdgeKey(from: name, to: $0)) }
            return report("\(name) (Choice): \(rules) · b breakpoint · g run to it")
        }
        report("selected \(name) (\(type)) · b breakpoint · g run to it" + (type == "Task" ? " · e inject" : ""))
    }

    mutating func handleMouse(_ mouse: MouseEvent) {
        guard overlay == nil else { return }
        guard let (panel, rect) = panelRects(in: bodyRect(size: lastSize))
            .first(where: { $0.1.contains(mouse.position) }) else { return }
        let inner = rect.inset(by: 1)
        switch mouse.kind {
        case .wheelUp, .wheelDown:
            let delta = mouse.kind == .wheelUp ? -3 : 3
            scroll(panel, by: delta, viewport: inner.size)
        case .click:
            focus = panel
            let row = mouse.position.y - inner.y
            guard inner.contains(mouse.position) else { return }
            switch panel {
            case .graph:
                let view = graphView()
                if let name = view.state(at: mouse.position, scroll: effectiveGraphScroll(view: view, viewport: inner.size), in: inner) {
                    selectedState = name
                    revealSelectedState()
                }
            case .timeline:
                let timeline = filteredTimeline()
                let index = timelineList.offset + row
                if index < timeline.count { travel(to: timeline[index] + 1) }
            case .dataFlow:
                let index = dataList.offset + row
                if index < dataFlowRows().count { dataList.selection = index }
            case .inspector:
                let index = inspectorList.offset + row
                if index < inspectorRows().count { inspectorList.selection = index }
            }
        }
    }

    /// The wheel scrolls the panel under the pointer without moving its selection.
    private mutating func scroll(_ panel: PanelID, by delta: Int, viewport: Size) {
        func moved(_ offset: Int, count: Int) -> Int { max(0, min(offset + delta, count - viewport.height)) }
        switch panel {
        case .graph:
            let view = graphView()
            graphScroll = effectiveGraphScroll(view: view, viewport: viewport)
            followCurrent = false
            graphScroll.scroll(by: Point(x: 0, y: delta), content: view.contentSize, viewport: viewport)
        case .dataFlow: dataList.offset = moved(dataList.offset, count: dataFlowRows().count)
        case .timeline: timelineList.offset = moved(timelineList.offset, count: filteredTimeline().count)
        case .inspector: inspectorList.offset = moved(inspectorList.offset, count: inspectorRows().count)
        }
    }
}

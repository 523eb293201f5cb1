/// Input handling: `update(event)` changes the model and says whether to go on.
extension DebuggerApp {
    /// Handles one input event (nil: a tick with no input).
    public mutating func update(_ event: Event?) -> LoopAction {
        guard let event else { return .continue }
        switch event {
        case .terminate:
            return .quit(143)
        case .resize(let size):
            lastSize = size
            // A state picked by hand stays in view in the new panel size.
            if !followCurrent, selectedState != nil { scrollToSelectedState() }
        case .mouse(let mouse):
            handleMouse(mouse)
            // The wheel scrolls away from the selection on purpose: leave it there.
            if mouse.kind != .click { return .continue }
        case .key(let key):
            if key == .ctrlC { return .quit(130) }
            if overlay != nil {
                handleOverlayKey(key)
            } else if let action = handleKey(key) {
                return action
            }
        }
        keepSelectionsInView()
        return .continue
    }

    /// Runs a session command and reports where it stopped.
    mutating func perform(_ command: (inout DebugSession) -> Pause) {
        let before = session.cursor
        let pause = command(&session)
        sessionChanged()
        followCurrent = true
        // Back at the start (restart, stepping back to it), the first state is the natural target.
        selectedState = currentState ?? (session.cursor == 0 ? session.setup.definition.startAt : selectedState)
        if stopAtDivergence(from: before) { return }
        describe(pause)
    }

    /// Everything drawn from the session must be rebuilt.
    mutating func sessionChanged() {
        generation = DataFlowCache.nextGeneration()
        blocked = nil
        dataList.selection = 0
        dataList.offset = 0
        // At an error the lesson is what Retry and Catch do with it: show that first.
        if session.cursor > 0, session.current.history[session.cursor - 1].stages?.errorDetails != nil,
           let row = dataFlowRows().firstIndex(where: { $0.isHeading && $0.text.contains("errorDetails") }) {
            dataList.selection = row
            dataList.offset = max(0, row - 1)
        }
    }

    mutating func describe(_ pause: Pause) {
        let at = pause.event.map { event in
            event.type.rawValue + (event.stateName.map { " " + $0 } ?? "")
        } ?? "the start"
        switch pause.reason {
        case .start: report("at the start, before \(session.setup.definition.startAt) · s steps, c continues")
        case .step: report("stopped at \(at)")
        case .moved: report("back in time at \(at) · s or → replays the recorded history")
        case .breakpoint(let ids):
            let specs = session.breakpoints.filter { ids.contains($0.id) }.map { "\($0.id) \($0.spec)" }
            report("breakpoint \(specs.joined(separator: ", ")) hit at \(at)")
        case .reachedState(let name): report("reached \(name)")
        case .finished(let status):
            var text = "the execution \(status.rawValue)"
            if let failure = session.current.failure { text += ": \(failure.error)" + (failure.cause.isEmpty ? "" : " (\(failure.cause))") }
            report(text + " · u steps back, r restarts", error: status != .succeeded)
        case .engineError(let message):
            if let waiting = waitingTask { block(at: waiting, reason: message) } else { report(message, error: true) }
        }
    }

    // MARK: - Keys

    /// Keys with no overlay open; returns an action only to quit.
    mutating func handleKey(_ key: Key) -> LoopAction? {
        switch key {
        case .char("q"): return .quit(0)
        case .char("?"), .function(1):
            overlayOffset = 0
            helpFilter = nil
            overlay = .help
        case .char("m"):
            // The newest messages are at the bottom: open there.
            overlayOffset = Int.max
            overlay = .messages
        case .char("s"), .function(11), .right: perform { $0.step() }
        case .char("n") where activeSearch != nil: findNext(backward: false)
        case .char("N") where activeSearch != nil: findNext(backward: true)
        case .char("n"), .function(10): perform { $0.next() }
        case .char("o"): perform { $0.stepOut() }
        case .char("c"), .function(5): perform { $0.continueRunning() }
        case .char("u"), .left: perform { $0.stepBack() }
        case .char("r"):
            perform { $0.restart() }
            report("restarted with the same input, seed, injections and breakpoints")
        case .char("g"): runToSelected()
        case .char("b"), .function(9): toggleBreakpoint()
        case .char("B"): overlay = .breakpoint(BreakpointForm(text: targetState.map { "exit:" + $0 } ?? "if:"))
        case .char("e"): openInjectForm()
        case .char("i"): openEditForm(.input)
        case .char("a"): openAnswerForm()
        case .char("y"): copySelection(path: false)
        case .char("Y"): copySelection(path: true)
        case .char("w"): save()
        case .char("x"): export()
        case .char("R"): reload()
        case .char(">"): stepIntoChild()
        case .char("<"): returnToParent()
        case .char("z"): zoomed.toggle()
        case .char("H"), .char("L"):
            let share = min(80, max(20, graphShare() + (key == .char("H") ? -5 : 5)))
            graphShare = share
            report("the left panels take \(share)% of the width · H L move the split")
        case .char("-"):
            compactGraph.toggle()
            relayoutGraph()
            if !followCurrent { scrollToSelectedState() }
            report(compactGraph ? "compact graph: small boxes, no type tags · - again for the full size" : "full-size graph")
        case .escape where activeSearch != nil:
            endSearch()
            report("search ended · n steps over again")
        case .char("f") where focus == .timeline: openSearch(.timelineFilter)
        case .char("f"):
            followCurrent = true
            report("the graph follows the current state")
        case .char("/"): openSearch(focus == .graph ? .states : focus == .timeline ? .events : .data)
        case .tab: focus = PanelID(rawValue: (focus.rawValue + 1) % PanelID.allCases.count)!
        case .backTab: focus = PanelID(rawValue: (focus.rawValue + PanelID.allCases.count - 1) % PanelID.allCases.count)!
        default: handlePanelKey(key)
        }
        return nil
    }

    /// Keys some panel answers; any other key says so instead of doing nothing silently.
    static let panelKeys: Set<Key> = [.up, .down, .pageUp, .pageDown, .home, .end, .enter, .char(" "), .char("j"), .char("k"),
                                      .char("h"), .char("l"), .char("["), .char("]"), .char("d"), .delete, .backspace, .escape]

    /// Keys that move or act inside the focused panel.
    mutating func handlePanelKey(_ key: Key) {
        guard Self.panelKeys.contains(key) else {
            return report("\(key.description) does nothing here · ? help lists every key")
        }
        let page = max(1, panelInnerHeight(focus) - 1)
        switch focus {
        case .graph: handleGraphKey(key, page: page)
        case .timeline: handleTimelineKey(key, page: page)
        case .dataFlow: handleDataKey(key, page: page)
        case .inspector: handleInspectorKey(key, page: page)
        }
    }

    private mutating func handleGraphKey(_ key: Key, page: Int) {
        let order = graphView().statesInReadingOrder
        let index = selectedState.flatMap { order.firstIndex(of: hiddenStates[$0] ?? $0) }
        switch key {
        case .up, .char("k"), .down, .char("j"):
            guard !order.isEmpty else { return }
            let delta = key == .up || key == .char("k") ? -1 : 1
            let next = index.map { min(max($0 + delta, 0), order.count - 1) } ?? 0
            selectedState = order[next]
            revealSelectedState()
        case .char("h"), .char("l"), .pageUp, .pageDown:
            let view = graphView()
            let viewport = panelInnerSize(.graph)
            graphScroll = effectiveGraphScroll(view: view, viewport: viewport)
            followCurrent = false
            let delta: Point
            switch key {
            case .char("h"): delta = Point(x: -8, y: 0)
            case .char("l"): delta = Point(x: 8, y: 0)
            case .pageUp: delta = Point(x: 0, y: -page)
            default: delta = Point(x: 0, y: page)
            }
            graphScroll.scroll(by: delta, content: view.contentSize, viewport: viewport)
        case .home: if let first = order.first { selectedState = first; revealSelectedState() }
        case .end: if let last = order.last { selectedState = last; revealSelectedState() }
        case .enter, .char(" "):
            guard let name = selectedState else { return }
            switch session.setup.definition.findState(name)?.kind {
            case .parallel?, .map?: toggleFold(name)
            default: report("selected \(name) · b breakpoint · e inject · g run to it · Enter folds a Map or Parallel")
            }
        default: break
        }
    }

    /// Folds or unfolds the body of the Parallel or Map state `name`.
    mutating func toggleFold(_ name: String) {
        guard let pointer = Self.statesWithPointers(session.setup.definition).first(where: { $0.name == name })?.pointer else { return }
        let folding = !foldedStates.contains(pointer)
        if folding { foldedStates.insert(pointer) } else { foldedStates.remove(pointer) }
        relayoutGraph()
        scrollToSelectedState()
        report(folding ? "folded \(name): Enter unfolds it" : "unfolded \(name)")
    }

    private mutating func handleTimelineKey(_ key: Key, page: Int) {
        let count = session.recordedEvents
        guard count > 0 else { return }
        if timelineFilter != nil { return handleFilteredTimelineKey(key, page: page) }
        var target = session.cursor
        switch key {
        case .up, .char("k"): target -= 1
        case .down, .char("j"): target += 1
        case .pageUp: target -= page
        case .pageDown: target += page
        case .home: target = 0
        case .end: target = count
        case .enter: target = timelineList.selection.map { $0 + 1 } ?? session.cursor
        default: return
        }
        travel(to: min(max(target, 0), count))
    }

    /// With a filter the arrows travel between the events it keeps.
    private mutating func handleFilteredTimelineKey(_ key: Key, page: Int) {
        let rows = filteredTimeline()
        guard !rows.isEmpty else { return report("no event matches the filter · f changes it", error: true) }
        let here = session.cursor - 1
        let at = rows.lastIndex { $0 <= here }
        let target: Int
        switch key {
        case .up, .char("k"): target = (at.map { rows[$0] == here ? $0 - 1 : $0 }) ?? 0
        case .down, .char("j"): target = at.map { $0 + 1 } ?? 0
        case .pageUp: target = (at ?? 0) - page
        case .pageDown: target = (at ?? -1) + page
        case .home: target = 0
        case .end: target = rows.count - 1
        default: return
        }
        travel(to: rows[min(max(target, 0), rows.count - 1)] + 1)
    }

    /// Moves the whole view to the moment after event `position` of the recorded history.
    mutating func travel(to position: Int) {
        guard position != session.cursor else { return }
        attempt { session throws(SessionError) in try session.jump(toEvent: position) }
    }

    /// Runs a session command that can be refused: its pause is reported like any step, its
    /// refusal as an error on the status line.
    mutating func attempt(_ command: (inout DebugSession) throws(SessionError) -> Pause) {
        do {
            let pause = try command(&session)
            sessionChanged()
            followCurrent = true
            if let state = currentState { selectedState = state }
            describe(pause)
        } catch {
            report(error.description, error: true)
        }
    }

    /// Where the usual list keys move a selection, or nil for another key.
    static func moved(_ selection: Int, by key: Key, count: Int, page: Int) -> Int? {
        let target: Int
        switch key {
        case .up, .char("k"): target = selection - 1
        case .down, .char("j"): target = selection + 1
        case .pageUp: target = selection - page
        case .pageDown: target = selection + page
        case .home: target = 0
        case .end: target = count - 1
        default: return nil
        }
        return min(max(target, 0), count - 1)
    }

    private mutating func handleDataKey(_ key: Key, page: Int) {
        let rows = dataFlowRows()
        guard !rows.isEmpty else { return }
        var selection = min(dataList.selection ?? 0, rows.count - 1)
        // Home goes back to the start of the rows, left edge included.
        if key == .home { dataOffsetX = 0 }
        if let moved = Self.moved(selection, by: key, count: rows.count, page: page) {
            dataList.selection = moved
            return
        }
        switch key {
        case .char("h"): dataOffsetX = max(0, dataOffsetX - 8)
        case .char("l"): dataOffsetX += 8
        case .char("["):
            selection = rows.indices.last { $0 < selection && rows[$0].isHeading } ?? 0
        case .char("]"):
            selection = rows.indices.first { $0 > selection && rows[$0].isHeading } ?? selection
        case .enter, .char(" "):
            guard let key = rows[selection].foldKey else {
                report("nothing to fold here: Enter folds a stage heading or a JSON object or array")
                return
            }
            foldOverrides[key] = !rows[selection].isFolded
        default: return
        }
        dataList.selection = min(max(selection, 0), rows.count - 1)
    }

    private mutating func handleInspectorKey(_ key: Key, page: Int) {
        let rows = inspectorRows()
        guard !rows.isEmpty else { return }
        let selection = min(inspectorList.selection ?? 0, rows.count - 1)
        if let moved = Self.moved(selection, by: key, count: rows.count, page: page) {
            inspectorList.selection = moved
            return
        }
        switch key {
        case .enter, .char(" "):
            switch rows[selection].target {
            case .variable(let name)?: openEditForm(.variable(name))
            case .breakpoint(let id)?:
                let enabled = session.breakpoints.first { $0.id == id }?.enabled ?? false
                try? session.setBreakpoint(id, enabled: !enabled)
                sessionChanged()
                report("breakpoint \(id) \(enabled ? "disabled" : "enabled")")
            case .injection(let state)?: report("d removes the injection on \(state)")
            case nil: break
            }
        case .char("d"), .delete, .backspace:
            switch rows[selection].target {
            case .breakpoint(let id)?:
                try? session.removeBreakpoint(id)
                sessionChanged()
                report("breakpoint \(id) deleted")
            case .injection(let state)?:
                session.disarm(state: state)
                sessionChanged()
                report("injections on \(state) removed; the recorded future after this pause was dropped")
            default: report("d deletes a breakpoint or an injection: select one first")
            }
        default: return
        }
    }
}

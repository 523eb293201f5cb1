/// Every key the debugger answers, for the help overlay and the status line.
enum KeyBindings {
    static let helpOverlay = HelpOverlay(title: "asldb keys", sections: [
        .init("Run", [
            ("s  F11", "step: to the next state entry, exit or error (into Map and Parallel)"),
            ("n  F10", "next: step over a Map or Parallel as one step"),
            ("o", "step out of the current branch or iteration"),
            ("c  F5", "continue to the next breakpoint or the end"),
            ("g", "run to the selected state"),
            ("←  u", "step back to the previous pause"),
            ("→", "step forward again (runs on at the end of the history)"),
            ("r", "restart: same input, seed, injections and breakpoints"),
            (">  <", "step into the child execution a startExecution Task starts; back out"),
            ("R", "reload the definition after editing it and run back to this event"),
        ]),
        .init("Breakpoints, errors and edits", [
            ("b  F9", "toggle a breakpoint on entering the selected state"),
            ("B", "add a breakpoint: exit:S, error[:NAME], retry, catch, if:$.total > 100"),
            ("e", "inject an error into the selected Task state"),
            ("i", "edit the state input at this pause (JSON)"),
            ("a", "answer a waiting Task: a result or an error, at once or later with heartbeats"),
            ("Enter", "on a variable in the inspector: edit it; on a breakpoint: enable/disable"),
            ("d  Del", "in the inspector: delete the breakpoint or injection"),
            ("w", "save the session (--session FILE, or NAME.asldb-session.json)"),
            ("x", "export this execution as a mock-config test case (asldb test runs it)"),
        ]),
        .init("Look around", [
            ("Tab  Shift-Tab", "next / previous panel"),
            ("↑ ↓  j k", "move in the panel (timeline: travel to that event)"),
            ("h l", "pan the graph or the data left and right"),
            ("PgUp PgDn Home End", "page, first, last"),
            ("Enter", "data flow: fold or unfold a stage or a JSON node"),
            ("[  ]", "data flow: previous / next stage"),
            ("/", "search: graph: state names as you type; data flow: its text (folded parts open); timeline: events"),
            ("n  N", "while a search is active: next / previous match (Esc ends the search, n steps over again)"),
            ("z", "zoom the focused panel to the whole window, again to go back"),
            ("H  L", "move the split between the left and right panels"),
            ("f", "graph: follow the current state again after panning; timeline: filter by state name or event type"),
            ("-", "graph: compact zoom (small boxes, no type tags) for wide machines; again for full size"),
            ("Enter Space", "graph: fold or unfold the body of the selected Map or Parallel"),
            ("mouse", "click a state or an event to select it; wheel scrolls"),
            ("y", "copy the selected value, stage, event, state definition or variable (OSC 52 clipboard)"),
            ("Y", "copy the selected value's path ($.items[0].sku), state name or variable name"),
            ("m", "the message log: every status message in full"),
            ("?", "this help; / in it finds a key by what it does"),
            ("q  Ctrl-C", "quit"),
        ]),
    ])

    /// The help as rows `width` cells wide: a heading per section, then `keys  what they do`,
    /// a description too long for its row going on under itself rather than being cut.
    /// With `filter`, only the keys whose keys or description contain it (any case).
    static func helpRows(width: Int, filter: String = "") -> [[Span]] {
        let keyWidth = min(20, max(4, width / 3))
        let needle = filter.lowercased()
        var rows: [[Span]] = []
        for section in helpOverlay.sections {
            let bindings = section.bindings.filter {
                needle.isEmpty || $0.keys.lowercased().contains(needle) || $0.action.lowercased().contains(needle)
            }
            guard !bindings.isEmpty else { continue }
            if !rows.isEmpty { rows.append([]) }
            rows.append([Span(section.title, style: Style(foreground: .brightWhite, attributes: .bold))])
            for binding in bindings {
                let keys = wrapped(binding.keys, toWidth: keyWidth)
                let actions = wrapped(binding.action, toWidth: max(1, width - keyWidth - 2))
                for i in 0..<max(keys.count, actions.count) {
                    rows.append([Span(" " + padded(i < keys.count ? keys[i] : "", toWidth: keyWidth) + " ",
                                      style: Style(foreground: .cyan, attributes: .bold)),
                                 Span(i < actions.count ? actions[i] : "")])
                }
            }
        }
        return rows
    }

    /// The keys that work now, most useful first; the status line drops what does not fit.
    static func hints(for app: DebuggerApp) -> [(key: String, action: String)] {
        switch app.overlay {
        case .help where app.helpFilter?.typing == true: return [("Enter", "keep"), ("Esc", "all keys")]
        case .help: return [("↑↓", "scroll"), ("/", "find a key"), ("? Esc", "close help")]
        case .messages: return [("↑↓", "scroll"), ("m Esc", "close the log")]
        case .inject: return [("Tab", "field"), ("↑↓", "error"), ("Enter", "arm"), ("Esc", "cancel")]
        case .edit, .breakpoint: return [("Enter", "apply"), ("Esc", "cancel")]
        case .answer: return [("Tab", "field"), ("Enter", "answer"), ("Esc", "cancel")]
        case .search: return [("Enter", "keep"), ("Esc", "cancel")]
        case nil: break
        }
        var hints: [(key: String, action: String)] = []
        if app.activeSearch != nil { hints += [("n N", "match"), ("Esc", "end search")] }
        if app.blocked != nil {
            hints += [("a", "answer"), ("u", "back"), ("m", "log")]
        } else if app.session.current.isFinished && app.session.cursor == app.session.recordedEvents {
            hints += [("u", "back"), ("r", "restart")]
        } else {
            hints += [("s", "step")] + (app.activeSearch == nil ? [("n", "next")] : []) + [("c", "continue"), ("u", "back")]
        }
        hints += [("e", "inject"), ("b", "break")]
        switch app.focus {
        case .dataFlow: hints += [("Enter", "fold"), ("/", "search")]
        case .timeline: hints += [("↑↓", "travel")]
        case .inspector: hints += [("Enter", "edit"), ("d", "delete")]
        case .graph: hints += [("↑↓", "select")]
        }
        hints += [("Tab", "panel"), ("?", "help"), ("q", "quit")]
        return hints
    }
}

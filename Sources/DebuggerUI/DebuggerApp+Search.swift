/// Search: `/` finds state names in the graph (as you type), text in the data flow, or events
/// in the timeline; while a search is active `n` and `N` go to the next and previous match and
/// Esc ends it. `f` in the timeline filters it by state name or event type.
public enum SearchScope: Sendable, Hashable {
    case states, data, events
    /// The timeline's filter, typed in the same bar.
    case timelineFilter
}

/// The search bar while it is open: what is typed, where it searches, and what to go back to
/// when Esc cancels it.
public struct SearchBar: Sendable {
    public internal(set) var input: TextInput
    public let scope: SearchScope
    /// The graph's selection or the timeline filter before the bar opened.
    let before: String?
    /// Why the text finds nothing, shown in the bar.
    var problem: String?
}

extension DebuggerApp {
    /// Opens the search bar for the focused panel (`/`) or the timeline filter (`f` there).
    mutating func openSearch(_ scope: SearchScope) {
        switch scope {
        case .states: overlay = .search(SearchBar(input: TextInput(""), scope: .states, before: selectedState))
        case .timelineFilter: overlay = .search(SearchBar(input: TextInput(timelineFilter ?? ""), scope: .timelineFilter, before: timelineFilter))
        case .data, .events: overlay = .search(SearchBar(input: TextInput(searchQuery ?? ""), scope: scope, before: nil))
        }
    }

    /// Keys while the search bar is open.
    mutating func handleSearchKey(_ key: Key, bar: SearchBar) {
        var bar = bar
        switch key {
        case .escape:
            overlay = nil
            switch bar.scope {
            case .states:
                selectedState = bar.before
                scrollToSelectedState()
            case .timelineFilter: timelineFilter = bar.before
            case .data, .events: break
            }
            return
        case .enter:
            overlay = nil
            submit(bar.input.text, scope: bar.scope)
            return
        default:
            guard bar.input.handle(key) else { return }
        }
        // The graph and the timeline filter follow the text as it is typed.
        bar.problem = nil
        switch bar.scope {
        case .states:
            if bar.input.text.isEmpty {
                selectedState = bar.before
            } else if let found = matchingState(bar.input.text, from: bar.before, offset: 0) {
                selectedState = found
            } else {
                bar.problem = "no state name contains this"
            }
            scrollToSelectedState()
        case .timelineFilter:
            timelineFilter = bar.input.text.isEmpty ? nil : bar.input.text
            if !bar.input.text.isEmpty && filteredTimeline().isEmpty { bar.problem = "no event has this state name or type" }
        case .data, .events: break
        }
        overlay = .search(bar)
    }

    /// Enter in the search bar: the search becomes active (or the filter is kept).
    mutating func submit(_ text: String, scope: SearchScope) {
        if scope == .timelineFilter {
            timelineFilter = text.isEmpty ? nil : text
            let shown = filteredTimeline().count
            return report(text.isEmpty ? "timeline filter cleared"
                                       : "timeline: \(shown) of \(session.recordedEvents) events have \"\(text)\" in their state or type · f changes it")
        }
        guard !text.isEmpty else {
            endSearch()
            return report("search cleared")
        }
        searchQuery = text
        activeSearch = scope
        findNext(backward: false, fromSearchBar: true)
    }

    /// `n` / `N` while a search is active.
    mutating func findNext(backward: Bool, fromSearchBar: Bool = false) {
        guard let query = searchQuery, let scope = activeSearch else { return }
        switch scope {
        case .states:
            let order = graphView().statesInReadingOrder
            let matches = order.filter { $0.lowercased().contains(query.lowercased()) }
            // Typing already selected the first match; Enter keeps it.
            let step = fromSearchBar && selectedState.map({ $0.lowercased().contains(query.lowercased()) }) == true ? 0 : (backward ? -1 : 1)
            guard let found = matchingState(query, from: selectedState, offset: step) else {
                return report("no state name contains \"\(query)\" · Esc ends the search", error: true)
            }
            selectedState = found
            scrollToSelectedState()
            focus = .graph
            let number = (matches.firstIndex(of: found) ?? 0) + 1
            report("n N next/previous · \"\(query)\": state \(number) of \(matches.count), \(found) · Esc ends the search")
        case .data: findInData(query, backward: backward)
        case .events: findEvent(query, backward: backward)
        case .timelineFilter: break
        }
    }

    /// The first state in reading order, `offset` places on from `start` (0: `start` itself
    /// counts) and wrapping round, whose name contains `query` (any case).
    func matchingState(_ query: String, from start: String?, offset: Int) -> String? {
        let order = graphView().statesInReadingOrder
        guard !order.isEmpty else { return nil }
        let needle = query.lowercased()
        let origin = start.flatMap { order.firstIndex(of: hiddenStates[$0] ?? $0) } ?? 0
        let direction = offset < 0 ? -1 : 1
        let first = origin + offset
        for i in 0..<order.count {
            let index = ((first + direction * i) % order.count + order.count) % order.count
            if order[index].lowercased().contains(needle) { return order[index] }
        }
        return nil
    }

    /// Esc with no dialog open: the search is over, `n` steps over again.
    mutating func endSearch() {
        searchQuery = nil
        activeSearch = nil
    }

    /// The history positions (0-based) of the events the timeline shows: all of them, or those
    /// whose state name or event type contains the filter.
    func filteredTimeline() -> [Int] {
        let history = session.history
        guard let filter = timelineFilter?.lowercased(), !filter.isEmpty else { return Array(0..<history.count) }
        return cache.timelineRows(generation: generation, count: history.count, filter: filter) {
            (0..<history.count).filter { index in
                let event = history[index]
                return event.type.rawValue.lowercased().contains(filter) || event.stateName?.lowercased().contains(filter) == true
            }
        }
    }

    /// Selects the next (or, `backward`, the previous) data-flow row after the selection that
    /// contains `query`, opening folded parts that hide it.
    mutating func findInData(_ query: String, backward: Bool = false) {
        let needle = query.lowercased()
        focus = .dataFlow
        var rows = dataFlowRows()
        let start = min(dataList.selection ?? 0, max(0, rows.count - 1))
        var order = Array(rows.indices.dropFirst(start + 1)) + Array(rows.indices.prefix(start + 1))
        if backward { order = Array(rows.indices.prefix(start).reversed()) + Array(rows.indices.dropFirst(start).reversed()) }
        // The next row that shows the text, or a folded row that hides it: opened on the way.
        guard let found = order.first(where: {
            rows[$0].text.lowercased().contains(needle) || (rows[$0].isFolded && Self.folded(rows[$0], contains: needle))
        })
        else {
            return report("\"\(query)\" is not in this state's data · Esc ends the search", error: true)
        }
        if rows[found].isFolded, let key = rows[found].foldKey { reveal(needle, under: key, in: rows[found].document) }
        rows = dataFlowRows()
        let matches = rows.indices.filter { rows[$0].text.lowercased().contains(needle) }
        let hit = matches.first { $0 >= found } ?? matches.first ?? found
        dataList.selection = hit
        let number = (matches.firstIndex(of: hit) ?? 0) + 1
        report("n N next/previous · \"\(query)\": match \(number) of \(matches.count) shown · Esc ends the search")
    }

    /// Whether the part a folded row hides (a stage, or a container of one) holds the text.
    static func folded(_ row: DataFlowRow, contains needle: String) -> Bool {
        guard let document = row.document, let key = row.foldKey else { return false }
        guard let part = part(of: document, under: key) else { return false }
        return JSONPrinter.compact(part).lowercased().contains(needle)
    }

    /// The value a fold key stands for: a whole stage (`stage:NAME`) or a container (`stage:NAME#/a/0`).
    static func part(of document: JSON, under key: String) -> JSON? {
        guard let hash = key.firstIndex(of: "#") else { return document }
        return try? document.value(atPointer: String(key[key.index(after: hash)...]))
    }

    /// Opens the fold `key` and every container on the way to the first place that holds the text.
    mutating func reveal(_ needle: String, under key: String, in document: JSON?) {
        guard let document, let part = Self.part(of: document, under: key) else { return }
        let stageKey = key.firstIndex(of: "#").map { String(key[..<$0]) } ?? key
        let base = key.firstIndex(of: "#").map { String(key[key.index(after: $0)...]) } ?? ""
        foldOverrides[stageKey] = false
        foldOverrides[key] = false
        guard let path = Self.firstPath(in: part, containing: needle) else { return }
        var pointer = base
        for token in path.dropLast() {
            pointer += "/" + JSONPointer.escape(token)
            foldOverrides[stageKey + "#" + pointer] = false
        }
        // A matching container is opened too, so its text shows.
        if let last = path.last, let value = part.value(at: path) {
            switch value {
            case .object, .array: foldOverrides[stageKey + "#" + pointer + "/" + JSONPointer.escape(last)] = false
            default: break
            }
        }
    }

    /// The path to the first member whose key or printed value holds the text, depth first.
    static func firstPath(in value: JSON, containing needle: String) -> [String]? {
        switch value {
        case .object(let members):
            for (key, member) in members {
                if key.lowercased().contains(needle) { return [key] }
                if JSONPrinter.compact(member).lowercased().contains(needle) {
                    return [key] + (firstPath(in: member, containing: needle) ?? [])
                }
            }
            return nil
        case .array(let items):
            for (index, item) in items.enumerated() where JSONPrinter.compact(item).lowercased().contains(needle) {
                return [String(index)] + (firstPath(in: item, containing: needle) ?? [])
            }
            return nil
        default:
            return nil
        }
    }

    /// In the timeline, `/` finds the next (or previous) event whose row mentions the text and travels there.
    mutating func findEvent(_ query: String, backward: Bool = false) {
        let needle = query.lowercased()
        let history = session.history
        let start = session.setup.options.startTime
        func text(_ index: Int) -> String {
            TimelineRow.spans(for: history[index], level: 0, start: start).map(\.text).joined().lowercased()
        }
        let count = history.count
        guard count > 0 else { return report("no events yet to search", error: true) }
        // Forward from the row after the current event, backward from the one before it.
        let from = backward ? session.cursor - 2 + count : session.cursor
        guard let hit = (0..<count).lazy.map({ (backward ? from - $0 : from + $0) % count }).first(where: { text($0).contains(needle) }) else {
            return report("no event mentions \"\(query)\" · Esc ends the search", error: true)
        }
        travel(to: hit + 1)
        report("n N next/previous · \"\(query)\": event \(hit + 1) · Esc ends the search")
    }
}


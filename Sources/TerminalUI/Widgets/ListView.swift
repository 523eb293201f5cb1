/// A list's selection and scroll position, kept by the app between frames.
public struct ListState: Hashable, Sendable {
    /// The selected row, nil when the list is empty or nothing is selected.
    public var selection: Int?
    /// The first row shown.
    public var offset: Int

    public init(selection: Int? = 0, offset: Int = 0) {
        self.selection = selection
        self.offset = offset
    }

    /// Moves the selection by `delta` rows, stopping at the ends.
    public mutating func move(by delta: Int, count: Int) {
        guard count > 0 else { selection = nil; return }
        selection = max(0, min(count - 1, (selection ?? 0) + delta))
    }

    public mutating func selectFirst(count: Int) { selection = count > 0 ? 0 : nil }
    public mutating func selectLast(count: Int) { selection = count > 0 ? count - 1 : nil }

    /// Handles the usual navigation keys; returns whether the key was one of them.
    public mutating func handle(_ key: Key, count: Int, pageHeight: Int) -> Bool {
        switch key {
        case .up, .char("k"): move(by: -1, count: count)
        case .down, .char("j"): move(by: 1, count: count)
        case .pageUp: move(by: -max(1, pageHeight - 1), count: count)
        case .pageDown: move(by: max(1, pageHeight - 1), count: count)
        case .home: selectFirst(count: count)
        case .end: selectLast(count: count)
        default: return false
        }
        return true
    }

    /// Scrolls the least amount that keeps the selection visible in `height` rows.
    public mutating func scrollToSelection(height: Int, count: Int) {
        guard height > 0 else { return }
        if let selection {
            if selection < offset { offset = selection }
            if selection >= offset + height { offset = selection - height + 1 }
        }
        offset = max(0, min(offset, count - height))
    }

    /// The row index under screen row `y` of a list drawn in `rect`, for mouse clicks.
    public func index(atScreenRow y: Int, in rect: Rect, count: Int) -> Int? {
        guard y >= rect.y, y < rect.maxY else { return nil }
        let index = offset + (y - rect.y)
        return index < count ? index : nil
    }
}

/// A vertical list of lines with one selected row highlighted across the full width.
public struct ListView: Sendable {
    public var items: [[Span]]
    public var selectedStyle: Style
    /// A marker drawn before the selected row (and blank before others) so the selection
    /// shows even where reverse video is hard to see.
    public var marker: String

    public init(items: [[Span]], selectedStyle: Style = .reverse, marker: String = "") {
        self.items = items
        self.selectedStyle = selectedStyle
        self.marker = marker
    }

    /// A list of plain lines.
    public init(lines: [String], selectedStyle: Style = .reverse, marker: String = "") {
        self.init(items: lines.map { [Span($0)] }, selectedStyle: selectedStyle, marker: marker)
    }

    /// Draws the visible rows, first scrolling `state` so the selection shows.
    public func render(state: inout ListState, in rect: Rect, on screen: inout Screen) {
        state.scrollToSelection(height: rect.height, count: items.count)
        let markerWidth = cellWidth(marker)
        for row in 0..<rect.height {
            let index = state.offset + row
            let line = rect.row(row)
            screen.fill(line)
            guard index < items.count else { continue }
            let selected = index == state.selection
            var x = line.x
            if markerWidth > 0 {
                x = screen.put(selected ? marker : String(repeating: " ", count: markerWidth),
                               at: line.origin, style: selected ? selectedStyle : .plain, clip: line)
            }
            screen.put(items[index], at: Point(x: x, y: line.y), clip: line)
            if selected {
                screen.restyle(line) { style in
                    var merged = style
                    merged.attributes.formUnion(selectedStyle.attributes)
                    if selectedStyle.background != .default { merged.background = selectedStyle.background }
                    if selectedStyle.foreground != .default { merged.foreground = selectedStyle.foreground }
                    return merged
                }
            }
        }
    }
}

/// A centred table of keys and what they do, in titled sections, drawn over the screen.
public struct HelpOverlay: Sendable {
    /// A titled group of key bindings.
    public struct Section: Sendable {
        public var title: String
        public var bindings: [(keys: String, action: String)]

        public init(_ title: String, _ bindings: [(keys: String, action: String)]) {
            self.title = title
            self.bindings = bindings
        }
    }

    public var title: String
    public var sections: [Section]
    public var hint: String

    public init(title: String = "Keys", sections: [Section], hint: String = "? or Esc closes") {
        self.title = title
        self.sections = sections
        self.hint = hint
    }

    /// Draws the table centred in `bounds`; rows that do not fit are cut at the bottom.
    public func render(in bounds: Rect, on screen: inout Screen) {
        let keyWidth = sections.flatMap { $0.bindings.map { cellWidth($0.keys) } }.max() ?? 0
        let actionWidth = sections.flatMap { $0.bindings.map { cellWidth($0.action) } }.max() ?? 0
        var rows: [[Span]] = []
        for (i, section) in sections.enumerated() {
            if i > 0 { rows.append([]) }
            rows.append([Span(section.title, style: .underline)])
            for binding in section.bindings {
                rows.append([
                    Span(padded(binding.keys, toWidth: keyWidth) + "  ", style: Style(foreground: .cyan, attributes: .bold)),
                    Span(binding.action),
                ])
            }
        }
        let width = max(keyWidth + 2 + actionWidth, cellWidth(title) + 4, cellWidth(hint)) + 4
        let height = rows.count + (hint.isEmpty ? 0 : 2) + 2
        let box = bounds.centered(Size(width: width, height: height))
        let inner = Panel(title, focused: true).render(in: box, on: &screen).inset(left: 1, right: 1)
        for (i, row) in rows.enumerated() where i < inner.height {
            screen.put(row, at: Point(x: inner.x, y: inner.y + i), clip: inner)
        }
        if !hint.isEmpty, inner.height > 0 {
            screen.put(hint, at: Point(x: inner.x, y: inner.maxY - 1), style: .dim, clip: inner)
        }
    }
}

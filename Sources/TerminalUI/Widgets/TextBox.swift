/// A centred, bordered box of rows that scrolls when they do not fit: the help, the message
/// log. The caller wraps its rows to `innerWidth(in:)` first, so nothing is cut at the side.
public struct TextBox: Sendable {
    public var title: String
    public var rows: [[Span]]
    /// The first row shown; kept in range when drawn.
    public var offset: Int
    /// What closes the box, in the bottom border after the position (`↑↓ 3/40 · Esc closes`).
    public var hint: String
    public var maxWidth: Int

    public init(_ title: String, rows: [[Span]], offset: Int, hint: String, maxWidth: Int = 100) {
        self.title = title
        self.rows = rows
        self.offset = offset
        self.hint = hint
        self.maxWidth = maxWidth
    }

    /// Cells a row may take inside the box drawn in `bounds` (a space is kept on either side).
    public static func innerWidth(in bounds: Rect, maxWidth: Int = 100) -> Int {
        max(1, min(bounds.width - 2, maxWidth) - 4)
    }

    /// Rows shown at once in `bounds`.
    public static func visibleRows(in bounds: Rect) -> Int {
        max(1, bounds.height - 4)
    }

    /// The first row shown for a wanted `offset`: never past the last full page.
    public static func clamped(_ offset: Int, count: Int, in bounds: Rect) -> Int {
        max(0, min(offset, count - visibleRows(in: bounds)))
    }

    public func render(in bounds: Rect, on screen: inout Screen) {
        let width = min(bounds.width - 2, maxWidth)
        let height = min(bounds.height - 2, rows.count + 2)
        let box = bounds.centered(Size(width: width, height: height))
        let visible = max(0, height - 2)
        let first = max(0, min(offset, rows.count - visible))
        let footer = rows.count > visible ? "↑↓ \(first + visible)/\(rows.count) · \(hint)" : hint
        let inner = Panel(title, focused: true, footer: footer).render(in: box, on: &screen)
        for y in 0..<inner.height where first + y < rows.count {
            screen.put(rows[first + y], at: Point(x: inner.x + 1, y: inner.y + y), clip: inner.inset(left: 1, right: 1))
        }
    }
}

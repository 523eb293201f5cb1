/// A centred box drawn over the screen, with a title, message lines and a hint line
/// (e.g. `Enter apply · Esc cancel`). The content area is returned for a field or list.
public struct Dialog: Sendable {
    public var title: String
    public var lines: [String]
    public var hint: String
    /// Rows left free under the message for the caller's content (a text field, a list).
    public var contentHeight: Int
    public var width: Int?

    public init(_ title: String, lines: [String] = [], hint: String = "", contentHeight: Int = 0, width: Int? = nil) {
        self.title = title
        self.lines = lines
        self.hint = hint
        self.contentHeight = contentHeight
        self.width = width
    }

    /// The box's outer rectangle on a screen of `size`.
    public func frame(in bounds: Rect) -> Rect {
        let textWidth = ([title, hint] + lines).map { cellWidth($0) }.max() ?? 0
        let innerWidth = width ?? max(textWidth + 2, 30)
        let innerHeight = lines.count + contentHeight + (hint.isEmpty ? 0 : 1)
            + (lines.isEmpty || contentHeight == 0 ? 0 : 1)
        return bounds.centered(Size(width: innerWidth + 2, height: innerHeight + 2))
    }

    /// Draws the dialog centred in `bounds` and returns the content area under the message.
    @discardableResult
    public func render(in bounds: Rect, on screen: inout Screen) -> Rect {
        let box = frame(in: bounds)
        let inner = Panel(title, focused: true).render(in: box, on: &screen)
        let padded = inner.inset(left: 1, right: 1)
        for (i, line) in lines.enumerated() {
            screen.put(truncated(line, toWidth: padded.width), at: Point(x: padded.x, y: padded.y + i), clip: padded)
        }
        if !hint.isEmpty {
            let y = inner.maxY - 1
            screen.put(truncated(hint, toWidth: padded.width), at: Point(x: padded.x, y: y), style: .dim, clip: padded)
        }
        let top = padded.y + lines.count + (lines.isEmpty || contentHeight == 0 ? 0 : 1)
        return Rect(x: padded.x, y: top, width: padded.width, height: contentHeight).intersection(inner)
    }
}

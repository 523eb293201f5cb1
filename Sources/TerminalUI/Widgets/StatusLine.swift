/// One row of key hints on the left (`s step  n next  q quit`, keys in bold) and a
/// status message on the right; hints that do not fit are dropped whole, not cut.
public struct StatusLine: Sendable {
    public var hints: [(key: String, action: String)]
    public var message: String
    public var messageStyle: Style
    public var keyStyle: Style
    public var style: Style

    public init(
        hints: [(key: String, action: String)] = [], message: String = "", messageStyle: Style = .plain,
        keyStyle: Style = Style(foreground: .cyan, attributes: .bold), style: Style = .plain
    ) {
        self.hints = hints
        self.message = message
        self.messageStyle = messageStyle
        self.keyStyle = keyStyle
        self.style = style
    }

    /// Draws the line on the first row of `rect`.
    public func render(in rect: Rect, on screen: inout Screen) {
        let line = rect.row(0).intersection(screen.bounds)
        guard line.width > 0 else { return }
        screen.fill(line, with: Cell(" ", style: style))
        let shownMessage = truncated(message, toWidth: max(0, line.width - 2))
        let messageWidth = cellWidth(shownMessage)
        let hintRoom = line.width - (messageWidth > 0 ? messageWidth + 2 : 0)
        var x = line.x + 1
        for hint in hints {
            let width = cellWidth(hint.key) + 1 + cellWidth(hint.action) + 2
            guard x - line.x + width - 2 <= hintRoom else { break }
            x = screen.put(hint.key, at: Point(x: x, y: line.y), style: style.with(keyStyle.attributes).fg(keyStyle.foreground), clip: line)
            x = screen.put(" " + hint.action + "  ", at: Point(x: x, y: line.y), style: style, clip: line)
        }
        if messageWidth > 0 {
            screen.put(shownMessage, at: Point(x: line.maxX - messageWidth - 1, y: line.y), style: messageStyle, clip: line)
        }
    }
}

/// A bordered frame with its title set into the top border (`┌ Graph ────┐`). The focused
/// panel gets a heavier, coloured border so it stands out even without colour.
public struct Panel: Sendable {
    public var title: String
    public var isFocused: Bool
    public var borderStyle: Style
    public var focusedBorderStyle: Style
    public var titleStyle: Style
    /// Text set into the bottom border on the right, e.g. a scroll position `12/40`.
    public var footer: String

    public init(
        _ title: String = "", focused: Bool = false, footer: String = "",
        borderStyle: Style = .fg(.brightBlack),
        focusedBorderStyle: Style = Style(foreground: .cyan, attributes: .bold),
        titleStyle: Style = .bold
    ) {
        self.title = title
        self.isFocused = focused
        self.footer = footer
        self.borderStyle = borderStyle
        self.focusedBorderStyle = focusedBorderStyle
        self.titleStyle = titleStyle
    }

    /// Draws the frame over `rect` (clearing its inside) and returns the area inside the border.
    @discardableResult
    public func render(in rect: Rect, on screen: inout Screen) -> Rect {
        let area = rect.intersection(screen.bounds)
        guard area.width >= 2, area.height >= 2 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
        let style = isFocused ? focusedBorderStyle : borderStyle
        let glyphs = isFocused ? ("┏", "━", "┓", "┃", "┗", "┛") : ("┌", "─", "┐", "│", "└", "┘")
        let inner = area.inset(by: 1)
        screen.fill(inner)
        let horizontal = String(repeating: glyphs.1, count: area.width - 2)
        screen.put(glyphs.0 + horizontal + glyphs.2, at: area.origin, style: style, clip: area)
        screen.put(glyphs.4 + horizontal + glyphs.5, at: Point(x: area.x, y: area.maxY - 1), style: style, clip: area)
        for y in inner.y..<inner.maxY {
            screen.put(glyphs.3, at: Point(x: area.x, y: y), style: style, clip: area)
            screen.put(glyphs.3, at: Point(x: area.maxX - 1, y: y), style: style, clip: area)
        }
        // Room for the title between the corners, with a space either side.
        let room = area.width - 4
        if !title.isEmpty, room > 0 {
            let text = truncated(title, toWidth: room)
            let titleStyle = isFocused ? self.titleStyle.with(style.attributes).fg(style.foreground) : self.titleStyle
            screen.put(" ", at: Point(x: area.x + 1, y: area.y), style: style)
            let end = screen.put(text, at: Point(x: area.x + 2, y: area.y), style: titleStyle, clip: area)
            screen.put(" ", at: Point(x: end, y: area.y), style: style, clip: area.inset(right: 1))
        }
        if !footer.isEmpty, room > 0 {
            let text = truncated(footer, toWidth: room)
            let x = area.maxX - 2 - cellWidth(text)
            screen.put(" " + text + " ", at: Point(x: x - 1, y: area.maxY - 1), style: style, clip: area.inset(left: 1, right: 1))
        }
        return inner
    }
}

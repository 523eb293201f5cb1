/// Where a viewport sits over content larger than itself, kept in range and able to follow
/// a target (the selected row, the current state in a graph) so it stays in view.
public struct ScrollState: Hashable, Sendable {
    /// The content cell shown at the viewport's top-left corner.
    public var offset: Point

    public init(offset: Point = .zero) {
        self.offset = offset
    }

    /// Keeps the offset inside the content: never past its end, never negative.
    public mutating func clamp(content: Size, viewport: Size) {
        offset.x = max(0, min(offset.x, content.width - viewport.width))
        offset.y = max(0, min(offset.y, content.height - viewport.height))
    }

    /// Scrolls by a number of cells, clamped to the content.
    public mutating func scroll(by delta: Point, content: Size, viewport: Size) {
        offset.x += delta.x
        offset.y += delta.y
        clamp(content: content, viewport: viewport)
    }

    /// Scrolls the least amount that brings `target` (content coordinates) into view; a
    /// target bigger than the viewport shows its top-left part.
    public mutating func follow(_ target: Rect, content: Size, viewport: Size) {
        offset.x = Self.follow(start: target.x, length: target.width, offset: offset.x, viewport: viewport.width)
        offset.y = Self.follow(start: target.y, length: target.height, offset: offset.y, viewport: viewport.height)
        clamp(content: content, viewport: viewport)
    }

    /// Centres `target` across the viewport, and down it when the target is not already in
    /// view at least `margin` rows from the top and bottom edges; then keeps the offset inside
    /// the content. A target wider or taller than the viewport shows its left or top part.
    public mutating func centre(on target: Rect, content: Size, viewport: Size, margin: Int = 1) {
        offset.x = Self.centred(start: target.x, length: target.width, viewport: viewport.width)
        let top = offset.y + min(margin, max(0, (viewport.height - target.height) / 2))
        let bottom = offset.y + viewport.height - min(margin, max(0, (viewport.height - target.height) / 2))
        if target.y < top || target.maxY > bottom {
            offset.y = Self.centred(start: target.y, length: target.height, viewport: viewport.height)
        }
        clamp(content: content, viewport: viewport)
    }

    private static func centred(start: Int, length: Int, viewport: Int) -> Int {
        length >= viewport ? start : start - (viewport - length) / 2
    }

    private static func follow(start: Int, length: Int, offset: Int, viewport: Int) -> Int {
        guard viewport > 0 else { return offset }
        if start < offset || length > viewport { return start }
        if start + length > offset + viewport { return start + length - viewport }
        return offset
    }

    /// The visible part of the content, in content coordinates.
    public func visibleRect(viewport: Size) -> Rect {
        Rect(x: offset.x, y: offset.y, width: viewport.width, height: viewport.height)
    }

    /// Draws `content` through the viewport `rect`: the part under the offset shows.
    public func render(_ content: Screen, in rect: Rect, on screen: inout Screen) {
        let area = rect.intersection(screen.bounds)
        for y in 0..<area.height {
            for x in 0..<area.width {
                screen.set(content[offset.x + x, offset.y + y], x: area.x + x, y: area.y + y)
            }
        }
    }
}

/// A cell position on the canvas: column `x`, row `y`, both from 0 at the top left.
public struct GridPoint: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }

    public var description: String { "(\(x),\(y))" }
}

/// A rectangle of cells.
public struct GridRect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// One past the last column.
    public var maxX: Int { x + width }
    /// One past the last row.
    public var maxY: Int { y + height }

    /// Whether the cell lies inside.
    public func contains(_ p: GridPoint) -> Bool {
        p.x >= x && p.x < maxX && p.y >= y && p.y < maxY
    }

    /// Whether the cell lies on the rectangle's outline.
    public func borderContains(_ p: GridPoint) -> Bool {
        contains(p) && (p.x == x || p.x == maxX - 1 || p.y == y || p.y == maxY - 1)
    }

    /// Whether the two rectangles share at least one cell.
    public func intersects(_ other: GridRect) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }

    /// The same rectangle moved by `dx`, `dy`.
    public func offsetBy(dx: Int, dy: Int) -> GridRect {
        GridRect(x: x + dx, y: y + dy, width: width, height: height)
    }

    public var description: String { "[\(x),\(y) \(width)×\(height)]" }
}

/// A grid of cells that a frame is drawn into. Every drawing call clips: writing outside the
/// grid or the given clip rectangle is silently dropped, so rendering never fails.
public struct Screen: Hashable, Sendable {
    public private(set) var size: Size
    /// Row-major cells, `size.width * size.height` of them.
    public private(set) var cells: [Cell]

    /// A blank screen of `size`, filled with `fill`.
    public init(size: Size, fill: Cell = .blank) {
        self.size = size
        self.cells = Array(repeating: fill, count: size.width * size.height)
    }

    public init(width: Int, height: Int) {
        self.init(size: Size(width: width, height: height))
    }

    public var width: Int { size.width }
    public var height: Int { size.height }
    /// The whole screen as a rectangle.
    public var bounds: Rect { Rect(size) }

    /// The cell at column `x`, row `y` (a blank outside the grid).
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank }
        return cells[y * size.width + x]
    }

    /// Writes text on one row starting at `point` and returns the column after the last cell
    /// written. Control characters are drawn as visible escapes; a wide character that would
    /// straddle the right edge of `clip` is replaced by a space so nothing spills over.
    @discardableResult
    public mutating func put(_ text: String, at point: Point, style: Style = .plain, clip: Rect? = nil) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        guard point.y >= area.y, point.y < area.maxY else { return point.x }
        var x = point.x
        for character in text {
            if x >= area.maxX { break }
            if character.unicodeScalars.contains(where: { visibleEscape($0) != nil }) {
                for escapeCharacter in sanitizedForDisplay(String(character)) {
                    if x >= area.maxX { break }
                    if x >= area.x { set(Cell(String(escapeCharacter), style: style), x: x, y: point.y) }
                    x += 1
                }
                continue
            }
            let width = cellWidth(character)
            if width == 0 { continue }
            if width == 2 {
                if x + 1 >= area.maxX || x < area.x {
                    // Half of a wide character cannot be shown: pad instead.
                    if x >= area.x { set(Cell(" ", style: style), x: x, y: point.y) }
                    if x + 1 >= area.x, x + 1 < area.maxX { set(Cell(" ", style: style), x: x + 1, y: point.y) }
                } else {
                    set(Cell(String(character), style: style), x: x, y: point.y)
                }
                x += 2
                continue
            }
            if x >= area.x { set(Cell(String(character), style: style), x: x, y: point.y) }
            x += 1
        }
        return x
    }

    /// Writes styled spans one after another on a row; returns the column after the last.
    @discardableResult
    public mutating func put(_ spans: [Span], at point: Point, clip: Rect? = nil) -> Int {
        var x = point.x
        for span in spans { x = put(span.text, at: Point(x: x, y: point.y), style: span.style, clip: clip) }
        return x
    }

    /// Fills a rectangle with one cell (spaces by default).
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let area = rect.intersection(bounds)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { set(cell, x: x, y: y) }
        }
    }

    /// Changes the style of every cell in a rectangle, keeping the text.
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        let area = rect.intersection(bounds)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                cells[y * size.width + x].style = transform(cells[y * size.width + x].style)
            }
        }
    }

    /// Sets one cell, keeping wide characters whole: a wide cell also claims the cell to its
    /// right, overwriting either half of a wide character blanks the other half, and a
    /// continuation with no wide character to its left becomes a space.
    public mutating func set(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
        let index = y * size.width + x
        if cell.isContinuation {
            let leftIsWide = x > 0 && !cells[index - 1].isContinuation && cells[index - 1].width == 2
            if leftIsWide {
                cells[index] = cell
            } else {
                replace(index, with: Cell(" ", style: cell.style))
            }
            return
        }
        replace(index, with: cell)
        guard cell.width == 2 else { return }
        guard x + 1 < size.width else {
            cells[index] = Cell(" ", style: cell.style)
            return
        }
        if !cells[index + 1].isContinuation { replace(index + 1, with: .blank) }
        cells[index + 1] = .continuation(cell.style)
    }

    /// Puts a visible grapheme at `index`, blanking whatever half of a wide character it breaks.
    private mutating func replace(_ index: Int, with cell: Cell) {
        let x = index % size.width
        let old = cells[index]
        if old.isContinuation, x > 0 {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        } else if old.width == 2, x + 1 < size.width, cells[index + 1].isContinuation {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }

    /// Copies another screen on top of this one with its top-left corner at `origin`.
    public mutating func draw(_ other: Screen, at origin: Point) {
        for y in 0..<other.height {
            for x in 0..<other.width { set(other[x, y], x: origin.x + x, y: origin.y + y) }
        }
    }
}

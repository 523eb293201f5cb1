/// Where a state was placed: its box, and the blank cells reserved beside it for markers.
public struct PlacedState: Sendable, Hashable {
    public var name: String
    /// JSON Pointer of the state in the definition (`/States/Par/Branches/0/States/X`).
    public var pointer: String
    /// The ASL `Type`.
    public var typeName: String
    /// Names of the Parallel/Map states this one is nested in, outermost first.
    public var enclosing: [String]
    /// The box, borders included; a Parallel or Map box contains its nested states' boxes.
    public var rect: GridRect
    /// Blank cells right of the box's first text row, reserved for markers (`✓ ● ↻`).
    public var markerSlot: GridRect
}

/// Why one state leads to another.
public enum EdgeKind: Sendable, Hashable {
    case next
    /// `Choices[index]`.
    case choice(Int)
    case choiceDefault
    /// `Catch[index]`.
    case `catch`(Int)
}

/// A drawn transition and the cells it covers.
public struct PlacedEdge: Sendable, Hashable {
    /// Index into `GraphCanvas.states` of the state the edge leaves.
    public var from: Int
    /// Index into `GraphCanvas.states` of the state the edge enters.
    public var to: Int
    public var kind: EdgeKind
    public var label: String?
    /// True for an edge that goes back up (a loop).
    public var isBackEdge: Bool
    /// Cells from the source box's border (first) to the arrow head on the target's border (last).
    public var cells: [GridPoint]
}

/// A laid-out state machine: a grid of cells with roles, plus where every state and edge is.
public struct GraphCanvas: Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    /// Row-major, `width * height` cells.
    public private(set) var cells: [GraphCell]
    /// Every state, nested ones included, outer states before the states inside them.
    public internal(set) var states: [PlacedState]
    public internal(set) var edges: [PlacedEdge]
    /// Cells where an edge was drawn over a box or a label; always empty unless the layout has a
    /// bug, and checked by the tests.
    var overdrawn: [GridPoint] = []

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        cells = Array(repeating: .blank, count: width * height)
        states = []
        edges = []
    }

    /// The cell at `x`, `y`; a blank cell outside the canvas, so callers can scroll freely.
    public subscript(x: Int, y: Int) -> GraphCell {
        get {
            guard x >= 0, y >= 0, x < width, y < height else { return .blank }
            return cells[y * width + x]
        }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// The innermost state whose box contains the cell (for mouse clicks).
    public func stateIndex(at point: GridPoint) -> Int? {
        var best: Int?
        for (i, s) in states.enumerated() where s.rect.contains(point) {
            if let b = best, states[b].enclosing.count >= s.enclosing.count { continue }
            best = i
        }
        return best
    }

    /// Indices of the states called `name` (more than one only if nested machines reuse a name).
    public func stateIndices(named name: String) -> [Int] {
        states.indices.filter { states[$0].name == name }
    }

    /// Index of the state with the given JSON Pointer (`/States/Par/Branches/0/States/X`).
    public func stateIndex(pointer: String) -> Int? {
        states.firstIndex { $0.pointer == pointer }
    }

    /// Indices of the edges from state `from` to state `to`, by index into `states`.
    public func edgeIndices(from: Int, to: Int) -> [Int] {
        edges.indices.filter { edges[$0].from == from && edges[$0].to == to }
    }

    /// The canvas as text rows, trailing blanks trimmed.
    public func render() -> [String] {
        render(GridRect(x: 0, y: 0, width: width, height: height))
    }

    /// The part of the canvas inside `viewport` (which may reach past its edges) as text rows.
    public func render(_ viewport: GridRect) -> [String] {
        (viewport.y..<viewport.maxY).map { y in
            var row = ""
            for x in viewport.x..<viewport.maxX {
                let cell = self[x, y]
                // A wide character cut by the viewport's left edge would shift the row.
                if cell.isWideTail { if x == viewport.x { row.append(" ") }; continue }
                if cellWidth(cell.character) == 2 && x == viewport.maxX - 1 { row.append(" "); continue }
                row.append(cell.character)
            }
            while row.last == " " { row.removeLast() }
            return row
        }
    }

    /// The roles as one letter per cell, to debug a layout (`B`order, `N`ame, `e`dge, ...).
    public func renderRoles() -> [String] {
        (0..<height).map { y in
            var row = ""
            for x in 0..<width { row.append(Self.letter(self[x, y].role)) }
            while row.last == " " { row.removeLast() }
            return row
        }
    }

    private static func letter(_ role: CellRole) -> Character {
        switch role {
        case .empty: return " "
        case .boxBorder: return "B"
        case .boxFill: return "f"
        case .stateName: return "N"
        case .typeTag: return "T"
        case .retryMark: return "R"
        case .markerSlot: return "m"
        case .frameBorder: return "F"
        case .edge: return "e"
        case .catchEdge: return "c"
        case .arrowHead: return "A"
        case .label: return "L"
        case .catchLabel: return "C"
        }
    }

    // MARK: - Building

    mutating func put(_ character: Character, role: CellRole, x: Int, y: Int) {
        self[x, y] = GraphCell(character: character, role: role)
    }

    /// Writes text left to right; a wide character takes two cells, the second marked as its tail.
    mutating func write(_ text: String, role: CellRole, x: Int, y: Int) {
        var cx = x
        for character in text {
            let w = cellWidth(character)
            guard w > 0 else { continue }
            put(character, role: role, x: cx, y: y)
            if w == 2 { self[cx + 1, y] = GraphCell(character: " ", role: role, isWideTail: true) }
            cx += w
        }
    }

    /// Copies another canvas in at an offset, with its states and edges.
    mutating func blit(_ other: GraphCanvas, dx: Int, dy: Int, enclosing: String) {
        for y in 0..<other.height {
            for x in 0..<other.width where other[x, y].role != .empty {
                self[x + dx, y + dy] = other[x, y]
            }
        }
        let base = states.count
        for var s in other.states {
            s.rect = s.rect.offsetBy(dx: dx, dy: dy)
            s.markerSlot = s.markerSlot.offsetBy(dx: dx, dy: dy)
            s.enclosing.insert(enclosing, at: 0)
            states.append(s)
        }
        overdrawn += other.overdrawn.map { GridPoint(x: $0.x + dx, y: $0.y + dy) }
        for var e in other.edges {
            e.from += base
            e.to += base
            e.cells = e.cells.map { GridPoint(x: $0.x + dx, y: $0.y + dy) }
            edges.append(e)
        }
    }
}

extension GraphCanvas: CustomStringConvertible {
    public var description: String { render().joined(separator: "\n") }
}

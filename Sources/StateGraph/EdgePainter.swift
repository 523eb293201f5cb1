/// Turns edge paths into box-drawing characters: every cell remembers which of its four sides
/// a line leaves by, so where lines meet they join (`┬ ├ ┼ ╮`) instead of overwriting each other.
struct EdgePainter {
    private struct Link {
        var sides: UInt8 = 0
        var solid = false
    }

    private static let up: UInt8 = 1, down: UInt8 = 2, left: UInt8 = 4, right: UInt8 = 8

    private var links: [GridPoint: Link] = [:]
    /// Ports and arrow heads, which sit on box borders; later ones win.
    private var ends: [(GridPoint, Character, CellRole)] = []

    mutating func add(_ path: [GridPoint], dashed: Bool) {
        guard path.count >= 2 else { return }
        for i in 0..<(path.count - 1) {
            let a = path[i], b = path[i + 1]
            let (fromA, fromB): (UInt8, UInt8) =
                b.y > a.y ? (Self.down, Self.up) : b.y < a.y ? (Self.up, Self.down) :
                b.x > a.x ? (Self.right, Self.left) : (Self.left, Self.right)
            if i > 0 { mark(a, fromA, dashed) }
            if i + 1 < path.count - 1 { mark(b, fromB, dashed) }
        }
        let first = path[0], last = path[path.count - 1]
        ends.append((first, path[1].y > first.y ? "┬" : "┴", .boxBorder))
        ends.append((last, path[path.count - 2].y < last.y ? "▼" : "▲", .arrowHead))
    }

    private mutating func mark(_ p: GridPoint, _ side: UInt8, _ dashed: Bool) {
        links[p, default: Link()].sides |= side
        if !dashed { links[p]!.solid = true }
    }

    func paint(into canvas: inout GraphCanvas) {
        for (p, link) in links {
            if canvas[p.x, p.y].role != .empty { canvas.overdrawn.append(p) }
            canvas.put(Self.character(link), role: link.solid ? .edge : .catchEdge, x: p.x, y: p.y)
        }
        for (p, c, role) in ends {
            if canvas[p.x, p.y].role != .boxBorder && canvas[p.x, p.y].role != .arrowHead { canvas.overdrawn.append(p) }
            canvas.put(c, role: role, x: p.x, y: p.y)
        }
    }

    private static func character(_ link: Link) -> Character {
        let s = link.sides
        let vertical = up | down, horizontal = left | right
        switch s {
        case up, down, vertical: return link.solid ? "│" : "┆"
        case left, right, horizontal: return link.solid ? "─" : "┄"
        case down | right: return "╭"
        case down | left: return "╮"
        case up | right: return "╰"
        case up | left: return "╯"
        case vertical | right: return "├"
        case vertical | left: return "┤"
        case horizontal | down: return "┬"
        case horizontal | up: return "┴"
        default: return "┼"
        }
    }
}

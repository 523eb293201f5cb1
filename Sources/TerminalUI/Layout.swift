/// How much of a row or column split one part takes.
public enum Constraint: Hashable, Sendable {
    /// Exactly `n` cells (less when space runs out).
    case fixed(Int)
    /// A percentage of the whole length, rounded down.
    case percent(Int)
    /// A share of what is left after fixed and percentage parts, by weight.
    case fill(Int)

    /// A fill part with weight 1.
    public static let rest = Constraint.fill(1)
}

extension Rect {
    /// Splits top to bottom: one rectangle per constraint, full width, never overlapping.
    public func rows(_ constraints: [Constraint]) -> [Rect] {
        var top = y
        return Self.lengths(constraints, total: height).map { length in
            defer { top += length }
            return Rect(x: x, y: top, width: width, height: length)
        }
    }

    /// Splits left to right: one rectangle per constraint, full height, never overlapping.
    public func columns(_ constraints: [Constraint]) -> [Rect] {
        var left = x
        return Self.lengths(constraints, total: width).map { length in
            defer { left += length }
            return Rect(x: left, y: y, width: length, height: height)
        }
    }

    /// Fixed and percentage parts are served first, in order, until space runs out;
    /// fill parts share the rest by weight, the rounding remainder going to the earliest ones.
    static func lengths(_ constraints: [Constraint], total: Int) -> [Int] {
        var lengths = [Int](repeating: 0, count: constraints.count)
        var left = max(0, total)
        var weights = 0
        for (i, constraint) in constraints.enumerated() {
            switch constraint {
            case .fixed(let n):
                lengths[i] = min(max(0, n), left)
            case .percent(let p):
                lengths[i] = min(max(0, total * min(max(p, 0), 100) / 100), left)
            case .fill(let w):
                weights += max(0, w)
                continue
            }
            left -= lengths[i]
        }
        guard weights > 0 else { return lengths }
        var given = 0
        for (i, constraint) in constraints.enumerated() {
            if case .fill(let w) = constraint {
                lengths[i] = left * max(0, w) / weights
                given += lengths[i]
            }
        }
        var remainder = left - given
        for (i, constraint) in constraints.enumerated() where remainder > 0 {
            if case .fill(let w) = constraint, w > 0 {
                lengths[i] += 1
                remainder -= 1
            }
        }
        return lengths
    }
}

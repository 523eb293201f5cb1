/// The cells that changed between two frames, as runs of neighbouring cells on a row; a
/// terminal moves to each run and rewrites only those cells.
public struct ScreenDiff: Hashable, Sendable {
    /// Neighbouring changed cells on one row, starting at `origin`.
    public struct Run: Hashable, Sendable {
        public var origin: Point
        public var cells: [Cell]

        public init(origin: Point, cells: [Cell]) {
            self.origin = origin
            self.cells = cells
        }
    }

    /// The size of the new frame.
    public var size: Size
    public var runs: [Run]
    /// True when there was no comparable old frame (first frame, or the size changed): the
    /// terminal should clear before drawing.
    public var isFullRedraw: Bool

    /// The changes turning `old` into `new`; every cell when `old` is nil or another size.
    public init(from old: Screen?, to new: Screen) {
        size = new.size
        runs = []
        guard let old, old.size == new.size else {
            isFullRedraw = true
            for y in 0..<new.height where new.width > 0 {
                runs.append(Run(origin: Point(x: 0, y: y), cells: Array(new.cells[y * new.width..<(y + 1) * new.width])))
            }
            return
        }
        isFullRedraw = false
        let width = new.width
        for y in 0..<new.height {
            let base = y * width
            var x = 0
            while x < width {
                guard old.cells[base + x] != new.cells[base + x] else {
                    x += 1
                    continue
                }
                // A wide character is written whole, so a run never starts on its right half.
                var start = x
                if new.cells[base + start].isContinuation, start > 0 { start -= 1 }
                var end = x + 1
                while end < width, old.cells[base + end] != new.cells[base + end] || new.cells[base + end].isContinuation {
                    end += 1
                }
                if let last = runs.last, last.origin.y == y, last.origin.x + last.cells.count >= start {
                    // Touching the previous run (the wide-character widening can make them meet).
                    let from = last.origin.x
                    runs[runs.count - 1].cells = Array(new.cells[base + from..<base + end])
                } else {
                    runs.append(Run(origin: Point(x: start, y: y), cells: Array(new.cells[base + start..<base + end])))
                }
                x = end
            }
        }
    }

    /// How many cells the terminal rewrites for this diff.
    public var changedCellCount: Int { runs.reduce(0) { $0 + $1.cells.count } }

    public var isEmpty: Bool { runs.isEmpty }

    /// Applies the diff to a copy of the old frame, giving the new one (what a terminal shows).
    public func apply(to screen: inout Screen) {
        if screen.size != size || isFullRedraw { screen = Screen(size: size) }
        for run in runs {
            for (offset, cell) in run.cells.enumerated() {
                screen.set(cell, x: run.origin.x + offset, y: run.origin.y)
            }
        }
    }
}

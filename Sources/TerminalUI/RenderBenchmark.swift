/// Mean times of rendering frames into a `MemoryTerminal`.
public struct RenderTimings: Hashable, Sendable {
    public var frames: Int
    /// Mean time to compute the diff of one frame against the previous one.
    public var meanDiff: Duration
    /// Mean time to hand one diff to the terminal and apply it.
    public var meanDraw: Duration
    /// Mean cells rewritten per frame.
    public var meanChangedCells: Double
}

/// Timings for the asldb benchmark; tests never assert on them.
public enum RenderBenchmark {
    /// Renders `frames` frames made by `makeFrame(index, size)` into a `MemoryTerminal` of
    /// `size` and returns mean diff and draw times. The first frame (a full redraw) is not counted.
    @MainActor
    public static func measure(frames: Int, size: Size = Size(width: 160, height: 48),
                               makeFrame: (Int, Size) -> Screen) -> RenderTimings {
        let terminal = MemoryTerminal(size: size)
        let clock = ContinuousClock()
        var previous = makeFrame(0, size)
        terminal.draw(ScreenDiff(from: nil, to: previous))
        var diffTime = Duration.zero, drawTime = Duration.zero
        var changed = 0
        let count = max(1, frames)
        for index in 1...count {
            let frame = makeFrame(index, size)
            let start = clock.now
            let diff = ScreenDiff(from: previous, to: frame)
            let diffed = clock.now
            terminal.draw(diff)
            let drawn = clock.now
            diffTime += diffed - start
            drawTime += drawn - diffed
            changed += diff.changedCellCount
            previous = frame
        }
        return RenderTimings(frames: count, meanDiff: diffTime / count, meanDraw: drawTime / count,
                             meanChangedCells: Double(changed) / Double(count))
    }

    /// A busy frame for the benchmark: bordered panels, a scrolling list with wide characters
    /// and a moving highlight, so each frame changes a few rows.
    public static func sampleFrame(_ index: Int, _ size: Size) -> Screen {
        var screen = Screen(size: size)
        let columns = screen.bounds.inset(bottom: 1).columns([.percent(40), .rest])
        let left = Panel("Graph", focused: index % 2 == 0).render(in: columns[0], on: &screen)
        let right = Panel("Timeline · 事件 \(index)").render(in: columns[1], on: &screen)
        for y in 0..<left.height {
            screen.put("│ state \(y + index % 7) ✓ 状態", at: Point(x: left.x + 2, y: left.y + y), clip: left)
        }
        var state = ListState(selection: index % max(1, right.height * 2))
        let lines = (0..<200).map { "+\($0).000  TaskStateEntered  Step\($0) 🚀 \(index % 3 == 0 ? "x" : "")" }
        ListView(lines: lines).render(state: &state, in: right, on: &screen)
        StatusLine(hints: [("s", "step"), ("q", "quit")], message: "frame \(index)")
            .render(in: screen.bounds.row(size.height - 1), on: &screen)
        return screen
    }
}

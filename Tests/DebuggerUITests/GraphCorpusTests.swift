import Foundation
import Testing

@testable import DebuggerUI

/// The graph panel over every real-world definition the loader accepts (`/work/shared/realworld`).
@Suite struct GraphCorpusTests {
    static let corpus = packageRoot().appendingPathComponent("../shared/realworld").standardized

    /// Machines from the corpus's JSON definitions that load (placeholders inside strings are
    /// fine; files that are not JSON until placeholders are substituted are skipped).
    static func machines() -> [(path: String, machine: StateMachine)] {
        var found: [(String, StateMachine)] = []
        for folder in ["defs", "extracted"] {
            let dir = corpus.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for name in names.sorted() where !name.hasSuffix(".yaml") && !name.hasSuffix(".yml") {
                guard let data = FileManager.default.contents(atPath: dir.appendingPathComponent(name).path) else { continue }
                let loaded = DefinitionLoader.load(bytes: data, fileName: name, validate: false)
                if let machine = loaded.machine { found.append((folder + "/" + name, machine)) }
            }
        }
        return found
    }

    /// Every mark at once, so every drawing path runs.
    static func busyMarks(_ canvas: GraphCanvas) -> GraphMarks {
        let names = canvas.states.map(\.name)
        var marks = GraphMarks(current: names.first, selected: names.last, visited: Set(names),
                               failed: Set(names.prefix(3)), breakpoints: Set(names.suffix(4)))
        for name in names { marks.attempts[name] = RetryProgress(made: 2, max: 4) }
        marks.takenEdges = Set(canvas.edges.map { GraphEdgeKey(from: names[$0.from], to: names[$0.to]) })
        return marks
    }

    @Test func everyDefinitionRendersInsideItsPanel() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let machines = Self.machines()
        try #require(!machines.isEmpty || !FileManager.default.fileExists(atPath: Self.corpus.path),
                     "corpus folder exists but nothing in it loaded")
        let sentinel = Cell("#", style: .fg(.blue))
        let screenSize = Size(width: 80, height: 24)
        let rect = Rect(x: 2, y: 1, width: 76, height: 22)
        for (i, (path, machine)) in machines.enumerated() {
            let canvas = GraphLayout.layout(machine)
            // Alternating colour and monochrome keeps the run short while covering both.
            let view = GraphView(canvas: canvas, marks: Self.busyMarks(canvas), colors: i % 2 == 0)
            let offsets = [Point(x: -3, y: -2), Point(x: canvas.width / 2 - 30, y: canvas.height / 2 - 10),
                           Point(x: canvas.width - 10, y: canvas.height - 5)]
            for offset in offsets {
                var screen = Screen(size: screenSize, fill: sentinel)
                view.render(scroll: ScrollState(offset: offset), in: rect, on: &screen)
                var outside = 0, undrawn = 0
                for y in 0..<screenSize.height {
                    for x in 0..<screenSize.width {
                        let drawn = screen[x, y] != sentinel
                        if rect.contains(Point(x: x, y: y)) { undrawn += drawn ? 0 : 1 } else { outside += drawn ? 1 : 0 }
                    }
                }
                #expect(outside == 0, "\(path) at \(offset): wrote \(outside) cells outside the panel")
                #expect(undrawn == 0, "\(path) at \(offset): left \(undrawn) cells of the panel undrawn")
            }
        }
        print("graph corpus: \(machines.count) definitions rendered at 3 offsets in \(clock.now - started)")
    }
}

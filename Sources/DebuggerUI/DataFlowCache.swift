import Synchronization

/// Remembers what was built for the last moment drawn (data-flow rows and trees, inspector rows,
/// graph marks): building them walks every stage's JSON, which is too slow to repeat for every
/// key press on a 200 KiB state, and several places of one frame ask for the same rows.
final class DataFlowCache {
    struct Key: Hashable {
        /// Bumped by every command that can change what the session shows.
        var generation: Int
        var folds: [String: Bool]
    }

    private var key: Key?
    private var rows: [DataFlowRow] = []

    /// Generations are unique across every app value: copies of an app share this cache, so a
    /// copy that changes its session must never reuse a number another copy has drawn with.
    private static let generations = Atomic<Int>(0)

    static func nextGeneration() -> Int {
        generations.add(1, ordering: .relaxed).newValue
    }
    /// The graph's marks, asked for several times per frame.
    private var marksKey: (generation: Int, selected: String?)?
    private var marks = GraphMarks()

    private var timelineKey: (generation: Int, count: Int, filter: String)?
    private var timeline: [Int] = []

    /// The timeline rows a filter keeps, asked for by every frame and key.
    func timelineRows(generation: Int, count: Int, filter: String, build: () -> [Int]) -> [Int] {
        if let timelineKey, timelineKey == (generation, count, filter) { return timeline }
        timeline = build()
        timelineKey = (generation, count, filter)
        return timeline
    }

    private var inspectorGeneration: Int?
    private var inspector: [InspectorRow] = []

    func inspectorRows(generation: Int, build: () -> [InspectorRow]) -> [InspectorRow] {
        if inspectorGeneration == generation { return inspector }
        inspector = build()
        inspectorGeneration = generation
        return inspector
    }

    func marks(generation: Int, selected: String?, build: () -> GraphMarks) -> GraphMarks {
        if let marksKey, marksKey.generation == generation, marksKey.selected == selected { return marks }
        marks = build()
        marksKey = (generation, selected)
        return marks
    }

    func rows(for key: Key, build: () -> [DataFlowRow]) -> [DataFlowRow] {
        if key == self.key { return rows }
        rows = build()
        self.key = key
        return rows
    }

    /// A stage's tree as drawn for an earlier moment.
    private struct Tree {
        var value: JSON
        var changes: [JSONChange]
        var collapsed: Set<String>
        var rows: [JSONTreeRow]
    }

    /// The trees of the last few stages drawn, most recently used last. Stepping back and
    /// forth, or travelling in the timeline, shows the same documents again; they share
    /// storage with the history, so finding them is cheap.
    private var trees: [Tree] = []
    static let treeCapacity = 8

    /// The rows of `JSONTreeView(value, changes:, collapsed:)`, built only when not kept.
    func treeRows(_ value: JSON, changes: [JSONChange], collapsed: Set<String>) -> [JSONTreeRow] {
        if let i = trees.lastIndex(where: {
            $0.collapsed == collapsed && $0.changes == changes && Self.sameText(value, $0.value)
        }) {
            let tree = trees.remove(at: i)
            trees.append(tree)
            return tree.rows
        }
        let rows = JSONTreeView(value, changes: changes, collapsed: collapsed).rows()
        trees.append(Tree(value: value, changes: changes, collapsed: collapsed, rows: rows))
        if trees.count > Self.treeCapacity { trees.removeFirst() }
        return rows
    }

    /// Whether two documents print the same. Stricter than `==`, which ignores the order of
    /// members and tells neither `3` from `3.0` nor composed from decomposed accents; faster
    /// too, since storage shared by both (the usual case between moments) is not walked.
    static func sameText(_ a: JSON, _ b: JSON) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(.int(let x)), .number(.int(let y))): return x == y
        case (.number(.double(let x)), .number(.double(let y))): return x.bitPattern == y.bitPattern
        case (.string(let x), .string(let y)): return x.utf8.elementsEqual(y.utf8)
        case (.array(let x), .array(let y)):
            guard x.count == y.count else { return false }
            return sharesStorage(x, y) || zip(x, y).allSatisfy { sameText($0, $1) }
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            return x.isIdentical(to: y) || zip(x, y).allSatisfy { $0.key.utf8.elementsEqual($1.key.utf8) && sameText($0.value, $1.value) }
        default: return false
        }
    }

    private static func sharesStorage<Element>(_ x: [Element], _ y: [Element]) -> Bool {
        x.withUnsafeBufferPointer { p in y.withUnsafeBufferPointer { q in p.baseAddress == q.baseAddress && p.count == q.count } }
    }
}

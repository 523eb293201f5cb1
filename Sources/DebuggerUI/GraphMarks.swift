/// What the execution has done to each state, for lighting up the graph.
///
/// States are named, not indexed, because the debugger knows states by name; a name that
/// nested machines reuse lights up every box that carries it.
public struct GraphMarks: Sendable, Hashable {
    /// The state the execution is in now.
    public var current: String?
    /// The state the user selected in the graph panel (may differ from `current`).
    public var selected: String?
    /// States entered at least once so far.
    public var visited: Set<String>
    /// States whose latest visit ended in an error.
    public var failed: Set<String>
    /// States with an enabled breakpoint.
    public var breakpoints: Set<String>
    /// Attempts made at states that retry, shown beside their `↻`.
    public var attempts: [String: RetryProgress]
    /// Transitions taken so far.
    public var takenEdges: Set<GraphEdgeKey>
    /// Map and Parallel states still running their iterations or branches.
    public var running: Set<String> = []
    /// A running Map's iterations as its box shows them: `3/10` started of all items.
    public var iterations: [String: String] = [:]

    public init(current: String? = nil, selected: String? = nil, visited: Set<String> = [], failed: Set<String> = [],
                breakpoints: Set<String> = [], attempts: [String: RetryProgress] = [:],
                takenEdges: Set<GraphEdgeKey> = []) {
        self.current = current
        self.selected = selected
        self.visited = visited
        self.failed = failed
        self.breakpoints = breakpoints
        self.attempts = attempts
        self.takenEdges = takenEdges
    }
}

extension GraphMarks {
    /// The marks with states hidden inside folded boxes given to the box that stands for them:
    /// the execution is in a folded Map when it is in one of its states.
    func folded(into containers: [String: String]) -> GraphMarks {
        func shown(_ name: String) -> String { containers[name] ?? name }
        var marks = self
        marks.current = current.map(shown)
        marks.selected = selected.map(shown)
        marks.visited = Set(visited.map(shown))
        marks.failed = Set(failed.map(shown))
        marks.breakpoints = Set(breakpoints.map(shown))
        marks.attempts = attempts.filter { containers[$0.key] == nil }
        marks.running = Set(running.map(shown))
        return marks
    }
}

/// How many attempts a retrying state has made out of the most it may make.
public struct RetryProgress: Sendable, Hashable {
    public var made: Int
    public var max: Int

    public init(made: Int, max: Int) {
        self.made = made
        self.max = max
    }

    /// The count as the graph shows it, e.g. `2/4`.
    public var text: String { "\(made)/\(max)" }
}

/// A transition between two states, by name.
public struct GraphEdgeKey: Sendable, Hashable {
    public var from: String
    public var to: String

    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }
}

/// What the execution has done to its states up to one event: kept for every recorded event, next
/// to the event's nesting level, so a debugger can light up the graph at any moment without
/// walking the history again (sets are copy-on-write, so moments share what did not change).
public struct Progress: Sendable, Hashable {
    /// One transition taken: the state left and the state entered next, at the same nesting level.
    public struct Transition: Sendable, Hashable {
        public var from: String
        public var to: String
    }

    /// States entered at least once.
    public internal(set) var visited: Set<String> = []
    /// States whose latest visit reported an error that no success followed.
    public internal(set) var failed: Set<String> = []
    public internal(set) var transitions: Set<Transition> = []
    /// Map and Parallel states whose iterations or branches are running, by name.
    public internal(set) var running: Set<String> = []
    /// How far each running Map is: iterations started and finished of how many items.
    public internal(set) var iterations: [String: Iterations] = [:]

    /// A running Map's iterations.
    public struct Iterations: Sendable, Hashable {
        public var started = 0
        public var finished = 0
        /// The number of items (`MapStateStarted`'s length), when the history says.
        public var total: Int?
    }
    /// The state entered last at each nesting level (events without a state name belong to it).
    var entered: [Int: String] = [:]

    /// The progress after `event`, recorded at nesting `level`.
    func after(_ event: HistoryEvent, level: Int) -> Progress {
        var next = self
        let type = event.type.rawValue
        if type.hasSuffix("StateEntered"), let name = event.stateName {
            if let previous = next.entered[level] { next.transitions.insert(Transition(from: previous, to: name)) }
            next.entered[level] = name
            // A deeper level starts afresh: a new branch or iteration has no previous state.
            if next.entered.keys.contains(where: { $0 > level }) { next.entered = next.entered.filter { $0.key <= level } }
            next.visited.insert(name)
            next.failed.remove(name)
            return next
        }
        if event.type == .mapIterationStarted || event.type == .parallelStateStarted || event.type == .mapStateStarted,
           next.entered.keys.contains(where: { $0 > level }) {
            next.entered = next.entered.filter { $0.key <= level }
        }
        next.trackContainers(event, type: type, level: level)
        guard let owner = next.entered[level] ?? next.entered[level - 1] else { return next }
        if event.stages?.errorDetails != nil {
            next.failed.insert(owner)
        } else if type.hasSuffix("Succeeded") && !type.hasPrefix("Execution") && !type.hasPrefix("MapIteration") {
            next.failed.remove(owner)
        }
        return next
    }

    /// Map and Parallel states start running at their `…StateStarted` and stop at their end;
    /// iteration events (one level deeper) count towards their Map.
    private mutating func trackContainers(_ event: HistoryEvent, type: String, level: Int) {
        switch type {
        case "MapStateStarted", "ParallelStateStarted":
            guard let owner = entered[level] else { return }
            running.insert(owner)
            if type == "MapStateStarted" {
                iterations[owner] = Iterations(total: event.details?["length"]?.intValue.map { Int($0) })
            }
        case "MapIterationStarted", "MapIterationSucceeded", "MapIterationFailed", "MapIterationAborted":
            guard let owner = entered[level - 1], iterations[owner] != nil else { return }
            if type == "MapIterationStarted" { iterations[owner]!.started += 1 } else { iterations[owner]!.finished += 1 }
        case "MapStateSucceeded", "MapStateFailed", "MapStateAborted", "ParallelStateSucceeded", "ParallelStateFailed",
             "ParallelStateAborted":
            guard let owner = entered[level] else { return }
            running.remove(owner)
            iterations[owner] = nil
        default: break
        }
    }
}

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
        guard let owner = next.entered[level] ?? next.entered[level - 1] else { return next }
        if event.stages?.errorDetails != nil {
            next.failed.insert(owner)
        } else if type.hasSuffix("Succeeded") && !type.hasPrefix("Execution") && !type.hasPrefix("MapIteration") {
            next.failed.remove(owner)
        }
        return next
    }
}

extension GraphMarks {
    /// What the history up to the session's cursor did to each state: where the execution is,
    /// where it has been, which transitions it took, which visits failed, retry progress, and
    /// the enabled state breakpoints.
    public init(session: DebugSession, selected: String?) {
        self.init()
        self.selected = selected
        let history = session.current.history
        // The state last entered at each nesting level: events without a state name (task
        // events, errors) belong to it, and the next entry at that level is a taken edge.
        var entered: [Int: String] = [:]
        for position in 1...max(1, session.cursor) where position <= history.count {
            let event = history[position - 1]
            let level = session.level(at: position)
            let type = event.type.rawValue
            if type.hasSuffix("StateEntered"), let name = event.stateName {
                if let previous = entered[level] { takenEdges.insert(GraphEdgeKey(from: previous, to: name)) }
                entered[level] = name
                // A deeper level starts afresh: a new branch or iteration has no previous state.
                entered = entered.filter { $0.key <= level }
                visited.insert(name)
                failed.remove(name)
                current = name
                continue
            }
            if event.type == .mapIterationStarted || event.type == .parallelStateStarted || event.type == .mapStateStarted {
                entered = entered.filter { $0.key <= level }
            }
            guard let owner = entered[level] ?? entered[level - 1] else { continue }
            if event.stages?.errorDetails != nil {
                failed.insert(owner)
            } else if type.hasSuffix("Succeeded") && !type.hasPrefix("Execution") && !type.hasPrefix("MapIteration") {
                failed.remove(owner)
            }
        }
        if session.cursor == 0 { current = nil }
        if let visit = session.visit(at: session.cursor) {
            current = visit.stateName
            if let state = visit.state, !state.retry.isEmpty, visit.attempts > 1 {
                let most = state.retry.map(\.maxAttempts).max() ?? 0
                attempts[visit.stateName] = RetryProgress(made: visit.attempts, max: Int(most) + 1)
            }
        }
        for breakpoint in session.breakpoints where breakpoint.enabled {
            switch breakpoint.kind {
            case .enter(let name), .exit(let name): breakpoints.insert(name)
            default: break
            }
        }
    }
}

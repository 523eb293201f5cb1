extension GraphMarks {
    /// What the history up to the session's cursor did to each state: where the execution is,
    /// where it has been, which transitions it took, which visits failed, retry progress, and
    /// the enabled state breakpoints.
    public init(session: DebugSession, selected: String?) {
        self.init()
        self.selected = selected
        // The session keeps this per event, so travelling through a long history stays cheap.
        let progress = session.progress(at: session.cursor)
        visited = progress.visited
        failed = progress.failed
        takenEdges = Set(progress.transitions.map { GraphEdgeKey(from: $0.from, to: $0.to) })
        running = progress.running
        for (name, map) in progress.iterations {
            iterations[name] = map.total.map { "\(map.started)/\($0)" } ?? "\(map.started)"
        }
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

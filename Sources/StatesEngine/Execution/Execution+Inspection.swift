/// What a debugger shows about a running execution.
extension Execution {
    /// One state that is running: the top-level state first, then the states inside its Map
    /// iteration or Parallel branch, innermost last.
    public struct ActiveState: Sendable {
        public enum Place: Sendable, Hashable {
            case topLevel
            case branch(Int)
            case iteration(Int)
        }

        public var name: String
        public var place: Place
        /// The state's raw input.
        public var input: JSON
        /// The variables the state sees.
        public var variables: [String: JSON]
        /// The stages its data has gone through so far.
        public var stages: StageRecord
        /// Whether its `…StateEntered` event has been recorded.
        public var entered: Bool
    }

    /// The running states, outermost first; empty before the start and after the end.
    public var activeStates: [ActiveState] {
        frames.map { frame in
            let place: ActiveState.Place
            switch frame.role {
            case .root: place = .topLevel
            case .branch(let i): place = .branch(i)
            case .iteration(let i): place = .iteration(i)
            }
            var entered = true
            if case .enter = frame.phase { entered = false }
            return ActiveState(name: frame.stateName, place: place, input: frame.input, variables: frame.variables,
                               stages: frame.stages, entered: entered)
        }
    }

    /// The variables visible in the innermost running state.
    public var variables: [String: JSON] { frames.last?.variables ?? [:] }
}

/// Changing the course of an execution from the outside (the debugger's error injection).
extension Execution {
    /// Makes the innermost running state fail with `error` instead of running, as if its work
    /// had raised it: Retry and Catch apply. Returns false when no state is entered and waiting
    /// to run (before the start, after the end, or between a state's events).
    @discardableResult
    public mutating func injectFailure(_ error: ExecutionError) -> Bool {
        guard pending.isEmpty, status == .running, let top = frames.last, case .execute = top.phase else { return false }
        failState(error, raisedByEngine: false)
        return true
    }
}

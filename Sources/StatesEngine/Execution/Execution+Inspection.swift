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

/// Read-only views of an execution's running frames, for debuggers; none of this changes what
/// the execution does.
extension Execution {
    /// One running frame as a debugger sees it, outermost first in `runningFrames`.
    public struct FrameSnapshot: Sendable {
        public var stateName: String
        /// The state machine (top level, branch or item processor) this frame runs.
        public var machine: StateMachine
        /// The current state's raw input.
        public var input: JSON
        public var variables: [String: JSON]
        /// Attempts made in this entry of the state (0 = first try).
        public var attempt: Int
        /// Retries used per retrier of the state.
        public var retryCounts: [Int]
        /// Whether the state has been entered (its `…StateEntered` event is out).
        public var entered: Bool
        public var enteredEventId: Int
        /// The stages recorded so far in this visit.
        public var stages: StageRecord
        /// The branch or iteration index, nil for the top level.
        public var childIndex: Int?
    }

    /// The frames that are running, outermost first.
    public var runningFrames: [FrameSnapshot] {
        frames.map { frame in
            var child: Int?
            switch frame.role {
            case .root: child = nil
            case .branch(let i), .iteration(let i): child = i
            }
            return FrameSnapshot(stateName: frame.stateName, machine: frame.machine, input: frame.input,
                                 variables: frame.variables, attempt: frame.attempt, retryCounts: frame.retryCounts,
                                 entered: frame.phase != .enter, enteredEventId: frame.enteredEventId,
                                 stages: frame.stages, childIndex: child)
        }
    }

    /// Whether events are queued that `step()` will hand out without running anything.
    public var hasQueuedEvents: Bool { !pending.isEmpty }

    /// Replaces the task source from now on (debuggers arm error injections at a pause).
    public mutating func replaceTaskSource(_ source: any TaskSource) {
        options.taskSource = source
    }

    /// Replaces the raw input of the innermost state that has not run yet; false if it already ran.
    public mutating func editPendingInput(_ value: JSON) -> Bool {
        guard !frames.isEmpty, pending.isEmpty else { return false }
        let i = frames.count - 1
        guard frames[i].phase != .awaitingChildren else { return false }
        frames[i].input = value
        if frames[i].phase == .execute { frames[i].stages.input = value }
        return true
    }

    /// Sets a variable visible to the innermost frame; false when nothing runs.
    public mutating func editVariable(_ name: String, _ value: JSON) -> Bool {
        guard !frames.isEmpty, pending.isEmpty else { return false }
        frames[frames.count - 1].variables[name] = value
        return true
    }
}

extension Execution {
    /// How many times the state has been entered so far (loop passes and Map iterations count).
    public func entryCount(of state: String) -> Int {
        plan.ordinals[state].map { entryCounts[$0] } ?? 0
    }
}

/// What the session reports after every command: why it stopped, where, and what the state
/// visit at that point did.
public struct Pause: Sendable {
    public enum Reason: Sendable, Hashable {
        /// Nothing has run yet (a new or restarted session).
        case start
        /// A step, next or step out completed.
        case step
        /// Enabled breakpoints that matched the event (their ids).
        case breakpoint([Int])
        /// `run to` reached the state.
        case reachedState(String)
        /// The execution ended with this status.
        case finished(ExecutionStatus)
        /// The engine cannot go on (a Task nobody answers); the message says what to supply.
        case engineError(String)
        /// The cursor moved through recorded history (step back, jump).
        case moved
    }

    public var reason: Reason
    /// Events recorded up to this pause (0 = before the start).
    public var position: Int
    /// The event at this pause.
    public var event: HistoryEvent?
    /// The state visit the event belongs to.
    public var visit: StateVisit?
    public var status: ExecutionStatus
    /// Virtual milliseconds from the execution's start to the event at this pause.
    public var elapsed: Int64
}

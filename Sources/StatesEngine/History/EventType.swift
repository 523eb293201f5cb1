/// A history event type name (`PassStateEntered`, `TaskScheduled`, ...).
public struct EventType: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ raw: String) { rawValue = raw }
    public var description: String { rawValue }

    /// The member that carries this event's details (`taskScheduledEventDetails`,
    /// `stateEnteredEventDetails`, ...).
    public var detailsKey: String {
        if rawValue.hasSuffix("StateEntered") { return "stateEnteredEventDetails" }
        if rawValue.hasSuffix("StateExited") { return "stateExitedEventDetails" }
        let first = rawValue.prefix(1).lowercased()
        return first + rawValue.dropFirst() + "EventDetails"
    }

    public static let executionStarted = EventType("ExecutionStarted")
    public static let executionSucceeded = EventType("ExecutionSucceeded")
    public static let executionFailed = EventType("ExecutionFailed")
    public static let executionTimedOut = EventType("ExecutionTimedOut")
    public static let evaluationFailed = EventType("EvaluationFailed")
    public static let mapStateStarted = EventType("MapStateStarted")
    public static let mapStateSucceeded = EventType("MapStateSucceeded")
    public static let mapStateFailed = EventType("MapStateFailed")
    public static let mapIterationStarted = EventType("MapIterationStarted")
    public static let mapIterationSucceeded = EventType("MapIterationSucceeded")
    public static let mapIterationFailed = EventType("MapIterationFailed")
    public static let mapRunStarted = EventType("MapRunStarted")
    public static let mapRunSucceeded = EventType("MapRunSucceeded")
    public static let mapRunFailed = EventType("MapRunFailed")
    public static let parallelStateStarted = EventType("ParallelStateStarted")
    public static let parallelStateSucceeded = EventType("ParallelStateSucceeded")
    public static let parallelStateFailed = EventType("ParallelStateFailed")

    /// `PassStateEntered`, `TaskStateEntered`, ...
    public static func stateEntered(_ typeName: String) -> EventType { EventType(typeName + "StateEntered") }
    /// `PassStateExited`, `TaskStateExited`, ...
    public static func stateExited(_ typeName: String) -> EventType { EventType(typeName + "StateExited") }
}

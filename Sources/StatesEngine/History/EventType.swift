/// A history event type name (`PassStateEntered`, `TaskScheduled`, ...).
public struct EventType: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String
    /// Whether the name ends in `StateEntered`: a transition, as the benchmarks and the debugger
    /// count them, told without comparing text at every event.
    public let isStateEntered: Bool

    public init(rawValue: String) {
        // A name the engine emits is taken from the literal table, whose strings are never
        // reference-counted: an event is copied several times on its way into the history.
        self.rawValue = Self.literalNames[rawValue] ?? rawValue
        isStateEntered = rawValue.hasSuffix("StateEntered")
    }
    public init(_ raw: String) { self.init(rawValue: raw) }
    public var description: String { rawValue }

    public static func == (a: EventType, b: EventType) -> Bool { a.rawValue == b.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// The names of the states' own events, as literals.
    private static let literalNames: [String: String] = {
        let names: [String] = [
            "PassStateEntered", "PassStateExited", "TaskStateEntered", "TaskStateExited",
            "ChoiceStateEntered", "ChoiceStateExited", "WaitStateEntered", "WaitStateExited",
            "SucceedStateEntered", "SucceedStateExited", "FailStateEntered", "FailStateExited",
            "ParallelStateEntered", "ParallelStateExited", "MapStateEntered", "MapStateExited",
        ]
        return Dictionary(uniqueKeysWithValues: names.map { ($0, $0) })
    }()

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

/// One event of an execution's history, as AWS GetExecutionHistory reports it.
///
/// Payloads (`input`, `output`, `parameters`, assigned variables) are kept as JSON values that
/// share structure with the execution's data; they become JSON text only when printed.
public struct HistoryEvent: Sendable {
    public var id: Int
    public var previousEventId: Int
    /// Virtual time in milliseconds since the Unix epoch.
    public var timestamp: Int64
    public var type: EventType
    /// The `…EventDetails` member, or nil for events that have none (`LambdaFunctionStarted`).
    public var details: JSONObject?
    /// The data-flow stages of the state visit this event closes (StateExited and failures).
    public var stages: StageRecord?

    public init(id: Int, previousEventId: Int, timestamp: Int64, type: EventType, details: JSONObject? = nil, stages: StageRecord? = nil) {
        self.id = id
        self.previousEventId = previousEventId
        self.timestamp = timestamp
        self.type = type
        self.details = details
        self.stages = stages
    }

    /// The state name of a `…StateEntered` / `…StateExited` event.
    public var stateName: String? { details?["name"]?.stringValue }
}

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

/// The values a state visit went through, in AWS order, as the TestState API names them.
/// Each is shared with the execution's data, so recording them costs no copies.
public struct StageRecord: Sendable {
    public var input: JSON?
    public var afterInputPath: JSON?
    public var afterParameters: JSON?
    public var result: JSON?
    public var afterResultSelector: JSON?
    public var afterResultPath: JSON?
    public var output: JSON?

    public init(input: JSON? = nil) { self.input = input }

    /// The stages that were reached, named as TestState names them.
    public var named: [(name: String, value: JSON)] {
        let all: [(String, JSON?)] = [
            ("input", input), ("afterInputPath", afterInputPath), ("afterParameters", afterParameters),
            ("result", result), ("afterResultSelector", afterResultSelector),
            ("afterResultPath", afterResultPath), ("output", output),
        ]
        return all.compactMap { name, value in value.map { (name, $0) } }
    }
}

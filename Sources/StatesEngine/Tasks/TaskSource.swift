/// What a Task state asks its task source: which state, which resource, with what input,
/// and which attempt this is within the current entry of the state (0 = first try).
public struct TaskRequest: Sendable {
    public var stateName: String
    public var resource: Resource
    /// The effective parameters (after InputPath and Parameters).
    public var input: JSON
    public var attempt: Int
    /// The task token handed to `.waitForTaskToken` integrations (`$$.Task.Token`).
    public var taskToken: String?
    /// How many times this state was entered before the current entry (0 = first entry);
    /// lets recorded answers (replay) tell loop passes and Map iterations apart.
    public var entry: Int = 0
    /// The state's TimeoutSeconds / HeartbeatSeconds, so sources that run real code can bound it.
    public var timeoutSeconds: Int64?
    public var heartbeatSeconds: Int64?

    public init(stateName: String, resource: Resource, input: JSON, attempt: Int, taskToken: String? = nil) {
        self.stateName = stateName
        self.resource = resource
        self.input = input
        self.attempt = attempt
        self.taskToken = taskToken
    }
}

/// How one task attempt ended.
public indirect enum TaskResponse: Sendable {
    /// The raw service result, before ResultSelector and ResultPath.
    case succeeded(JSON)
    /// The service (or the function) raised an error; `States.Timeout` and
    /// `States.HeartbeatTimeout` mean the attempt timed out.
    case failed(ExecutionError)
    /// The response arrives after this many (virtual) seconds; past the state's
    /// TimeoutSeconds the attempt times out instead, past HeartbeatSeconds it misses its heartbeat.
    /// Nested delays stand for heartbeats sent between them (SendTaskHeartbeat): only a single
    /// delay longer than HeartbeatSeconds misses the heartbeat.
    case after(seconds: Int64, TaskResponse)
    /// Step Functions could not start the task (an activity that does not exist): the state
    /// fails with States.Runtime before anything is scheduled, beyond Retry and Catch. The cause
    /// is AWS's text without the state prefix, e.g. `The activity ARN does not exist.`
    case cannotStart(cause: String)
}

extension TaskResponse {
    /// Why the task could not start at all (`cannotStart`), however late that answer came.
    var startFailure: String? {
        switch self {
        case .cannotStart(let cause): return cause
        case .after(_, let inner): return inner.startFailure
        case .succeeded, .failed: return nil
        }
    }
}

/// Answers Task states. Sources are values: the engine asks again for every attempt, so the
/// same request must always give the same response.
public protocol TaskSource: Sendable {
    /// The response for this attempt, or nil when the source knows nothing about the state.
    func respond(to request: TaskRequest) -> TaskResponse?
}

/// A task source backed by a closure, for tests and embedding.
public struct ClosureTaskSource: TaskSource {
    public let handler: @Sendable (TaskRequest) -> TaskResponse?
    public init(_ handler: @escaping @Sendable (TaskRequest) -> TaskResponse?) { self.handler = handler }
    public func respond(to request: TaskRequest) -> TaskResponse? { handler(request) }
}

/// Answers nothing: every Task state reports that it needs a source.
public struct NoTaskSource: TaskSource {
    public init() {}
    public func respond(to request: TaskRequest) -> TaskResponse? { nil }
}

/// Everything an execution takes from the outside world: task answers, time, randomness
/// and names. Two executions with equal options and input produce equal histories.
public struct ExecutionOptions: Sendable {
    /// Answers Task states (a mock configuration, a closure, ...).
    public var taskSource: any TaskSource
    /// Virtual start time, milliseconds since the Unix epoch.
    public var startTime: Int64
    /// Seeds retry jitter, `States.MathRandom`, `States.UUID` and generated names.
    public var seed: UInt64
    /// The state machine's name (`$$.StateMachine.Name`, and part of the ARNs).
    public var stateMachineName: String
    /// The execution name; a UUID drawn from the seed when nil.
    public var executionName: String?
    /// Region and account of the ARNs the execution makes up.
    public var region: String
    public var account: String
    /// The state machine's type, which shapes the execution's ARN and context object.
    public var type: StateMachineType = .standard
    /// Events after which a Standard execution fails, as AWS fails one at 25 000 (an Express
    /// execution has no such limit); nil lifts the limit (benchmarks, long local loops).
    public var historyLimit: Int? = Execution.historyLimit
    /// Bytes over which an input, state output or task result fails with States.DataLimitExceeded,
    /// AWS's 256 KiB; nil lifts the limit (benchmarks over data AWS would refuse).
    public var payloadLimit: Int? = Execution.payloadLimit
    /// Whether each state visit keeps the values its data went through (`HistoryEvent.stages`,
    /// the TestState stages that the debugger and `asldb run --format trace` show). The history
    /// is the same either way; `asldb run` leaves them out for its other formats, which never
    /// read them, and so does the benchmark that measures it.
    public var recordsStages = true

    /// Options with AWS-like defaults: account 111111111111, us-east-1, start 2025-01-01T00:00:00Z.
    public init(taskSource: any TaskSource = NoTaskSource(), startTime: Int64 = 1_735_689_600_000, seed: UInt64 = 0,
                stateMachineName: String = "M", executionName: String? = nil,
                region: String = "us-east-1", account: String = "111111111111") {
        self.taskSource = taskSource
        self.startTime = startTime
        self.seed = seed
        self.stateMachineName = stateMachineName
        self.executionName = executionName
        self.region = region
        self.account = account
    }

    var stateMachineArn: String { "arn:aws:states:\(region):\(account):stateMachine:\(stateMachineName)" }
    var roleArn: String { "arn:aws:iam::\(account):role/StepFunctionsExecutionRole" }
}

/// A state machine's type (`CreateStateMachine`'s `type`).
public enum StateMachineType: String, Sendable, Hashable, CaseIterable {
    /// Executions with a stored history: `arn:…:execution:<machine>:<name>`, `$$.Execution.RedriveCount`.
    case standard = "STANDARD"
    /// Short-lived executions: `arn:…:express:<machine>:<name>:<id>`, and nothing to redrive.
    case express = "EXPRESS"
}

/// Where an execution stands.
public enum ExecutionStatus: String, Sendable, Hashable {
    case running = "RUNNING"
    case succeeded = "SUCCEEDED"
    case failed = "FAILED"
    case timedOut = "TIMED_OUT"
}

/// Misuse of the engine (not an ASL failure): the execution cannot go on until the caller
/// supplies what is missing.
public enum EngineError: Error, Sendable, CustomStringConvertible {
    /// A Task state's task source had no response for it.
    case noTaskResponse(state: String, resource: String, attempt: Int)
    /// The state uses something the engine does not evaluate yet.
    case unsupported(state: String, feature: String)

    public var description: String {
        switch self {
        case .noTaskResponse(let state, let resource, let attempt):
            let which = attempt == 0 ? "" : " (retry \(attempt))"
            return "Task state '\(state)'\(which) calls \(resource), but nothing answers it: give a mock configuration "
                + "(--mock-config FILE --test-case NAME) whose test case maps '\(state)' to a mocked response, "
                + "or run the engine with a TaskSource that handles this resource"
        case .unsupported(let state, let feature):
            return "state '\(state)' uses \(feature), which asldb does not evaluate yet; only JSONPath states can run"
        }
    }
}

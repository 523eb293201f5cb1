/// An ASL error as it flows through Retry and Catch: a name (`States.Timeout`,
/// `PaymentProcessingError`) and a cause text, both exactly as AWS reports them.
///
/// Evaluation code throws it (typed throws) so that the engine can turn it into a value
/// that Retry and Catch inspect; it never escapes to the user as a Swift error.
public struct ExecutionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var error: String
    public var cause: String

    public init(_ error: String, cause: String) {
        self.error = error
        self.cause = cause
    }

    /// The error output that a catcher receives: `{"Error": ..., "Cause": ...}`.
    public var errorOutput: JSON { ["Error": .string(error), "Cause": .string(cause)] }

    public var description: String { "\(error): \(cause)" }
}

/// Every error name that Step Functions itself raises.
public enum StatesErrorName {
    public static let all = "States.ALL"
    public static let heartbeatTimeout = "States.HeartbeatTimeout"
    public static let timeout = "States.Timeout"
    public static let taskFailed = "States.TaskFailed"
    public static let permissions = "States.Permissions"
    public static let resultPathMatchFailure = "States.ResultPathMatchFailure"
    public static let parameterPathFailure = "States.ParameterPathFailure"
    public static let queryEvaluationError = "States.QueryEvaluationError"
    public static let branchFailed = "States.BranchFailed"
    public static let noChoiceMatched = "States.NoChoiceMatched"
    public static let intrinsicFailure = "States.IntrinsicFailure"
    public static let exceedToleratedFailureThreshold = "States.ExceedToleratedFailureThreshold"
    public static let itemReaderFailed = "States.ItemReaderFailed"
    public static let resultWriterFailed = "States.ResultWriterFailed"
    public static let dataLimitExceeded = "States.DataLimitExceeded"
    public static let runtime = "States.Runtime"

    /// All names above, for validation and for offering choices in the debugger.
    public static let known: [String] = [
        all, heartbeatTimeout, timeout, taskFailed, permissions, resultPathMatchFailure,
        parameterPathFailure, queryEvaluationError, branchFailed, noChoiceMatched, intrinsicFailure,
        exceedToleratedFailureThreshold, itemReaderFailed, resultWriterFailed, dataLimitExceeded, runtime,
    ]
}

extension ExecutionError {
    /// The same error with AWS's state prefix on its cause, as causes of errors raised while a state
    /// evaluates its fields read: `An error occurred while executing the state 'S' (entered at the
    /// event id #2). <cause>`.
    public func inState(_ stateName: String, enteredEventID: Int) -> ExecutionError {
        ExecutionError(error, cause: "An error occurred while executing the state '\(stateName)' (entered at the event id #\(enteredEventID)). \(cause)")
    }
}

/// An ASL error as it flows through Retry and Catch: a name (`States.Timeout`,
/// `PaymentProcessingError`) and a cause text, both exactly as AWS reports them.
///
/// Evaluation code throws it (typed throws) so that the engine can turn it into a value
/// that Retry and Catch inspect; it never escapes to the user as a Swift error.
public struct ExecutionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Members of an error that a failure can leave out altogether.
    public struct Members: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let error = Members(rawValue: 1)
        public static let cause = Members(rawValue: 2)
    }

    /// The error name; empty when the failure named none (see `missing`).
    public var error: String
    /// The cause text; empty when there is none.
    public var cause: String
    /// What the failure did not report at all, as opposed to reporting it empty. AWS keeps the
    /// two apart: a worker's SendTaskFailure without `error` and `cause` is caught as
    /// `{"Error": null, "Cause": null}`, while Step Functions' own timeouts carry a Cause of "".
    public var missing: Members

    public init(_ error: String, cause: String, missing: Members = []) {
        self.error = error
        self.cause = cause
        self.missing = missing
    }

    /// A failure as a task reported it, where either member may be absent.
    public static func reported(error: String?, cause: String?) -> ExecutionError {
        var missing: Members = []
        if error == nil { missing.insert(.error) }
        if cause == nil { missing.insert(.cause) }
        return ExecutionError(error ?? "", cause: cause ?? "", missing: missing)
    }

    /// The error output that a catcher receives: `{"Error": ..., "Cause": ...}`, with `null`
    /// for a member the failure did not report.
    public var errorOutput: JSON {
        ["Error": missing.contains(.error) ? .null : .string(error),
         "Cause": missing.contains(.cause) ? .null : .string(cause)]
    }

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

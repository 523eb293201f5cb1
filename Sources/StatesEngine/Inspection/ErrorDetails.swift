/// What Retry and Catch made of one error of a state visit, as TestState's `errorDetails` shows it.
public struct ErrorDetails: Sendable, Hashable {
    public var error: ExecutionError
    /// The first retrier whose ErrorEquals matches, even when its attempts are used up.
    public var retrierIndex: Int?
    /// The retry this error triggers (1-based), or nil when no retry follows.
    public var retryIndex: Int?
    /// Retries the matched retrier had used before this error.
    public var retriesUsed: Int = 0
    /// The back-off before the retry, in milliseconds (after the cap and the seeded jitter).
    public var delayMilliseconds: Int64?
    /// The delay before jitter: IntervalSeconds × BackoffRate^k capped by MaxDelaySeconds, in ms.
    public var unjitteredDelayMilliseconds: Int64?
    /// The catcher that took the error, when no retry follows.
    public var catchIndex: Int?
    /// The state's data after the catcher's ResultPath.
    public var afterCatchResultPath: JSON?

    public init(error: ExecutionError) { self.error = error }

    /// Whether the error leaves the state unhandled (it fails the branch, iteration or execution).
    public var isUnhandled: Bool { retryIndex == nil && catchIndex == nil }
}

extension Execution {
    /// Whether an ErrorEquals list matches an error, with AWS's States.ALL and States.TaskFailed rules.
    public static func errorEquals(_ names: [String], match error: ExecutionError) -> Bool {
        matches(names, error)
    }

    /// The delay before retry number `retry` (0-based) without jitter, in milliseconds.
    static func plainRetryDelay(_ retrier: Retrier, retry: Int) -> Int64 {
        VirtualTime.milliseconds(seconds: retrier.backoffSeconds(retry: retry))
    }

    /// Files error details on the event that reported the error, if this visit emitted it just now.
    mutating func attachErrorDetails(_ details: ErrorDetails) {
        let index = frames.count - 1
        frames[index].stages.errorDetails = details
        guard options.recordsStages, !pending.isEmpty, pending[pending.count - 1].id > frames[index].enteredEventId else { return }
        pending[pending.count - 1].stages = frames[index].stages
    }
}

extension Retrier {
    /// IntervalSeconds × BackoffRate^retry (`retry` 0-based), before MaxDelaySeconds caps it.
    /// Without a cap AWS lets the delay grow past any deadline (the execution then times out);
    /// once infinite it stays so, and BackoffRate 1 never grows, so neither needs a loop.
    public func uncappedBackoffSeconds(retry: Int) -> Double {
        var seconds = Double(intervalSeconds)
        guard backoffRate != 1 else { return seconds }
        var k = 0
        while k < retry && seconds.isFinite {
            seconds *= backoffRate
            k += 1
        }
        return seconds
    }

    /// The delay before retry number `retry` (0-based) without jitter, in seconds: the back-off
    /// capped by MaxDelaySeconds.
    public func backoffSeconds(retry: Int) -> Double {
        let seconds = uncappedBackoffSeconds(retry: retry)
        guard let cap = maxDelaySeconds else { return seconds }
        return min(seconds, Double(cap))
    }
}

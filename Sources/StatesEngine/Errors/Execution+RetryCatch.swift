/// What happens when a state fails: its retriers, then its catchers, else the failure ends
/// the (sub-)machine it runs in.
extension Execution {
    /// Handles an error of the top frame's current state. `raisedByEngine` marks errors of the
    /// state's own data processing, as opposed to errors a task, branch or iteration reported.
    mutating func failState(_ error: ExecutionError, retryable: Bool = true, raisedByEngine: Bool = true) {
        let index = frames.count - 1
        let state = frames[index].state
        // When the engine itself raises States.Runtime or States.DataLimitExceeded, the execution
        // ends whatever Retry/Catch say; a task that reports them is handled like any error.
        let terminal = raisedByEngine
            && (error.error == StatesErrorName.runtime || error.error == StatesErrorName.dataLimitExceeded)
        var details = ErrorDetails(error: error)
        if retryable && !terminal {
            if frames[index].retryCounts.count < state.retry.count {
                frames[index].retryCounts = Array(repeating: 0, count: state.retry.count)
            }
            if let i = state.retry.firstIndex(where: { Self.matches($0.errorEquals, error) }) {
                let retrier = state.retry[i]
                let used = frames[index].retryCounts[i]
                details.retrierIndex = i
                details.retriesUsed = used
                if used < retrier.maxAttempts {
                    let delay = retryDelay(retrier, retry: used)
                    details.retryIndex = used + 1
                    details.delayMilliseconds = delay
                    details.unjitteredDelayMilliseconds = Self.plainRetryDelay(retrier, retry: used)
                    attachErrorDetails(details)
                    frames[index].stages.errorDetails = nil
                    now = VirtualTime.moving(now, by: delay)
                    frames[index].retryCounts[i] = used + 1
                    frames[index].attempt += 1
                    frames[index].phase = .execute
                    frames[index].children = nil
                    return
                }
            }
            if let c = state.catch.firstIndex(where: { Self.matches($0.errorEquals, error) }) {
                details.catchIndex = c
                attachErrorDetails(details)
                if let plan = state.jsonata {
                    jsonataCatch(error, plan, catcher: c)
                } else {
                    catchError(error, with: state.catch[c])
                }
                return
            }
        }
        attachErrorDetails(details)
        finishFrame(.failure(error))
    }

    /// Whether the top frame's current state will retry after this (reported, not engine) error.
    func willRetry(_ error: ExecutionError) -> Bool {
        let frame = frames[frames.count - 1]
        let retriers = frame.state.retry
        guard let i = retriers.firstIndex(where: { Self.matches($0.errorEquals, error) }) else { return false }
        let used = i < frame.retryCounts.count ? frame.retryCounts[i] : 0
        return used < retriers[i].maxAttempts
    }

    private mutating func catchError(_ error: ExecutionError, with catcher: Catcher) {
        let index = frames.count - 1
        let raw = frames[index].input
        do throws(ExecutionError) {
            let errorOutput = error.errorOutput
            let assigned = try evaluateAssign(catcher.assign, document: errorOutput)
            let output = try applyResultPath(catcher.resultPath, rawInput: raw, result: errorOutput)
            frames[index].stages.afterResultPath = output
            frames[index].stages.errorDetails?.afterCatchResultPath = output
            exitState(output: output, next: catcher.next, assigned: assigned)
        } catch {
            finishFrame(.failure(locatedIfNeeded(error)))
        }
    }

    /// Milliseconds to wait before retry number `retry` (0-based) of a retrier.
    mutating func retryDelay(_ retrier: Retrier, retry: Int) -> Int64 {
        var seconds = retrier.backoffSeconds(retry: retry)
        if retrier.jitterStrategy == .full { seconds *= random.nextUnit() }
        return VirtualTime.milliseconds(seconds: seconds)
    }

    /// Whether an ErrorEquals list matches an error name, with States.ALL and States.TaskFailed.
    static func matches(_ errorEquals: [String], _ error: ExecutionError) -> Bool {
        for name in errorEquals {
            if name == error.error { return true }
            if name == StatesErrorName.all { return true }
            // AWS: a wildcard for any error name except States.Timeout.
            if name == StatesErrorName.taskFailed, error.error != StatesErrorName.timeout {
                return true
            }
        }
        return false
    }
}

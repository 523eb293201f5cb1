/// How states, frames and the execution itself come to an end.
extension Execution {
    /// The current state completed: records `…StateExited` and follows the transition.
    /// `nextNode`, when known, is the `next` state itself (the plan links its transitions).
    mutating func exitState(output: JSON, next: String?, nextNode: Unmanaged<StatePlan>? = nil, assigned: JSONObject?) {
        exitState(frames[frames.count - 1].state, output: output, next: next, nextNode: nextNode, assigned: assigned)
    }

    /// `exitState(output:next:nextNode:assigned:)` for a caller that holds the state's plan.
    mutating func exitState(_ state: StatePlan, output: consuming JSON, next: String?,
                            nextNode: Unmanaged<StatePlan>? = nil, assigned: JSONObject?) {
        let index = frames.count - 1
        if exceedsPayloadLimit(output) {
            failState(dataLimitExceeded(state.name, output), retryable: false)
            return
        }
        let recording = options.recordsStages
        if recording { frames[index].stages.output = copy output }
        let details: HistoryEvent.Details
        if let assigned, !assigned.isEmpty {
            var object = state.exitedDetails.object
            object.setValue(copy output, at: state.exitedDetails.index)
            object["assignedVariables"] = .object(assigned)
            object["assignedVariablesDetails"] = ["truncated": false]
            details = .object(object)
            for (name, value) in assigned { frames[index].variables[name] = value }
        } else if recording {
            // The payload is read from the stages the event keeps.
            details = .stageOutput(state.exitedDetails)
        } else {
            details = .filled(state.exitedDetails, payload: copy output)
        }
        if recording {
            emit(state.exitedType, stored: consume details, stages: frames[index].takeStages())
        } else {
            emit(state.exitedType, stored: consume details)
        }
        if let nextNode {
            frames[index].moveTo(nextNode, input: consume output)
        } else if let next {
            frames[index].moveTo(next, input: output)
        } else {
            finishFrame(.success(output))
        }
    }

    /// The top frame ended: hands its outcome to the Map or Parallel below, or ends the execution.
    mutating func finishFrame(_ outcome: Result<JSON, ExecutionError>) {
        let done = frames.removeLast()
        guard !frames.isEmpty else {
            switch outcome {
            case .success(let out):
                if exceedsPayloadLimit(out) {
                    finishExecution(.failed, error: dataLimitExceeded(done.stateName, out))
                } else {
                    finishExecution(.succeeded, output: out)
                }
            case .failure(let error):
                finishExecution(.failed, error: error)
            }
            return
        }
        frames[frames.count - 1].lastEventId = done.lastEventId
        childFinished(outcome)
    }

    mutating func finishExecution(_ final: ExecutionStatus, output: JSON? = nil, error: ExecutionError? = nil) {
        let previous = frames.last?.lastEventId ?? (history.count + pending.count)
        frames = []
        switch final {
        case .succeeded:
            emit(.executionSucceeded, ["output": output ?? .null, "outputDetails": ["truncated": false]], previous: previous)
            self.output = output
        case .timedOut:
            emit(.executionTimedOut, error.map { ["error": .string($0.error)] }, previous: previous)
            failure = error
        default:
            var details: JSONObject = [:]
            if let error {
                if !error.error.isEmpty { details["error"] = .string(error.error) }
                if !error.cause.isEmpty { details["cause"] = .string(error.cause) }
            }
            emit(.executionFailed, details, previous: previous)
            failure = error
        }
        status = final
    }
}

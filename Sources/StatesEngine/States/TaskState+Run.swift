/// `Task`: asks the task source for the result of one attempt and records the events AWS
/// writes for the kind of resource (Lambda function, activity, service integration).
extension Execution {
    mutating func runTask(_ state: State, _ task: TaskState) throws(EngineError) {
        let saved = self
        let index = frames.count - 1
        let raw = frames[index].input
        let resource = Resource(arn: task.resource)
        let parameters: JSON
        var timeout: Int64?
        var heartbeat: Int64?
        do throws(ExecutionError) {
            let effective = try applyInputPath(state, raw)
            frames[index].stages.afterInputPath = effective
            parameters = try applyTemplate(state.parameters, to: effective)
            if state.parameters != nil { frames[index].stages.afterParameters = parameters }
            timeout = try seconds(task.timeoutSeconds, field: "TimeoutSecondsPath", input: effective)
            heartbeat = try seconds(task.heartbeatSeconds, field: "HeartbeatSecondsPath", input: effective)
        } catch {
            failState(locatedIfNeeded(error))
            return
        }
        let request = TaskRequest(stateName: state.name, resource: resource, input: parameters,
                                  attempt: frames[index].attempt, taskToken: resource.pattern == .waitForTaskToken ? taskToken : nil)
        guard let response = options.taskSource.respond(to: request) else {
            self = saved
            throw .noTaskResponse(state: state.name, resource: task.resource, attempt: saved.frames[index].attempt)
        }
        let names = TaskEventNames(resource)
        var scheduled: JSONObject
        switch resource.kind {
        case .lambdaFunction, .activity:
            scheduled = ["input": parameters, "inputDetails": ["truncated": false], "resource": .string(task.resource)]
        case .service:
            scheduled = ["parameters": parameters, "region": .string(options.region)]
            scheduled.merge(names.resourceFields) { a, _ in a }
        }
        if let timeout { scheduled["timeoutInSeconds"] = .number(.int(timeout)) }
        if let heartbeat { scheduled["heartbeatInSeconds"] = .number(.int(heartbeat)) }
        emit(EventType(names.prefix + "Scheduled"), scheduled)
        switch resource.kind {
        case .lambdaFunction: emit(EventType(names.prefix + "Started"))
        case .activity: emit(EventType(names.prefix + "Started"), ["workerName": "asldb"])
        case .service: emit(EventType(names.prefix + "Started"), names.resourceFields)
        }
        if case .service = resource.kind, resource.pattern != .requestResponse {
            var submitted = names.resourceFields
            submitted["output"] = .object([:])
            submitted["outputDetails"] = ["truncated": false]
            emit(EventType(names.prefix + "Submitted"), submitted)
        }
        switch response {
        case .succeeded(let result):
            var details = names.resourceFields
            details["output"] = result
            details["outputDetails"] = ["truncated": false]
            emit(EventType(names.prefix + "Succeeded"), details)
            if payloadProblem(result) != nil {
                failState(ExecutionError(StatesErrorName.dataLimitExceeded,
                    cause: "The state/task '\(state.name)' returned a result with a size exceeding the maximum number of bytes service limit."))
                return
            }
            do throws(ExecutionError) {
                let selected = try applyTemplate(state.resultSelector, to: result)
                let assigned = try evaluateAssign(state.assign, document: selected)
                let output = try applyResult(state, rawInput: raw, result: result)
                exitState(output: output, next: state.transition.nextName, assigned: assigned)
            } catch {
                failState(locatedIfNeeded(error))
            }
        case .failed(let error):
            var details = names.resourceFields
            details["error"] = .string(error.error)
            if !error.cause.isEmpty { details["cause"] = .string(error.cause) }
            let timedOut = error.error == StatesErrorName.timeout || error.error == StatesErrorName.heartbeatTimeout
            emit(EventType(names.prefix + (timedOut ? "TimedOut" : "Failed")), details)
            failState(error, raisedByEngine: false)
        }
    }

    /// TimeoutSeconds / HeartbeatSeconds (or their Path forms) as a whole number of seconds.
    private mutating func seconds(_ source: ValueSource?, field: String, input: JSON) throws(ExecutionError) -> Int64? {
        guard let source else { return nil }
        let value = try resolve(source, field: field, input: input)
        guard let n = value.intValue, n > 0 else {
            throw runtimeError("The \(field) parameter does not reference a positive integer: \(DataFlow.describe(value))")
        }
        return n
    }
}

/// The event name prefix and resource fields AWS uses for a kind of task resource.
struct TaskEventNames {
    var prefix: String
    var resourceFields: JSONObject

    init(_ resource: Resource) {
        switch resource.kind {
        case .lambdaFunction:
            prefix = "LambdaFunction"
            resourceFields = [:]
        case .activity:
            prefix = "Activity"
            resourceFields = [:]
        case .service(let type, let action):
            prefix = "Task"
            resourceFields = ["resource": .string(action), "resourceType": .string(type)]
        }
    }
}

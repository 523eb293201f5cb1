/// `Task`: asks the task source for the result of one attempt and records the events AWS
/// writes for the kind of resource (Lambda function, activity, service integration).
extension Execution {
    mutating func runTask(_ state: StatePlan, _ task: TaskState) throws(EngineError) {
        let saved = self
        let index = frames.count - 1
        let raw = frames[index].input
        let resource = Resource(arn: task.resource)
        let parameters: JSON
        var timeout: Int64?
        var heartbeat: Int64?
        var credentials: JSON?
        do throws(ExecutionError) {
            if let plan = state.jsonata {
                let bindings = jsonataBindings(plan, input: raw)
                parameters = try evaluate(plan.arguments, bindings) ?? raw
                if plan.arguments != nil { frames[index].stages.afterArguments = parameters }
                timeout = try jsonataSeconds(plan, "TimeoutSeconds", bindings)
                heartbeat = try jsonataSeconds(plan, "HeartbeatSeconds", bindings)
                credentials = try evaluate(plan.credentials, bindings)
            } else {
                let effective = try applyInputPath(state, raw)
                frames[index].stages.afterInputPath = effective
                parameters = try applyTemplate(state.parameters, to: effective)
                if state.parameters != nil { frames[index].stages.afterParameters = parameters }
                timeout = try seconds(task.timeoutSeconds, field: "TimeoutSecondsPath", input: effective)
                heartbeat = try seconds(task.heartbeatSeconds, field: "HeartbeatSecondsPath", input: effective)
                credentials = try task.credentials.map { (t) throws(ExecutionError) in try applyTemplate(t, to: effective) }
            }
        } catch {
            failState(locatedIfNeeded(error))
            return
        }
        if let problem = ServiceParameters.problem(resource, parameters) {
            failState(runtimeError(ServiceParameters.refusal(parameters, problem)))
            return
        }
        var request = TaskRequest(stateName: state.name, resource: resource, input: parameters,
                                  attempt: frames[index].attempt, taskToken: resource.pattern == .waitForTaskToken ? taskToken : nil)
        request.entry = max(entryCounts[state.ordinal], 1) - 1
        request.timeoutSeconds = timeout
        request.heartbeatSeconds = heartbeat
        guard let answer = options.taskSource.respond(to: request) else {
            self = saved
            throw .noTaskResponse(state: state.name, resource: task.resource, attempt: saved.frames[index].attempt)
        }
        if let cause = answer.startFailure {
            failState(runtimeError(cause))
            return
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
        // LambdaFunctionScheduled has no heartbeat member: Lambda functions do not heartbeat.
        if let heartbeat, resource.kind != .lambdaFunction { scheduled["heartbeatInSeconds"] = .number(.int(heartbeat)) }
        if let role = credentials?["RoleArn"] { scheduled["taskCredentials"] = ["roleArn": role] }
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
        let response = elapse(answer, timeout: timeout, heartbeat: heartbeat)
        if timeOutIfPast(now) { return }
        switch response {
        case .success(let result):
            var details = names.resourceFields
            details["output"] = result
            details["outputDetails"] = ["truncated": false]
            emit(EventType(names.prefix + "Succeeded"), details)
            if exceedsPayloadLimit(result) {
                failState(dataLimitExceeded(state.name, result))
                return
            }
            if let plan = state.jsonata {
                if options.recordsStages { frames[index].stages.result = result }
                let bindings = jsonataBindings(plan, input: raw, result: result)
                jsonataFinish(state, plan, bindings: bindings, fallback: result, next: state.nextName, nextNode: state.nextNode)
                return
            }
            do throws(ExecutionError) {
                let selected = try applyTemplate(state.resultSelector, to: result)
                let assigned = try evaluateAssign(state.assign, document: selected)
                let output = try applyResult(state, rawInput: raw, result: result)
                exitState(state, output: output, next: state.nextName, nextNode: state.nextNode, assigned: assigned)
            } catch {
                failState(locatedIfNeeded(error))
            }
        case .failure(let error):
            var details = names.resourceFields
            if !error.missing.contains(.error) { details["error"] = .string(error.error) }
            if !error.cause.isEmpty { details["cause"] = .string(error.cause) }
            let timedOut = error.error == StatesErrorName.timeout || error.error == StatesErrorName.heartbeatTimeout
            emit(EventType(names.prefix + (timedOut ? "TimedOut" : "Failed")), details,
                 stages: options.recordsStages ? frames[index].stages : nil)
            failState(error, raisedByEngine: false)
        }
    }

    /// Moves the virtual clock by the time the attempt took and settles timeouts: a response
    /// later than TimeoutSeconds (or HeartbeatSeconds) becomes States.Timeout
    /// (States.HeartbeatTimeout) at that moment. A reported timeout took the whole allowance.
    private mutating func elapse(_ answer: TaskResponse, timeout: Int64?, heartbeat: Int64?) -> Result<JSON, ExecutionError> {
        var response = answer
        var seconds: Int64 = 0
        // Nested delays are heartbeats: the worker reports in after each one, so only the
        // longest stretch without a heartbeat counts against HeartbeatSeconds.
        var silentFor: (start: Int64, length: Int64)?
        while case .after(let s, let inner) = response {
            if s > (silentFor?.length ?? -1) { silentFor = (seconds, s) }
            seconds = VirtualTime.moving(seconds, by: s)
            response = inner
        }
        if let heartbeat, let gap = silentFor, gap.length > heartbeat,
           timeout.map({ VirtualTime.moving(gap.start, by: heartbeat) < $0 }) ?? true {
            elapse(seconds: VirtualTime.moving(gap.start, by: heartbeat))
            return .failure(ExecutionError(StatesErrorName.heartbeatTimeout, cause: ""))
        }
        if let timeout, seconds > timeout {
            elapse(seconds: timeout)
            return .failure(ExecutionError(StatesErrorName.timeout, cause: ""))
        }
        elapse(seconds: seconds)
        switch response {
        case .succeeded(let result):
            return .success(result)
        case .failed(let error):
            guard error.error == StatesErrorName.timeout || error.error == StatesErrorName.heartbeatTimeout else { return .failure(error) }
            if seconds == 0, error.error == StatesErrorName.timeout, let timeout { elapse(seconds: timeout) }
            if seconds == 0, error.error == StatesErrorName.heartbeatTimeout, let heartbeat { elapse(seconds: heartbeat) }
            // The timeout is Step Functions' own: its error output has a Cause, "" unless one was given.
            return .failure(ExecutionError(error.error, cause: error.cause))
        case .after, .cannotStart:
            preconditionFailure("every delay was unwrapped above, and a task that could not start never runs")
        }
    }

    /// Moves the virtual clock on by a task's seconds (saturating: the deadline then ends the execution).
    private mutating func elapse(seconds: Int64) {
        now = VirtualTime.moving(now, by: VirtualTime.milliseconds(seconds: seconds))
    }

    /// A JSONata state's TimeoutSeconds / HeartbeatSeconds (a number or a `{% %}` expression).
    private mutating func jsonataSeconds(_ plan: JSONataPlan, _ field: String, _ bindings: [String: JSON]) throws(ExecutionError) -> Int64? {
        guard let template = plan.values[field] else { return nil }
        let value = try template.evaluate(bindings, jsonataEnvironment())
        guard let n = value.intValue, n > 0 else {
            throw queryError("The \(field) field must be a positive integer, but was: \(DataFlow.describe(value))")
        }
        return n
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

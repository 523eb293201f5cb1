/// A Step Functions execution as a value. `step()` advances it by exactly one history event;
/// any earlier copy stays valid and cheap to keep (events and JSON are shared, not copied).
public struct Execution: Sendable {
    public let definition: StateMachine
    public let input: JSON
    public let options: ExecutionOptions
    /// The events emitted so far.
    public internal(set) var history = EventLog()
    public internal(set) var status: ExecutionStatus = .running
    /// The execution's output once it SUCCEEDED.
    public internal(set) var output: JSON?
    /// The error once it FAILED or TIMED_OUT.
    public internal(set) var failure: ExecutionError?
    /// Virtual time, milliseconds since the Unix epoch.
    public internal(set) var now: Int64
    public let executionArn: String
    public let executionName: String

    var random: SeededRandom
    var frames: [Frame] = []
    /// Events already decided but not yet handed out by `step()`.
    var pending: [HistoryEvent] = []
    var started = false

    /// AWS's limit on a Standard execution's history.
    public static let historyLimit = 25_000
    /// AWS's payload limit (bytes of UTF-8) for state, task and execution input and output.
    public static let payloadLimit = 262_144

    public init(definition: StateMachine, input: JSON, options: ExecutionOptions = ExecutionOptions()) {
        self.definition = definition
        self.input = input
        self.options = options
        now = options.startTime
        var random = SeededRandom(seed: options.seed)
        let name = options.executionName ?? random.nextUUID()
        self.random = random
        executionName = name
        executionArn = "arn:aws:states:" + options.region + ":" + options.account + ":execution:" + options.stateMachineName + ":" + name
    }

    public var isFinished: Bool { status != .running && pending.isEmpty }

    /// The state the execution is in (innermost first when inside Map or Parallel).
    public var currentStates: [String] { frames.reversed().map(\.stateName) }

    /// Advances by one history event and returns it; nil once the execution has finished.
    /// Throws only when the engine cannot go on (a Task nobody answers).
    @discardableResult
    public mutating func step() throws(EngineError) -> HistoryEvent? {
        var guardCount = 0
        while pending.isEmpty && status == .running {
            try advance()
            guardCount += 1
            precondition(guardCount < 1_000_000, "engine made no progress")
        }
        guard !pending.isEmpty else { return nil }
        let event = pending.removeFirst()
        history.append(event)
        return event
    }

    /// This execution one event later.
    public func stepped() throws(EngineError) -> Execution {
        var copy = self
        try copy.step()
        return copy
    }

    /// Steps until the execution finishes.
    public mutating func run() throws(EngineError) {
        while try step() != nil {}
    }

    // MARK: - Emitting events

    /// Queues an event from the top frame (or the execution itself when no frame runs).
    @discardableResult
    mutating func emit(_ type: EventType, _ details: JSONObject? = nil, stages: StageRecord? = nil, previous: Int? = nil) -> Int {
        if let top = frames.last, top.silent { return top.lastEventId }
        let id = history.count + pending.count + 1
        let prev = previous ?? frames.last?.lastEventId ?? (history.count + pending.count)
        pending.append(HistoryEvent(id: id, previousEventId: prev, timestamp: now, type: type, details: details, stages: stages))
        if !frames.isEmpty { frames[frames.count - 1].lastEventId = id }
        return id
    }

    var nextEventId: Int { history.count + pending.count + 1 }

    // MARK: - The machine

    mutating func advance() throws(EngineError) {
        if !started {
            started = true
            emit(.executionStarted, [
                "input": input, "inputDetails": ["truncated": false], "roleArn": .string(options.roleArn),
            ], previous: 0)
            if let problem = payloadProblem(input) {
                finishExecution(.failed, error: ExecutionError(StatesErrorName.dataLimitExceeded, cause: problem))
                return
            }
            frames = [Frame(machine: definition, role: .root, input: input, variables: [:], lastEventId: 0)]
            return
        }
        if let limit = definition.timeoutSeconds, now - options.startTime >= limit * 1000 {
            now = options.startTime + limit * 1000
            finishExecution(.timedOut, error: ExecutionError(StatesErrorName.timeout, cause: ""))
            return
        }
        if let limit = options.historyLimit, nextEventId >= limit {
            finishExecution(.failed, error: ExecutionError(StatesErrorName.runtime,
                cause: "The execution reached the maximum number of history events (\(limit))."))
            return
        }
        guard let top = frames.last else { return }
        switch top.phase {
        case .enter: enterState()
        case .execute: try executeState()
        case .awaitingChildren: preconditionFailure("a frame awaiting children is never on top")
        }
    }

    mutating func enterState() {
        let index = frames.count - 1
        let state = frames[index].state
        frames[index].enteredTime = now
        frames[index].stages = StageRecord(input: frames[index].input)
        let id = emit(.stateEntered(state.typeName), [
            "input": frames[index].input, "inputDetails": ["truncated": false], "name": .string(state.name),
        ])
        frames[index].enteredEventId = id
        frames[index].phase = .execute
    }

    mutating func executeState() throws(EngineError) {
        let state = frames[frames.count - 1].state
        if state.queryLanguage == .jsonata {
            failState(ExecutionError(StatesErrorName.runtime,
                cause: "asldb does not evaluate JSONata yet (state '\(state.name)' uses QueryLanguage JSONata)"))
            return
        }
        switch state.kind {
        case .pass(let pass): runPass(state, pass)
        case .task(let task): try runTask(state, task)
        case .choice(let choice): runChoice(state, choice)
        case .wait(let wait): runWait(state, wait)
        case .succeed: runSucceed(state)
        case .fail(let fail): runFail(state, fail)
        case .parallel(let parallel): runParallel(state, parallel)
        case .map(let map): runMap(state, map)
        }
    }

    // MARK: - Leaving states and frames

    /// The current state completed: records `…StateExited` and follows the transition.
    mutating func exitState(output: JSON, next: String?, assigned: JSONObject?) {
        let index = frames.count - 1
        let state = frames[index].state
        if let problem = payloadProblem(output) {
            failState(ExecutionError(StatesErrorName.dataLimitExceeded,
                cause: "The state/task '\(state.name)' returned a result with a size exceeding the maximum number of bytes service limit."),
                retryable: false)
            _ = problem
            return
        }
        frames[index].stages.output = output
        var details: JSONObject = ["name": .string(state.name), "output": output, "outputDetails": ["truncated": false]]
        if let assigned, !assigned.isEmpty {
            details["assignedVariables"] = .object(assigned)
            details["assignedVariablesDetails"] = ["truncated": false]
            for (name, value) in assigned {
                frames[index].variables[name] = value
                frames[index].ownVariables.insert(name)
            }
        }
        emit(.stateExited(state.typeName), details, stages: frames[index].stages)
        if let next {
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
                if let problem = payloadProblem(out) {
                    _ = problem
                    finishExecution(.failed, error: ExecutionError(StatesErrorName.dataLimitExceeded,
                        cause: "The state/task '\(done.stateName)' returned a result with a size exceeding the maximum number of bytes service limit."))
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
            emit(.executionTimedOut, error.map { ["error": .string($0.error), "cause": .string($0.cause)] }, previous: previous)
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

    /// The byte size problem of a payload over the limit, if any.
    func payloadProblem(_ value: JSON) -> String? {
        // Cheap bound first: only print documents that might be large.
        guard value.approximateSizeExceeds(Self.payloadLimit / 8) else { return nil }
        let size = JSONPrinter.compactByteCount(value)
        return size > Self.payloadLimit ? "payload of \(size) bytes exceeds \(Self.payloadLimit)" : nil
    }
}

extension JSON {
    /// Whether the printed size could exceed `bytes` (walks at most until the bound is reached).
    func approximateSizeExceeds(_ bytes: Int) -> Bool {
        var budget = bytes
        func walk(_ v: JSON) -> Bool {
            switch v {
            case .null, .bool, .number: budget -= 8
            case .string(let s): budget -= s.utf8.count + 2
            case .array(let a):
                budget -= 2
                for e in a where budget > 0 { if walk(e) { return true } }
            case .object(let o):
                budget -= 2
                for (k, e) in o where budget > 0 {
                    budget -= k.utf8.count + 3
                    if walk(e) { return true }
                }
            }
            return budget <= 0
        }
        return walk(self)
    }
}

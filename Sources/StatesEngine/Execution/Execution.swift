/// A Step Functions execution as a value. `step()` advances it by exactly one history event;
/// any earlier copy stays valid and cheap to keep (events and JSON are shared, not copied).
///
/// Inside, a stack of frames holds the running (sub-)machines: the top level, and above it the
/// Map iteration or Parallel branch currently running. Each advance runs one phase of the top
/// frame's current state (enter it, or run it) and queues the events that phase produces;
/// `step()` hands them out one at a time, so a caller never sees half a phase.
public struct Execution: Sendable {
    /// The state machine being executed.
    public let definition: StateMachine
    /// The execution input.
    public let input: JSON
    /// The injected task source, clock start, seed and names.
    public internal(set) var options: ExecutionOptions
    /// The events emitted so far.
    public internal(set) var history = EventLog()
    /// RUNNING until the terminal event has been stepped out.
    public internal(set) var status: ExecutionStatus = .running
    /// The execution's output once it SUCCEEDED.
    public internal(set) var output: JSON?
    /// The error once it FAILED or TIMED_OUT.
    public internal(set) var failure: ExecutionError?
    /// Virtual time, milliseconds since the Unix epoch.
    public internal(set) var now: Int64
    /// `arn:aws:states:…:execution:<machine>:<name>` (Express: `…:express:<machine>:<name>:<id>`),
    /// as `$$.Execution.Id` shows it.
    public let executionArn: String
    /// The execution name (`$$.Execution.Name`).
    public let executionName: String

    var random: SeededRandom
    /// The definition prepared for running, shared by every copy.
    let plan: MachinePlan
    var frames: [Frame] = []
    /// Events already decided but not yet handed out by `step()`.
    var pending: [HistoryEvent] = []
    var started = false
    /// Entries so far per state, by the state name's number (`StatePlan.ordinal`;
    /// `TaskRequest.entry`).
    var entryCounts: [Int]
    /// Sizes of the large parts of payloads measured so far: a state's output mostly shares them
    /// with its input, and is measured against the payload limit without walking them again.
    var payloadSizes = JSONSizeMemo()
    /// Milliseconds Wait states skipped to reach a Timestamp (see `deadline`).
    var skippedToTimestamps: Int64 = 0

    /// AWS's limit on a Standard execution's history.
    public static let historyLimit = 25_000
    /// AWS's payload limit (bytes of UTF-8) for state, task and execution input and output.
    public static let payloadLimit = 262_144

    /// An execution that has not started: its first `step()` records ExecutionStarted.
    public init(definition: StateMachine, input: JSON, options: ExecutionOptions = ExecutionOptions()) {
        self.definition = definition
        plan = MachinePlan(definition)
        entryCounts = Array(repeating: 0, count: plan.ordinals.count)
        self.input = input
        self.options = options
        now = options.startTime
        var random = SeededRandom(seed: options.seed)
        let name = options.executionName ?? random.nextUUID()
        executionName = name
        let prefix = "arn:aws:states:" + options.region + ":" + options.account
        switch options.type {
        case .standard:
            executionArn = prefix + ":execution:" + options.stateMachineName + ":" + name
        case .express:
            // AWS appends an id of its own, so that Express execution names need not be unique.
            executionArn = prefix + ":express:" + options.stateMachineName + ":" + name + ":" + random.nextUUID()
        }
        self.random = random
    }

    /// Whether every event, the terminal one included, has been stepped out.
    public var isFinished: Bool { status != .running && pending.isEmpty }

    /// Advances by one history event and returns it; nil once the execution has finished.
    /// Throws only when the engine cannot go on (a Task nobody answers).
    @discardableResult
    public mutating func step() throws(EngineError) -> HistoryEvent? {
        guard let event = try nextEvent() else { return nil }
        history.append(copy event)
        return event
    }

    /// This execution one event later.
    public func stepped() throws(EngineError) -> Execution {
        var copy = self
        try copy.step()
        return copy
    }

    /// Advances by one event like `step()`, handing out only the event's type: a loop that does
    /// not look at the events (`run()`, the benchmark) copies none of them.
    @discardableResult
    public mutating func stepType() throws(EngineError) -> EventType? {
        guard let event = try nextEvent() else { return nil }
        let type = event.type
        history.append(event)
        return type
    }

    /// Runs until an event is decided and takes the next one off the queue; nil when finished.
    private mutating func nextEvent() throws(EngineError) -> HistoryEvent? {
        while pending.isEmpty && status == .running {
            try advance()
        }
        guard !pending.isEmpty else { return nil }
        // Usually the only one: taken from the end, nothing shifts.
        return pending.count == 1 ? pending.removeLast() : pending.removeFirst()
    }

    /// Steps until the execution finishes.
    public mutating func run() throws(EngineError) {
        while try stepType() != nil {}
    }

    // MARK: - Emitting events

    /// How an event moves the top frame's `previousEventId` chain. AWS links most events to the
    /// one before them in the same branch of work, but Map bookkeeping events are side links.
    enum Chain {
        /// The next event of the frame follows this one.
        case advance
        /// The next event follows whatever this one followed (MapIteration{Succeeded,Failed}).
        case keep
    }

    /// Queues an event from the top frame (or the execution itself when no frame runs).
    @discardableResult
    mutating func emit(_ type: EventType, _ details: JSONObject? = nil, stages: StageRecord? = nil, previous: Int? = nil,
                       chain: Chain = .advance) -> Int {
        let stored = details.map(HistoryEvent.Details.object) ?? .none
        if let stages { return emit(type, stored: stored, stages: stages, previous: previous, chain: chain) }
        return emit(type, stored: stored, previous: previous, chain: chain)
    }

    /// Queues an event whose details are a prepared skeleton with one payload filled in.
    @discardableResult
    mutating func emit(_ type: consuming EventType, stored details: consuming HistoryEvent.Details,
                       previous: Int? = nil, chain: Chain = .advance) -> Int {
        guard let numbers = numberNextEvent(previous: previous) else { return frames[frames.count - 1].lastEventId }
        pending.append(HistoryEvent(id: numbers.id, previousEventId: numbers.previous, timestamp: now, type: consume type,
                                    storedDetails: consume details))
        return chained(numbers.id, chain)
    }

    /// Queues an event that keeps the stages of the visit it records (kept apart from the
    /// other `emit`s: a record is large, and most events pass none).
    @discardableResult
    mutating func emit(_ type: consuming EventType, stored details: consuming HistoryEvent.Details,
                       stages: consuming StageRecord, previous: Int? = nil, chain: Chain = .advance) -> Int {
        guard let numbers = numberNextEvent(previous: previous) else { return frames[frames.count - 1].lastEventId }
        pending.append(HistoryEvent(id: numbers.id, previousEventId: numbers.previous, timestamp: now, type: consume type,
                                    storedDetails: consume details, stages: consume stages))
        return chained(numbers.id, chain)
    }

    /// The next event's id and previousEventId; nil when the top frame is silent (a distributed
    /// Map's child), which then only counts it.
    private mutating func numberNextEvent(previous: Int?) -> (id: Int, previous: Int)? {
        let top = frames.count - 1
        if top >= 0, frames[top].silent {
            frames[top].silentEvents += 1
            return nil
        }
        return (history.count + pending.count + 1, previous ?? (top >= 0 ? frames[top].lastEventId : history.count + pending.count))
    }

    /// Moves the top frame's `previousEventId` chain past event `id`, and returns `id`.
    private mutating func chained(_ id: Int, _ chain: Chain) -> Int {
        if !frames.isEmpty, chain == .advance { frames[frames.count - 1].lastEventId = id }
        return id
    }

    /// The id of the last event emitted so far.
    var lastEmittedId: Int { history.count + pending.count }

    var nextEventId: Int { history.count + pending.count + 1 }

    // MARK: - The machine

    mutating func advance() throws(EngineError) {
        if !started {
            started = true
            emit(.executionStarted, [
                "input": input, "inputDetails": ["truncated": false], "roleArn": .string(options.roleArn),
            ], previous: 0)
            if exceedsPayloadLimit(input) {
                finishExecution(.failed, error: ExecutionError(StatesErrorName.dataLimitExceeded,
                    cause: "The execution input exceeds the maximum number of bytes service limit (\(options.payloadLimit ?? Self.payloadLimit))."))
                return
            }
            frames = [Frame(plan: plan, role: .root, input: input, variables: [:], lastEventId: 0)]
            return
        }
        if timeOutIfPast(now) { return }
        guard !frames.isEmpty else { return }
        let top = frames.count - 1
        // Only Standard executions have a limited history; an Express one has none to fill.
        if let limit = options.historyLimit, frames[top].silent, !frames[top].express, frames[top].silentEvents >= limit {
            // A distributed Map's child execution has a history (and a limit) of its own.
            finishFrame(.failure(historyLimitReached(limit)))
            return
        }
        if let limit = options.historyLimit, options.type == .standard, nextEventId >= limit {
            finishExecution(.failed, error: historyLimitReached(limit))
            return
        }
        guard let node = frames[top].nodeRef else {
            // Only an unvalidated definition gets here; fail as clearly as validation would.
            finishFrame(.failure(ExecutionError(StatesErrorName.runtime,
                cause: "The definition has no state named '\(frames[top].stateName)' (a StartAt, Next or Default names it); run asldb validate to see every such problem")))
            return
        }
        // The frame's plan keeps the state alive: it is used without counting a reference.
        try node.withGuaranteedInstance { (node) throws(EngineError) in try advance(node, top) }
    }

    private mutating func advance(_ node: StatePlan, _ top: Int) throws(EngineError) {
        switch frames[top].phase {
        case .enter: enterState(node)
        case .execute:
            if node.isJSONata { try executeJSONataState(node) } else { try executeState(node) }
        case .awaitingChildren: preconditionFailure("a frame awaiting children is never on top")
        }
    }

    mutating func enterState(_ state: StatePlan) {
        let index = frames.count - 1
        frames[index].enteredTime = now
        entryCounts[state.ordinal] += 1
        let input = frames[index].input
        if options.recordsStages { frames[index].resetStages(input: copy input) }
        let id = emit(state.enteredType, stored: .filled(state.enteredDetails, payload: consume input))
        frames[index].enteredEventId = id
        frames[index].phase = .execute
    }

    mutating func executeState(_ state: StatePlan) throws(EngineError) {
        // The common kinds dispatch on the prepared plan; the others take their fields from the State.
        switch state.dispatch {
        case .pass: runPass(state)
        case .choice: runChoice(state)
        default:
            switch state.kind {
            case .pass: runPass(state)
            case .task(let task): try runTask(state, task)
            case .choice: runChoice(state)
            case .wait(let wait): runWait(state, wait)
            case .succeed: runSucceed(state)
            case .fail(let fail): runFail(state, fail)
            case .parallel(let parallel): runParallel(state, parallel)
            case .map(let map): runMap(state, map)
            }
        }
    }

    /// Ends the execution TIMED_OUT at its deadline when `moment` reaches it (the execution's
    /// TimeoutSeconds fires at its own time, not after whatever was under way).
    mutating func timeOutIfPast(_ moment: Int64) -> Bool {
        let deadline = self.deadline
        guard moment >= deadline else { return false }
        now = deadline
        finishExecution(.timedOut, error: ExecutionError(StatesErrorName.timeout, cause: ""))
        return true
    }

    /// When the execution times out: after its TimeoutSeconds, and at the latest after the
    /// longest run AWS allows its type (a year, or five minutes for Express), so that no wait,
    /// back-off or task, however long, runs past it.
    ///
    /// The virtual start is a fixed date, not the day the user means a Wait's Timestamp from, so
    /// the time a Wait skips to reach its Timestamp does not count against that longest run
    /// (a Wait until next year must not time out just because the clock starts in 2025).
    var deadline: Int64 {
        let longest = VirtualTime.moving(VirtualTime.moving(options.startTime, by: options.type.maximumDuration),
                                         by: skippedToTimestamps)
        guard let limit = definition.timeoutSeconds else { return longest }
        return min(longest, VirtualTime.moving(options.startTime, by: VirtualTime.milliseconds(seconds: limit)))
    }

    func historyLimitReached(_ limit: Int) -> ExecutionError {
        ExecutionError(StatesErrorName.runtime, cause: "The execution reached the maximum number of history events (\(limit)).")
    }

    /// Whether a payload is over the payload limit (AWS's 256 KiB unless the options lift it), or
    /// nested deeper than `JSON.maximumDepth`: no walk over it could then be trusted not to run
    /// out of stack, freeing it included, so no state passes such a value on.
    mutating func exceedsPayloadLimit(_ value: JSON) -> Bool {
        guard let limit = options.payloadLimit else { return false }
        // Most payloads are small: upper bounds settle them without measuring.
        if JSONPrinter.certainlyFits(value, within: limit) { return false }
        guard let measure = payloadSizes.measure(value, upTo: limit) else { return true }
        return measure.depth > JSON.maximumDepth
    }

    /// The error AWS raises for a state or task result over the payload limit; one too deeply
    /// nested fails the same way, saying so.
    func dataLimitExceeded(_ name: String, _ result: JSON) -> ExecutionError {
        if result.isNested(deeperThan: JSON.maximumDepth) {
            return ExecutionError(StatesErrorName.dataLimitExceeded,
                cause: "The state/task '\(name)' returned a result whose arrays and objects nest more than \(JSON.maximumDepth) levels deep, "
                    + "more than asldb passes between states; flatten the data.")
        }
        return ExecutionError(StatesErrorName.dataLimitExceeded,
            cause: "The state/task '\(name)' returned a result with a size exceeding the maximum number of bytes service limit.")
    }
}

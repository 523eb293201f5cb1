/// A local re-execution of a recorded AWS execution: the same definition and input, with task
/// answers taken from the recording, compared event by event against it.
public struct Replay: Sendable {
    public let definition: StateMachine
    public let recorded: RecordedHistory
    public let options: ExecutionOptions

    /// Checks that the recording belongs to the definition. `sources` (local handlers, nested
    /// machines) are asked before the recording.
    public init(definition: StateMachine, recorded: RecordedHistory, options: ExecutionOptions = ExecutionOptions(),
                sources: [any TaskSource] = [], useRecordedStartTime: Bool = true) throws(ReplayProblem) {
        let known = Self.stateNames(definition)
        for (id, name) in recorded.enteredStateNames where !known.contains(name) {
            throw .unknownState(eventId: id, name: name)
        }
        self.definition = definition
        self.recorded = recorded
        var options = options
        // The recorded start time makes the context object and Wait timestamps agree.
        if useRecordedStartTime, let start = recorded.events.first?.milliseconds { options.startTime = start }
        options.taskSource = CompositeTaskSource(sources + [ReplayTaskSource(recorded)])
        self.options = options
    }

    /// The execution before its first event.
    public func start() -> Execution {
        Execution(definition: definition, input: recorded.input, options: options)
    }

    /// Runs to the end, or to the first event that departs from the recording when
    /// `stopAtDivergence` is set.
    public func run(stopAtDivergence: Bool = true) throws(ReplayProblem) -> ReplayOutcome {
        var execution = start()
        var matcher = DivergenceMatcher(recorded.events)
        var divergence: Divergence?
        while true {
            let event: HistoryEvent?
            do {
                event = try execution.step()
            } catch {
                throw unanswered(error, execution)
            }
            guard let event else { break }
            if divergence == nil, var found = matcher.match(event, position: execution.history.count - 1) {
                found.stateName = Self.enteredState(execution.history)
                divergence = found
                if stopAtDivergence { break }
            }
        }
        if divergence == nil, execution.isFinished { divergence = matcher.unmatchedRemainder() }
        return ReplayOutcome(execution: execution, divergence: divergence)
    }

    /// The replay stopped after at most `eventCount` events, ready to continue with another task
    /// source: the fork of a reproduced failure with a fixed task or different data. A task's
    /// events are decided together, so the fork lands on the last event at or before
    /// `eventCount` after which nothing is decided yet (`history.count` says where).
    public func fork(after eventCount: Int, taskSource: any TaskSource) throws(ReplayProblem) -> Execution {
        var execution = start()
        var clean = execution
        while execution.history.count < eventCount {
            do {
                guard try execution.step() != nil else { break }
            } catch {
                throw unanswered(error, execution)
            }
            if !execution.hasQueuedEvents { clean = execution }
        }
        if !execution.hasQueuedEvents { clean = execution }
        // Data edits (`editPendingInput`, `editVariable`) apply to the returned value as well.
        clean.replaceTaskSource(taskSource)
        return clean
    }

    private func unanswered(_ error: EngineError, _ execution: Execution) -> ReplayProblem {
        switch error {
        case .noTaskResponse(let state, _, let attempt):
            let entry = max(0, execution.entryCount(of: state) - 1)
            let recordedEntry = recorded.taskEntries.first { $0.stateName == state && $0.ordinal == entry }
            if let attemptRecord = recordedEntry?.attempts.dropFirst(attempt).first, attemptRecord.response == nil {
                return .unansweredTask(state: state, attempt: attempt, eventId: attemptRecord.scheduledEventId)
            }
            return .taskNotRecorded(state: state, entry: entry, attempt: attempt,
                                    lastEventId: recorded.events.last?.id ?? 0, finished: recorded.terminal != nil)
        case .unsupported:
            return .engine(error.description)
        }
    }

    /// The state most recently entered (the one a task event belongs to).
    static func enteredState(_ history: EventLog) -> String? {
        var position = history.count - 1
        while position >= 0 {
            let event = history[position]
            if event.type.rawValue.hasSuffix("StateEntered") { return event.stateName }
            position -= 1
        }
        return nil
    }

    /// Every state name in the definition, inside Parallel branches and Map processors too.
    static func stateNames(_ machine: StateMachine) -> Set<String> {
        var names: Set<String> = []
        func walk(_ m: StateMachine) {
            for (name, state) in m.states {
                names.insert(name)
                switch state.kind {
                case .parallel(let p): p.branches.forEach(walk)
                case .map(let m): walk(m.processor)
                default: break
                }
            }
        }
        walk(machine)
        return names
    }
}

/// How a replay ended.
public struct ReplayOutcome: Sendable {
    public var execution: Execution
    /// The first event where the local execution departed from the recording, if any.
    public var divergence: Divergence?
}

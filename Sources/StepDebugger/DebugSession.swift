/// What a session runs: the definition, the input, the seed and where task results come from.
public struct SessionSetup: Sendable {
    public var definition: StateMachine
    public var input: JSON
    public var seed: UInt64
    public var taskSource: any TaskSource
    public var options: ExecutionOptions
    /// Where these came from, so a saved session can load them again.
    public var definitionPath: String?
    public var mockConfigPath: String?
    public var testCase: String?
    public var stateMachineName: String?

    public init(definition: StateMachine, input: JSON, seed: UInt64 = 0, taskSource: any TaskSource = NoTaskSource(),
                definitionPath: String? = nil, mockConfigPath: String? = nil, testCase: String? = nil, stateMachineName: String? = nil) {
        self.definition = definition
        self.input = input
        self.seed = seed
        self.taskSource = taskSource
        options = ExecutionOptions(taskSource: taskSource, seed: seed)
        if let stateMachineName { options.stateMachineName = stateMachineName }
        self.definitionPath = definitionPath
        self.mockConfigPath = mockConfigPath
        self.testCase = testCase
        self.stateMachineName = stateMachineName
    }
}

/// The debugger's brain: a timeline of executions (one per history event) with a cursor.
/// Every command is synchronous and deterministic and returns a `Pause`.
///
/// Stepping back only moves the cursor; stepping forward past the end runs the engine; an edit
/// or injection at a pause drops the recorded future and continues from there.
public struct DebugSession: Sendable {
    public let setup: SessionSetup
    /// `timeline[i]` is the execution after `i` events.
    public internal(set) var timeline: [Execution]
    /// Nesting level of each recorded event (0 = top level, +1 inside each Map or Parallel).
    private(set) var levels: [Int] = []
    /// What the execution had done to its states after each recorded event (`progress[i]` is
    /// after event i + 1), kept beside `levels`.
    private(set) var progressAfter: [Progress] = []
    public internal(set) var cursor = 0
    public internal(set) var breakpoints: [Breakpoint] = []
    public internal(set) var injections: [Injection] = []
    /// Task results the user typed in for attempts nothing else answered.
    public internal(set) var answers: [TaskAnswer] = []
    var nextBreakpointId = 1
    /// Every state name in the definition, nested ones included.
    public let stateNames: Set<String>

    public init(_ setup: SessionSetup) {
        self.setup = setup
        stateNames = setup.definition.allStateNames
        timeline = [Execution(definition: setup.definition, input: setup.input, options: setup.options)]
    }

    /// The execution at the cursor.
    public var current: Execution { timeline[cursor] }
    /// Events recorded so far (the timeline may reach past the cursor after stepping back).
    public var recordedEvents: Int { timeline.count - 1 }
    /// The whole recorded history, including events after the cursor.
    public var history: EventLog { timeline[timeline.count - 1].history }

    // MARK: - Moving forward

    /// Moves one event forward (replaying or running the engine); nil at the end.
    mutating func forward() throws(EngineError) -> HistoryEvent? {
        if cursor < timeline.count - 1 {
            cursor += 1
            return timeline[cursor].history[cursor - 1]
        }
        var next = timeline[cursor]
        guard let event = try next.step() else { return nil }
        timeline.append(next)
        let level = Self.level(of: event, after: levels.last, previous: cursor > 0 ? timeline[cursor].history[cursor - 1] : nil)
        levels.append(level)
        progressAfter.append((progressAfter.last ?? Progress()).after(event, level: level))
        cursor += 1
        return event
    }

    static func level(of event: HistoryEvent, after previousLevel: Int?, previous: HistoryEvent?) -> Int {
        var level = previousLevel ?? 0
        if let previous, previous.type == .mapStateStarted || previous.type == .parallelStateStarted { level += 1 }
        let closing: [EventType] = [.mapStateSucceeded, .mapStateFailed, .parallelStateSucceeded, .parallelStateFailed, EventType("MapStateAborted"), EventType("ParallelStateAborted")]
        if closing.contains(event.type) { level = max(0, level - 1) }
        return level
    }

    /// Runs forward until `stop` says so, a breakpoint hits, or the execution ends.
    mutating func advance(checkBreakpoints: Bool = true, until stop: (DebugSession, HistoryEvent) -> Pause.Reason?) -> Pause {
        while true {
            let event: HistoryEvent?
            do {
                event = try forward()
            } catch {
                return pause(.engineError(error.description))
            }
            guard let event else { return pause(.finished(current.status)) }
            if Self.endTypes.contains(event.type) { return pause(.finished(current.status)) }
            if checkBreakpoints {
                let hits = breakpointsHit(by: event)
                if !hits.isEmpty { return pause(.breakpoint(hits)) }
            }
            if let reason = stop(self, event) { return pause(reason) }
        }
    }

    static let endTypes: Set<EventType> = [.executionSucceeded, .executionFailed, .executionTimedOut, EventType("ExecutionAborted")]

    /// Whether the event is a place a step stops at: a state entered or left, or an error.
    static func isPausePoint(_ event: HistoryEvent) -> Bool {
        let t = event.type.rawValue
        return t.hasSuffix("StateEntered") || t.hasSuffix("StateExited") || event.stages?.errorDetails != nil
            || endTypes.contains(event.type)
    }

    /// How deep inside Maps and Parallels the event with this id is (0 = top level), for indenting.
    public func level(at position: Int) -> Int { position == 0 ? 0 : levels[position - 1] }

    /// What the execution had done to its states after `position` events (none at 0).
    public func progress(at position: Int) -> Progress { position == 0 ? Progress() : progressAfter[position - 1] }

    /// The pause report for the cursor.
    public func pause(_ reason: Pause.Reason) -> Pause {
        let event = cursor > 0 ? current.history[cursor - 1] : nil
        return Pause(reason: reason, position: cursor, event: event, visit: visit(at: cursor),
                     status: current.isFinished ? current.status : .running,
                     elapsed: (event?.timestamp ?? setup.options.startTime) - setup.options.startTime)
    }

    mutating func truncateFuture() {
        guard cursor < timeline.count - 1 else { return }
        timeline.removeSubrange((cursor + 1)...)
        levels.removeSubrange(cursor...)
        progressAfter.removeSubrange(cursor...)
    }

    /// Replaces the execution at the cursor after an edit, dropping the recorded future.
    mutating func replaceCurrent(_ execution: Execution) {
        truncateFuture()
        timeline[cursor] = execution
    }
}

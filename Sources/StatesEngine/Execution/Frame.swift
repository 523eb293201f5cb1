/// One running (sub-)state machine: the top level, a Parallel branch or a Map iteration.
/// Frames form a stack; only the top one advances, so branches and iterations run one after
/// another (AWS interleaves them, but each one's own events keep their order).
struct Frame: Sendable {
    enum Role: Sendable {
        case root
        case branch(index: Int)
        case iteration(index: Int)
    }

    enum Phase: Sendable {
        /// The state has not been entered yet: the next event is its `…StateEntered`.
        case enter
        /// Entered; the next advance runs (or, after a retry, re-runs) the state.
        case execute
        /// A Map or Parallel state whose children are running on frames above this one.
        case awaitingChildren
    }

    /// The (sub-)machine this frame runs, prepared.
    var plan: MachinePlan
    var role: Role
    var stateName: String
    /// The current state, prepared; nil when the (unvalidated) definition has no such state.
    var node: StatePlan? { nodeRef?.takeUnretainedValue() }
    /// `node` unowned: every state plan belongs to the frame's `plan`, which the frame holds, and
    /// a step then reaches its state without counting a reference.
    var nodeRef: Unmanaged<StatePlan>?
    var phase: Phase = .enter
    /// The current state's raw input.
    var input: JSON
    /// Variables visible in this frame (inner frames start from a copy of the outer ones).
    var variables: [String: JSON]
    var enteredEventId = 0
    var enteredTime: Int64 = 0
    /// Retries used per retrier of the current state; reset when the state is left.
    var retryCounts: [Int] = []
    /// Attempts made in this entry of the current state (0 = first try).
    var attempt = 0
    /// The current visit's stages; the `…StateExited` event takes them.
    var stages = StageRecord()
    /// The id of the event this frame emitted last (its `previousEventId` for the next one).
    var lastEventId: Int
    var children: ChildRun?
    /// `$$.Map.Item` while a Map evaluates an item's ItemSelector.
    var mapItem: (index: Int, value: JSON)?
    /// A distributed Map's child execution: its events stay out of this history.
    var silent = false
    /// Events a silent frame would have recorded in its own history.
    var silentEvents = 0
    /// A silent frame that is an Express child execution, whose history AWS does not limit.
    var express = false

    var machine: StateMachine { plan.machine }
    /// The current state (the frame only advances while it exists).
    var state: StatePlan { node! }

    init(plan: MachinePlan, role: Role, input: JSON, variables: [String: JSON], lastEventId: Int) {
        self.plan = plan
        self.role = role
        stateName = plan.machine.startAt
        nodeRef = plan[stateName].map(Unmanaged.passUnretained)
        self.input = input
        self.variables = variables
        self.lastEventId = lastEventId
    }

    /// The raw input, moved out while the state runs (the frame holds `.null` until it is put back).
    mutating func takeInput() -> JSON {
        var taken = JSON.null
        swap(&taken, &input)
        return taken
    }

    /// Starts a fresh record of stages.
    mutating func resetStages(input: consuming JSON?) {
        if stages.isEmpty {
            stages.input = input
        } else {
            stages = StageRecord(input: input)
        }
    }

    /// The visit's stages, moved out (the frame keeps an empty record).
    mutating func takeStages() -> StageRecord {
        var taken = StageRecord()
        swap(&taken, &stages)
        return taken
    }

    /// A fresh entry of the current state: retry counters and stages cleared.
    private mutating func reset() {
        phase = .enter
        // Each only when there is something to drop: a step moves on through here.
        if !retryCounts.isEmpty { retryCounts = [] }
        attempt = 0
        // Until the state is entered; entering then starts a record of its own.
        if !stages.isEmpty { stages = StageRecord() }
        if case .some = children { children = nil }
    }

    /// Moves to `next` (a state of this frame's plan) with a fresh entry.
    mutating func moveTo(_ next: Unmanaged<StatePlan>, input: consuming JSON) {
        nodeRef = next
        stateName = next._withUnsafeGuaranteedRef { $0.name }
        self.input = consume input
        reset()
    }

    /// Moves to the next state with a fresh entry (retry counters reset).
    mutating func moveTo(_ name: String, input: JSON) {
        stateName = name
        nodeRef = plan[name].map(Unmanaged.passUnretained)
        self.input = input
        reset()
    }
}

/// The bookkeeping of a Map or Parallel state while its children run.
struct ChildRun: Sendable {
    enum Kind: Sendable {
        case parallel([MachinePlan])
        case map(processor: MachinePlan, items: [JSON])
    }

    var kind: Kind
    /// The effective input (after InputPath, and Parameters for Parallel) handed to children.
    var effectiveInput: JSON
    var next = 0
    /// The children's outputs so far. Append-only and shared between copies: the debugger keeps
    /// the execution after every event, and an array would be copied whole at each append.
    var results = AppendOnlyArray<JSON>()
    var failures = 0
    var toleratedCount: Int64 = 0
    var toleratedPercentage: Double = 0
    var distributed = false
    /// With an ItemBatcher: the items of each child, and the BatchInput every batch carries.
    var batches: [Range<Int>]?
    var batchInput: JSON?
    /// ParallelStateStarted: every branch starts from it, as the branches run side by side on AWS.
    var startedEventId = 0

    /// How many children run in all.
    var total: Int {
        switch kind {
        case .parallel(let branches): return branches.count
        case .map(_, let items): return batches?.count ?? items.count
        }
    }
}

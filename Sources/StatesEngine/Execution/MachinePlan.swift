/// A state machine prepared for running: each state with its paths, payload templates and Choice
/// rules parsed once, and its event types spelled once, instead of at every visit.
///
/// Built when an execution is created and shared, immutable, by every copy of it; frames point
/// at their current state's `StatePlan`, so a step reaches it without a name lookup or a copy of
/// the `State`.
final class MachinePlan: Sendable {
    let machine: StateMachine
    /// The states in definition order; transitions prepared in a plan name their target by
    /// its position here, so that moving on looks nothing up by name.
    private let nodes: [StatePlan]
    private let positions: [String: Int]
    /// Every state name of the whole definition (nested machines included), numbered: the
    /// execution counts entries per number. Filled by the top-level plan only.
    let ordinals: [String: Int]

    /// A top-level plan numbers the states itself; a nested one shares its parent's numbering.
    init(_ machine: StateMachine, numbering parent: StateNumbering? = nil) {
        self.machine = machine
        let numbering = parent ?? StateNumbering()
        var positions: [String: Int] = [:]
        positions.reserveCapacity(machine.states.count)
        for (position, name) in machine.states.keys.enumerated() { positions[name] = position }
        let nodes = machine.states.values.map { StatePlan($0, numbering: numbering) }
        for node in nodes { node.link { positions[$0].map { nodes[$0] } } }
        self.nodes = nodes
        self.positions = positions
        ordinals = parent == nil ? numbering.ordinals : [:]
    }

    /// The state called `name`; nil when the (unvalidated) definition has none.
    subscript(name: String) -> StatePlan? { positions[name].map { nodes[$0] } }
}

/// Numbers state names while a definition is prepared (one number per distinct name).
final class StateNumbering {
    private(set) var ordinals: [String: Int] = [:]

    func number(_ name: String) -> Int {
        if let known = ordinals[name] { return known }
        ordinals[name] = ordinals.count
        return ordinals.count - 1
    }
}

/// One state, prepared (see `MachinePlan`).
// Sendable by hand: the links to other states are set once, while the plan is built, before
// anything can share it.
final class StatePlan: @unchecked Sendable {
    let state: State
    let inputPath: PathPlan
    let outputPath: PathPlan
    /// InputPath and OutputPath are `$`, told without copying the plans.
    let inputPathIsWhole: Bool
    let outputPathIsWhole: Bool
    let resultPath: ResultPathPlan
    let parameters: TemplatePlan?
    let resultSelector: TemplatePlan?
    let assign: TemplatePlan?
    /// Map's ItemSelector (or legacy Parameters).
    let itemSelector: TemplatePlan?
    /// Choice's rules, in order.
    let choices: [ChoicePlan]
    /// Whether testing some Choice rule may read the context object.
    let choicesUseContextObject: Bool
    /// Parallel's branches, or Map's item processor (one).
    let children: [MachinePlan]
    let enteredType: EventType
    let exitedType: EventType
    /// The state's name as a JSON string, for event details.
    let nameValue: JSON
    /// `{"input": null, "inputDetails": {"truncated": false}, "name": …}`: a StateEntered event's
    /// details with the input still to fill in (member 0), so that each event shares the keys.
    let enteredDetails: DetailsSkeleton
    /// `{"name": …, "output": null, "outputDetails": {"truncated": false}}`, the output (member 1)
    /// still to fill in.
    let exitedDetails: DetailsSkeleton
    /// The `Next` state's name (nil for End, and for Choice, Succeed and Fail).
    let nextName: String?
    /// The `Next` state, and Choice's Default and each rule's Next, unowned (their plan holds
    /// them): moving on counts no reference. Set by `link(_:)`.
    private(set) var nextNode: Unmanaged<StatePlan>?
    private(set) var defaultNode: Unmanaged<StatePlan>?
    private(set) var choiceNodes: [Unmanaged<StatePlan>?] = []


    /// The first Choice rule whose condition holds in `context`, by position.
    func firstMatchingRule(in context: EvaluationContext) throws(ExecutionError) -> Int? {
        for i in choices.indices where try choices[i].condition.test(in: context) { return i }
        return nil
    }

    /// Links the transitions to the machine's other states (`state(name)`, nil for a name the
    /// machine lacks), once, while the plan is built.
    func link(_ state: (String) -> StatePlan?) {
        nextNode = nextName.flatMap(state).map(Unmanaged.passUnretained)
        defaultNode = choiceDefault.flatMap(state).map(Unmanaged.passUnretained)
        choiceNodes = choices.map { rule in state(rule.rule.next).map(Unmanaged.passUnretained) }
    }
    /// The state name's number in the whole definition (see `MachinePlan.ordinals`).
    let ordinal: Int
    /// Whether the state is written in JSONata.
    let isJSONata: Bool
    /// The state's JSONata fields, compiled (JSONata states only).
    let jsonata: JSONataPlan?
    /// The kind of state, without its fields: a step dispatches on it without copying them.
    let dispatch: Dispatch
    /// A Pass state's Result.
    let passResult: JSON?
    /// A Choice state's Default.
    let choiceDefault: String?

    enum Dispatch: Sendable {
        case pass, task, choice, wait, succeed, fail, parallel, map
    }

    init(_ state: State, numbering: StateNumbering) {
        self.state = state
        ordinal = numbering.number(state.name)
        nextName = state.transition.nextName
        inputPath = PathPlan(state.inputPath)
        outputPath = PathPlan(state.outputPath)
        inputPathIsWhole = inputPath.isWhole
        outputPathIsWhole = outputPath.isWhole
        resultPath = ResultPathPlan(state.resultPath)
        parameters = state.parameters.map(TemplatePlan.init)
        resultSelector = state.resultSelector.map(TemplatePlan.init)
        assign = state.assign.map(TemplatePlan.init)
        switch state.kind {
        case .choice(let choice):
            choices = choice.choices.map(ChoicePlan.init)
            children = []
            itemSelector = nil
        case .parallel(let parallel):
            choices = []
            children = parallel.branches.map { MachinePlan($0, numbering: numbering) }
            itemSelector = nil
        case .map(let map):
            choices = []
            children = [MachinePlan(map.processor, numbering: numbering)]
            itemSelector = map.itemSelector.map(TemplatePlan.init)
        default:
            choices = []
            children = []
            itemSelector = nil
        }
        choicesUseContextObject = choices.contains { $0.usesContextObject }
        if case .choice(let choice) = state.kind {
            choiceDefault = choice.defaultNext
        } else {
            choiceDefault = nil
        }
        isJSONata = state.queryLanguage == .jsonata
        jsonata = isJSONata ? JSONataPlan(state) : nil
        switch state.kind {
        case .pass(let pass):
            dispatch = .pass
            passResult = pass.result
        case .task: dispatch = .task; passResult = nil
        case .choice: dispatch = .choice; passResult = nil
        case .wait: dispatch = .wait; passResult = nil
        case .succeed: dispatch = .succeed; passResult = nil
        case .fail: dispatch = .fail; passResult = nil
        case .parallel: dispatch = .parallel; passResult = nil
        case .map: dispatch = .map; passResult = nil
        }
        enteredType = .stateEntered(state.typeName)
        exitedType = .stateExited(state.typeName)
        nameValue = .string(state.name)
        enteredDetails = DetailsSkeleton(["input": .null, "inputDetails": HistoryEvent.notTruncated, "name": nameValue], payloadAt: 0)
        exitedDetails = DetailsSkeleton(["name": nameValue, "output": .null, "outputDetails": HistoryEvent.notTruncated], payloadAt: 1)
    }

    // The State's own fields, so that code written against a State reads the same.
    var name: String { state.name }
    var typeName: String { state.typeName }
    var kind: State.Kind { state.kind }
    var transition: Transition { state.transition }
    var queryLanguage: QueryLanguage { state.queryLanguage }
    var retry: [Retrier] { state.retry }
    var `catch`: [Catcher] { state.catch }
    var raw: JSON { state.raw }
}

/// A Choice rule, prepared.
struct ChoicePlan: Sendable {
    let rule: ChoiceRule
    let condition: ConditionPlan
    let assign: TemplatePlan?
    /// Whether testing the rule may read the context object.
    let usesContextObject: Bool
    /// The comparisons `condition` refers to unowned.
    private let comparisons: [PreparedComparison]

    init(_ rule: ChoiceRule) {
        self.rule = rule
        var comparisons: [PreparedComparison] = []
        condition = ConditionPlan(rule.condition, keeping: &comparisons)
        self.comparisons = comparisons
        usesContextObject = condition.usesContextObject
        assign = rule.assign.map(TemplatePlan.init)
    }
}

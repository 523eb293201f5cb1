/// A state machine prepared for running: each state with its paths, payload templates and Choice
/// rules parsed once, and its event types spelled once, instead of at every visit.
///
/// Built when an execution is created and shared, immutable, by every copy of it; frames point
/// at their current state's `StatePlan`, so a step reaches it without a name lookup or a copy of
/// the `State`.
final class MachinePlan: Sendable {
    let machine: StateMachine
    private let nodes: [String: StatePlan]

    init(_ machine: StateMachine) {
        self.machine = machine
        var nodes: [String: StatePlan] = [:]
        nodes.reserveCapacity(machine.states.count)
        for (name, state) in machine.states { nodes[name] = StatePlan(state) }
        self.nodes = nodes
    }

    /// The state called `name`; nil when the (unvalidated) definition has none.
    subscript(name: String) -> StatePlan? { nodes[name] }
}

/// One state, prepared (see `MachinePlan`).
final class StatePlan: Sendable {
    let state: State
    let inputPath: PathPlan
    let outputPath: PathPlan
    let resultPath: ResultPathPlan
    let parameters: TemplatePlan?
    let resultSelector: TemplatePlan?
    let assign: TemplatePlan?
    /// Map's ItemSelector (or legacy Parameters).
    let itemSelector: TemplatePlan?
    /// Choice's rules, in order.
    let choices: [ChoicePlan]
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

    init(_ state: State) {
        self.state = state
        inputPath = PathPlan(state.inputPath)
        outputPath = PathPlan(state.outputPath)
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
            children = parallel.branches.map(MachinePlan.init)
            itemSelector = nil
        case .map(let map):
            choices = []
            children = [MachinePlan(map.processor)]
            itemSelector = map.itemSelector.map(TemplatePlan.init)
        default:
            choices = []
            children = []
            itemSelector = nil
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

    init(_ rule: ChoiceRule) {
        self.rule = rule
        condition = ConditionPlan(rule.condition)
        assign = rule.assign.map(TemplatePlan.init)
    }
}

import StatesLanguage

// Small builders so tests can write a machine as a list of states; the real loader lives in
// another module and is not a dependency of the layout.

func machine(_ startAt: String, _ states: [State]) -> StateMachine {
    var dict = OrderedDictionary<String, State>()
    for s in states { dict[s.name] = s }
    return StateMachine(startAt: startAt, states: dict)
}

private func transition(_ next: String?) -> Transition {
    next.map { .next($0) } ?? .end
}

func task(_ name: String, next: String? = nil, catches: [([String], String)] = [], retry: [[String]] = []) -> State {
    var s = State(name: name, pointer: "/States/\(name)", transition: transition(next),
                  kind: .task(TaskState(resource: "arn:aws:lambda:::function:\(name)")))
    s.catch = catches.enumerated().map { i, c in
        Catcher(errorEquals: c.0, next: c.1, pointer: "/States/\(name)/Catch/\(i)")
    }
    s.retry = retry.enumerated().map { i, r in Retrier(errorEquals: r, pointer: "/States/\(name)/Retry/\(i)") }
    return s
}

func pass(_ name: String, next: String? = nil) -> State {
    State(name: name, pointer: "/States/\(name)", transition: transition(next), kind: .pass(PassState()))
}

func wait(_ name: String, next: String? = nil) -> State {
    State(name: name, pointer: "/States/\(name)", transition: transition(next),
          kind: .wait(WaitState(duration: .seconds(.literal(5)))))
}

func succeed(_ name: String) -> State {
    State(name: name, pointer: "/States/\(name)", transition: .none, kind: .succeed)
}

func fail(_ name: String) -> State {
    State(name: name, pointer: "/States/\(name)", transition: .none, kind: .fail(FailState()))
}

func choice(_ name: String, _ rules: [(ChoiceCondition, String)], default defaultNext: String? = nil) -> State {
    let choices = rules.enumerated().map { i, r in
        ChoiceRule(condition: r.0, next: r.1, pointer: "/States/\(name)/Choices/\(i)")
    }
    return State(name: name, pointer: "/States/\(name)", transition: .none,
                 kind: .choice(ChoiceState(choices: choices, defaultNext: defaultNext)))
}

func parallel(_ name: String, next: String? = nil, branches: [StateMachine]) -> State {
    State(name: name, pointer: "/States/\(name)", transition: transition(next),
          kind: .parallel(ParallelState(branches: branches)))
}

func map(_ name: String, next: String? = nil, processor: StateMachine) -> State {
    State(name: name, pointer: "/States/\(name)", transition: transition(next),
          kind: .map(MapState(processor: processor)))
}

func compare(_ variable: String, _ op: String, _ operand: JSON) -> ChoiceCondition {
    .comparison(variable: variable, operator: op, operand: operand)
}

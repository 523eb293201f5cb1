import StatesLanguage

/// A test-only JSON → model reader covering just what the layout looks at: types, transitions,
/// Choices, Catch, Retry, Branches and the Map processor. Anything else is ignored.
enum DefinitionReader {
    static func machine(fromText text: String) -> StateMachine? {
        guard let json = try? JSON.parse(text) else { return nil }
        return machine(json, pointer: "")
    }

    static func machine(_ json: JSON, pointer: String) -> StateMachine? {
        guard let states = json["States"]?.objectValue else { return nil }
        var dict = OrderedDictionary<String, State>()
        for (name, body) in states {
            dict[name] = state(name: name, body, pointer: "\(pointer)/States/\(name)")
        }
        let startAt = json["StartAt"]?.stringValue ?? ""
        return StateMachine(startAt: startAt, states: dict, pointer: pointer)
    }

    private static func state(name: String, _ body: JSON, pointer: String) -> State {
        let type = body["Type"]?.stringValue ?? "Pass"
        var transition: Transition = .none
        if let next = body["Next"]?.stringValue {
            transition = .next(next)
        } else if body["End"]?.boolValue == true {
            transition = .end
        }
        let kind: State.Kind
        switch type {
        case "Task": kind = .task(TaskState(resource: body["Resource"]?.stringValue ?? ""))
        case "Choice":
            let rules = (body["Choices"]?.arrayValue ?? []).enumerated().map { i, rule in
                ChoiceRule(condition: condition(rule), next: rule["Next"]?.stringValue ?? "",
                           pointer: "\(pointer)/Choices/\(i)")
            }
            kind = .choice(ChoiceState(choices: rules, defaultNext: body["Default"]?.stringValue))
        case "Wait": kind = .wait(WaitState(duration: .seconds(.literal(0))))
        case "Succeed": kind = .succeed
        case "Fail": kind = .fail(FailState())
        case "Parallel":
            let branches = (body["Branches"]?.arrayValue ?? []).enumerated().compactMap { i, b in
                machine(b, pointer: "\(pointer)/Branches/\(i)")
            }
            kind = .parallel(ParallelState(branches: branches))
        case "Map":
            let key = body["ItemProcessor"] != nil ? "ItemProcessor" : "Iterator"
            let processor = body[key].flatMap { machine($0, pointer: "\(pointer)/\(key)") }
                ?? StateMachine(startAt: "", states: [:])
            kind = .map(MapState(processor: processor))
        default: kind = .pass(PassState())
        }
        var s = State(name: name, pointer: pointer, transition: transition, kind: kind, raw: body)
        s.retry = (body["Retry"]?.arrayValue ?? []).enumerated().map { i, r in
            Retrier(errorEquals: strings(r["ErrorEquals"]), pointer: "\(pointer)/Retry/\(i)")
        }
        s.catch = (body["Catch"]?.arrayValue ?? []).enumerated().map { i, c in
            Catcher(errorEquals: strings(c["ErrorEquals"]), next: c["Next"]?.stringValue ?? "",
                    pointer: "\(pointer)/Catch/\(i)")
        }
        return s
    }

    private static func strings(_ json: JSON?) -> [String] {
        (json?.arrayValue ?? []).compactMap(\.stringValue)
    }

    private static let logical = ["And", "Or", "Not", "Variable", "Next", "Comment", "Assign", "Output", "Condition"]

    private static func condition(_ rule: JSON) -> ChoiceCondition {
        if let all = rule["And"]?.arrayValue { return .and(all.map(condition)) }
        if let any = rule["Or"]?.arrayValue { return .or(any.map(condition)) }
        if let inner = rule["Not"] { return .not(condition(inner)) }
        if let jsonata = rule["Condition"] { return .jsonata(jsonata) }
        let variable = rule["Variable"]?.stringValue ?? "$"
        for (key, value) in rule.objectValue ?? [:] where !logical.contains(key) {
            return .comparison(variable: variable, operator: key, operand: value)
        }
        return .comparison(variable: variable, operator: "IsPresent", operand: true)
    }
}

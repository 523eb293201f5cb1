import StatesLanguage

/// The JSONata fields of one state, compiled when the machine is prepared.
struct JSONataPlan: Sendable {
    var arguments: JSONataTemplate?
    var output: JSONataTemplate?
    var assign: JSONataTemplate?
    var credentials: JSONataTemplate?
    /// Task's TimeoutSeconds and HeartbeatSeconds, Wait's Seconds or Timestamp, Fail's Error
    /// and Cause, Map's MaxConcurrency and tolerances: by field name.
    var values: [String: JSONataTemplate] = [:]
    // Map
    var items: JSONataTemplate?
    var itemSelector: JSONataTemplate?
    var batchInput: JSONataTemplate?
    // Choice, rule by rule
    var conditions: [JSONataTemplate] = []
    var ruleOutputs: [JSONataTemplate?] = []
    var ruleAssigns: [JSONataTemplate?] = []
    // Catch, catcher by catcher
    var catchOutputs: [JSONataTemplate?] = []
    var catchAssigns: [JSONataTemplate?] = []

    init(_ state: State) {
        arguments = state.arguments.map { JSONataTemplate($0, field: "Arguments") }
        output = state.output.map { JSONataTemplate($0, field: "Output") }
        assign = state.assign.map { JSONataTemplate($0, field: "Assign") }
        catchOutputs = state.catch.map { c in c.output.map { JSONataTemplate($0, field: "Output") } }
        catchAssigns = state.catch.map { c in c.assign.map { JSONataTemplate($0, field: "Assign") } }
        func value(_ source: ValueSource?, _ field: String) {
            guard let source else { return }
            switch source {
            case .jsonata(let text): values[field] = JSONataTemplate(expression: text, field: field)
            case .literal(let v): values[field] = JSONataTemplate(v, field: field)
            case .path: break
            }
        }
        switch state.kind {
        case .task(let task):
            value(task.timeoutSeconds, "TimeoutSeconds")
            value(task.heartbeatSeconds, "HeartbeatSeconds")
            credentials = task.credentials.map { JSONataTemplate($0, field: "Credentials") }
        case .wait(let wait):
            switch wait.duration {
            case .seconds(let s): value(s, "Seconds")
            case .timestamp(let t): value(t, "Timestamp")
            }
        case .fail(let fail):
            value(fail.error, "Error")
            value(fail.cause, "Cause")
        case .map(let map):
            items = map.items.map { JSONataTemplate($0, field: "Items") }
            itemSelector = map.itemSelector.map { JSONataTemplate($0, field: "ItemSelector") }
            batchInput = map.itemBatcher?["BatchInput"].map { JSONataTemplate($0, field: "ItemBatcher/BatchInput") }
            value(map.maxConcurrency, "MaxConcurrency")
            value(map.toleratedFailureCount, "ToleratedFailureCount")
            value(map.toleratedFailurePercentage, "ToleratedFailurePercentage")
        case .choice(let choice):
            for rule in choice.choices {
                if case .jsonata(.string(let text)) = rule.condition {
                    conditions.append(JSONataTemplate(expression: text, field: "Condition"))
                } else if case .jsonata(let literal) = rule.condition {
                    conditions.append(JSONataTemplate(literal, field: "Condition"))
                } else {
                    conditions.append(JSONataTemplate(.bool(false), field: "Condition"))
                }
                ruleOutputs.append(rule.output.map { JSONataTemplate($0, field: "Output") })
                ruleAssigns.append(rule.assign.map { JSONataTemplate($0, field: "Assign") })
            }
        default:
            break
        }
        noteContextReaders()
    }

    /// Whether evaluating any of the state's fields may read `$states.context` (settled once:
    /// every state entered asks).
    private(set) var readsContext = false

    private mutating func noteContextReaders() {
        let all: [JSONataTemplate?] = [arguments, output, assign, credentials, items, itemSelector, batchInput]
            + Array(values.values) + conditions + ruleOutputs + ruleAssigns + catchOutputs + catchAssigns
        readsContext = all.contains { $0?.readsContext == true }
    }
}

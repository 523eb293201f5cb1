/// Where a state machine object sits, which decides the fields it may have.
enum MachineLevel {
    case top
    case branch
    case itemProcessor
    case iterator

    var allowedFields: Set<String> {
        switch self {
        case .top: return ["Comment", "StartAt", "States", "TimeoutSeconds", "Version", "QueryLanguage"]
        case .branch: return ["Comment", "StartAt", "States", "QueryLanguage"]
        case .itemProcessor, .iterator: return ["Comment", "StartAt", "States", "QueryLanguage", "ProcessorConfig"]
        }
    }

    var what: String {
        switch self {
        case .top: return "the state machine"
        case .branch: return "a Parallel branch"
        case .itemProcessor: return "a Map 'ItemProcessor'"
        case .iterator: return "a Map 'Iterator'"
        }
    }
}

extension ModelBuilder {
    /// A whole machine or a nested one; nil when it is not even an object.
    mutating func loadMachine(_ value: JSON, at p: String, inherited: QueryLanguage, level: MachineLevel) -> StateMachine? {
        guard let o = object(value, at: p, what: level == .top ? "a state machine definition" : level.what) else {
            return nil
        }
        checkFields(o, allowed: level.allowedFields, at: p, in: level.what)
        let language = queryLanguage(o, at: p) ?? inherited
        var machine = StateMachine(startAt: string(o, "StartAt", at: p, required: level.what) ?? "",
                                   states: [:], queryLanguage: language, pointer: p)
        machine.comment = string(o, "Comment", at: p)
        if level == .top {
            machine.timeoutSeconds = integer(o, "TimeoutSeconds", at: p, in: 1...99_999_999)
            machine.version = string(o, "Version", at: p)
            if let version = machine.version, version != "1.0" {
                schemaError("'Version' must be \"1.0\", not \"\(version)\"", at: pointer(p, "Version"))
            }
        }
        let statesPointer = pointer(p, "States")
        if let states = require(o, "States", at: p, in: level.what),
           let members = object(states, at: statesPointer, what: "'States'") {
            if members.isEmpty { schemaError("'States' must contain at least one state", at: statesPointer) }
            for (name, stateValue) in members {
                if let state = loadState(name: name, value: stateValue, at: pointer(statesPointer, name), inherited: language) {
                    machine.states[name] = state
                }
            }
        }
        return machine
    }

    mutating func queryLanguage(_ o: JSONObject, at p: String) -> QueryLanguage? {
        guard let text = string(o, "QueryLanguage", at: p) else { return nil }
        if let language = QueryLanguage(rawValue: text) { return language }
        schemaError("'QueryLanguage' must be \"JSONPath\" or \"JSONata\", not \"\(text)\"", at: pointer(p, "QueryLanguage"))
        return nil
    }

    /// One state; nil when it has no usable `Type`.
    mutating func loadState(name: String, value: JSON, at p: String, inherited: QueryLanguage) -> State? {
        guard let o = object(value, at: p, what: "state '\(name)'") else { return nil }
        guard let type = string(o, "Type", at: p, required: "state '\(name)'") else { return nil }
        guard StateFields.typeNames.contains(type) else {
            schemaError("'\(type)' is not a state type; expected one of \(StateFields.typeNames.joined(separator: ", "))",
                        at: pointer(p, "Type"))
            return nil
        }
        let ownLanguage = queryLanguage(o, at: p)
        if ownLanguage == .jsonPath && inherited == .jsonata {
            schemaError("a state cannot use JSONPath when the state machine uses JSONata", at: pointer(p, "QueryLanguage"))
        }
        let language = ownLanguage ?? inherited
        checkStateFields(o, type: type, language: language, at: p)

        var state = State(name: name, pointer: p, queryLanguage: language,
                          transition: loadTransition(o, type: type, name: name, at: p), kind: .succeed, raw: value)
        state.comment = string(o, "Comment", at: p)
        state.inputPath = pathSetting(o, "InputPath", at: p, kind: .input)
        state.outputPath = pathSetting(o, "OutputPath", at: p, kind: .input)
        state.resultPath = pathSetting(o, "ResultPath", at: p, kind: .resultPath)
        // A Map's `Parameters` is its legacy item selector, loaded with the Map.
        if type != "Map" { state.parameters = template(o, "Parameters", at: p, allowsArray: true) }
        state.resultSelector = template(o, "ResultSelector", at: p)
        state.arguments = jsonataValue(o, "Arguments", at: p, objectOrExpression: true)
        state.output = o["Output"]
        state.assign = assignment(o, at: p)
        if let retry = array(o, "Retry", at: p) { state.retry = loadRetriers(retry, at: pointer(p, "Retry")) }
        if let catchers = array(o, "Catch", at: p) { state.catch = loadCatchers(catchers, at: pointer(p, "Catch")) }
        state.kind = loadKind(type, o, name: name, language: language, at: p)
        return state
    }

    mutating func checkStateFields(_ o: JSONObject, type: String, language: QueryLanguage, at p: String) {
        let allowed = StateFields.allowed(for: type)
        for key in o.keys {
            if !allowed.contains(key) {
                schemaError("'\(key)' is not a field of a \(type) state", at: pointer(p, key))
            } else if language == .jsonata, StateFields.jsonPathOnly.contains(key) {
                schemaError("'\(key)' is a JSONPath field, but this state uses JSONata\(StateFields.hint(for: key, in: .jsonata))",
                            at: pointer(p, key))
            } else if language == .jsonPath, StateFields.jsonataOnly.contains(key) {
                schemaError("'\(key)' is a JSONata field, but this state uses JSONPath\(StateFields.hint(for: key, in: .jsonPath))",
                            at: pointer(p, key))
            }
        }
    }

    mutating func loadTransition(_ o: JSONObject, type: String, name: String, at p: String) -> Transition {
        if StateFields.isTerminalOrChoice(type) { return .none }
        let next = string(o, "Next", at: p)
        let end = bool(o, "End", at: p)
        if next != nil && end == true {
            schemaError("a state cannot have both 'Next' and 'End'", at: pointer(p, "End"))
        }
        if end == false && next == nil {
            sink.error(.missingEndState, "'End' must be true when there is no 'Next'", at: pointer(p, "End"))
        } else if next == nil && o["Next"] == nil && o["End"] == nil {
            sink.error(.missingEndState, "state '\(name)' has neither 'Next' nor 'End: true'", at: p)
        }
        if let next { return .next(next) }
        return .end
    }

    /// A payload template (`Parameters`, `ResultSelector`): an object of fields, or for
    /// `Parameters` also an array of them (AWS accepts that and deployed definitions use it).
    mutating func template(_ o: JSONObject, _ key: String, at p: String, allowsArray: Bool = false) -> JSON? {
        guard let value = o[key] else { return nil }
        switch value {
        case .object: return value
        case .array where allowsArray: return value
        default:
            schemaError("'\(key)' must be an object, not \(article(value))", at: pointer(p, key))
            return nil
        }
    }

    /// A JSONata-mode field that is an object of values or one `{% %}` expression.
    mutating func jsonataValue(_ o: JSONObject, _ key: String, at p: String, objectOrExpression: Bool) -> JSON? {
        guard let value = o[key] else { return nil }
        switch value {
        case .object: return value
        case .string where jsonataExpression(value) != nil: return value
        default:
            schemaError("'\(key)' must be an object or a {% %} expression, not \(article(value))", at: pointer(p, key))
            return nil
        }
    }
}

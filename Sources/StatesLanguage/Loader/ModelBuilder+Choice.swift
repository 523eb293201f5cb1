/// The comparison operators of Choice rules and the operand each one takes.
enum ChoiceOperators {
    enum Operand { case string, number, boolean, timestamp, path }

    static let all: [String: Operand] = {
        var table: [String: Operand] = [:]
        let families: [(String, Operand, [String])] = [
            ("String", .string, ["Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals"]),
            ("Numeric", .number, ["Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals"]),
            ("Boolean", .boolean, ["Equals"]),
            ("Timestamp", .timestamp, ["Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals"]),
        ]
        for (prefix, operand, names) in families {
            for name in names {
                table[prefix + name] = operand
                table[prefix + name + "Path"] = .path
            }
        }
        table["StringMatches"] = .string
        for test in ["IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp"] { table[test] = .boolean }
        return table
    }()
}

extension ModelBuilder {
    mutating func loadChoice(_ o: JSONObject, name: String, language: QueryLanguage, at p: String) -> ChoiceState {
        var choice = ChoiceState(choices: [], defaultNext: string(o, "Default", at: p))
        guard let rules = array(o, "Choices", at: p, required: "Choice state '\(name)'") else { return choice }
        let cp = pointer(p, "Choices")
        if rules.isEmpty { schemaError("'Choices' must contain at least one rule", at: cp) }
        for (i, rule) in rules.enumerated() {
            let rp = pointer(cp, i)
            guard let r = object(rule, at: rp, what: "a choice rule") else { continue }
            let extra: Set<String> = ["Next", "Comment", "Assign", "Output"]
            let condition = loadCondition(r, at: rp, language: language, extraFields: extra, topLevel: true)
            var loaded = ChoiceRule(condition: condition ?? .jsonata(.bool(false)),
                                    next: string(r, "Next", at: rp, required: "a choice rule") ?? "", pointer: rp)
            loaded.comment = string(r, "Comment", at: rp)
            loaded.assign = assignment(r, at: rp)
            loaded.output = r["Output"]
            if language == .jsonPath, r["Output"] != nil {
                schemaError("'Output' is a JSONata field, but this state uses JSONPath\(StateFields.hint(for: "Output", in: .jsonPath))",
                            at: pointer(rp, "Output"))
            }
            choice.choices.append(loaded)
        }
        return choice
    }

    /// One condition: a comparison, `And`/`Or`/`Not`, or a JSONata `Condition`.
    mutating func loadCondition(_ r: JSONObject, at p: String, language: QueryLanguage,
                                extraFields: Set<String>, topLevel: Bool) -> ChoiceCondition? {
        if language == .jsonata {
            checkFields(r, allowed: extraFields.union(["Condition"]), at: p, in: "a JSONata choice rule")
            guard let condition = require(r, "Condition", at: p, in: "a JSONata choice rule") else { return nil }
            if case .bool = condition { return .jsonata(condition) }
            if let expression = jsonataExpression(condition) { return .jsonata(.string(expression)) }
            schemaError("'Condition' must be a {% %} expression or a boolean, not \(article(condition))", at: pointer(p, "Condition"))
            return nil
        }

        let connectives = ["And", "Or", "Not"].filter { r[$0] != nil }
        let operators = r.keys.filter { ChoiceOperators.all[$0] != nil }
        var allowed = extraFields.union(connectives).union(operators)
        if !operators.isEmpty { allowed.insert("Variable") }
        if r["Condition"] != nil {
            schemaError("'Condition' is a JSONata field, but this state uses JSONPath\(StateFields.hint(for: "Condition", in: .jsonPath))",
                        at: pointer(p, "Condition"))
            allowed.insert("Condition")
        }
        checkFields(r, allowed: allowed.union(["Variable"]), at: p, in: topLevel ? "a choice rule" : "a nested choice rule")

        let found = connectives + operators
        guard found.count == 1, let key = found.first else {
            if found.isEmpty {
                // A JSONata `Condition` was already reported as being in the wrong language.
                if r["Condition"] != nil { return nil }
                schemaError("a choice rule needs one comparison operator (such as 'StringEquals') or 'And', 'Or', 'Not'", at: p)
            } else {
                schemaError("a choice rule takes exactly one operator, not \(found.map { "'\($0)'" }.joined(separator: " and "))",
                            at: pointer(p, found[1]))
            }
            return nil
        }
        if !connectives.isEmpty, r["Variable"] != nil {
            schemaError("'Variable' is not a field of an '\(key)' rule", at: pointer(p, "Variable"))
        }
        switch key {
        case "And", "Or":
            guard let parts = array(r, key, at: p) else { return nil }
            if parts.isEmpty { schemaError("'\(key)' must contain at least one rule", at: pointer(p, key)) }
            var conditions: [ChoiceCondition] = []
            for (i, part) in parts.enumerated() {
                let pp = pointer(pointer(p, key), i)
                guard let o = object(part, at: pp, what: "a nested choice rule") else { continue }
                if let c = loadCondition(o, at: pp, language: language, extraFields: ["Comment"], topLevel: false) { conditions.append(c) }
            }
            return key == "And" ? .and(conditions) : .or(conditions)
        case "Not":
            guard let o = object(r["Not"] ?? .null, at: pointer(p, "Not"), what: "'Not'") else { return nil }
            return loadCondition(o, at: pointer(p, "Not"), language: language, extraFields: ["Comment"], topLevel: false).map { .not($0) }
        default:
            return loadComparison(r, operator: key, at: p)
        }
    }

    mutating func loadComparison(_ r: JSONObject, operator key: String, at p: String) -> ChoiceCondition? {
        let variable = string(r, "Variable", at: p, required: "a comparison")
        if let variable { checkPath(variable, kind: .value, field: "Variable", at: pointer(p, "Variable")) }
        var operand = r[key] ?? .null
        let op = pointer(p, key)
        switch ChoiceOperators.all[key] ?? .string {
        case .string:
            if operand.stringValue == nil { schemaError("'\(key)' must be a string, not \(article(operand))", at: op) }
        case .number:
            if standsIn(operand, for: key, at: op, as: "0") {
                operand = 0
            } else if operand.numberValue == nil {
                schemaError("'\(key)' must be a number, not \(article(operand))", at: op)
            }
        case .boolean:
            if standsIn(operand, for: key, at: op, as: "true") {
                operand = true
            } else if operand.boolValue == nil {
                schemaError("'\(key)' must be a boolean, not \(article(operand))", at: op)
            }
        case .timestamp:
            if let text = operand.stringValue {
                if Timestamp(text) == nil { schemaError("'\(key)' must be an RFC 3339 timestamp, not \"\(text)\"", at: op) }
            } else {
                schemaError("'\(key)' must be a timestamp string, not \(article(operand))", at: op)
            }
        case .path:
            if let text = operand.stringValue {
                checkPath(text, kind: .value, field: key, at: op)
            } else {
                schemaError("'\(key)' must be a path string, not \(article(operand))", at: op)
            }
        }
        guard let variable else { return nil }
        return .comparison(variable: variable, operator: key, operand: operand)
    }
}

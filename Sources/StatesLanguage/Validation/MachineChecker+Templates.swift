extension MachineChecker {
    /// Payload templates in JSONPath states: a `.$` key needs a path or intrinsic function, and a
    /// plain key whose value looks like a path probably lost its `.$`.
    mutating func checkTemplates(_ state: State) {
        guard state.queryLanguage == .jsonPath else { return }
        var templates = ["/Parameters", "/ResultSelector", "/Assign"].map { state.pointer + $0 }
        switch state.kind {
        case .map:
            templates += ["/ItemSelector", "/ItemReader/Parameters", "/ResultWriter/Parameters"].map { state.pointer + $0 }
        case .task:
            templates.append(state.pointer + "/Credentials")
        case .choice(let choice):
            templates += choice.choices.map { $0.pointer + "/Assign" }
        default:
            break
        }
        templates += state.catch.map { $0.pointer + "/Assign" }
        for p in templates {
            if let value = node(at: p) { checkTemplate(value, at: p) }
        }
    }

    mutating func checkTemplate(_ value: JSON, at p: String) {
        switch value {
        case .object(let members):
            for (key, member) in members {
                let mp = pointer(p, key)
                if key.hasSuffix(".$") {
                    checkDynamicValue(member, key: key, at: mp)
                } else if case .string(let text) = member, looksLikePath(text) {
                    sink.warning(.noDollar, "'\(key)' holds the text \"\(text)\", which looks like a path; "
                                 + "name the field '\(key).$' to use the value it selects", at: mp)
                } else {
                    checkTemplate(member, at: mp)
                }
            }
        case .array(let elements):
            for (i, element) in elements.enumerated() { checkTemplate(element, at: pointer(p, i)) }
        default:
            break
        }
    }

    mutating func checkDynamicValue(_ value: JSON, key: String, at p: String) {
        guard case .string(let text) = value else {
            sink.error(.noDollar, "'\(key)' must be a path or an intrinsic function call, not \(article(value)); "
                       + "drop the '.$' to use a literal value", at: p)
            return
        }
        if text.hasPrefix("$") {
            sink.checkPath(text, kind: .value, field: key, at: p)
        } else if text.hasPrefix("States.") {
            if let problem = PathSyntax.intrinsicProblem(in: text) {
                sink.error(.invalidPath, "'\(key)' is not a valid intrinsic function call: \(problem)", at: p)
            }
        } else {
            sink.error(.noDollar, "'\(key)' must be a path or an intrinsic function call, not the text \"\(text)\"; "
                       + "drop the '.$' to use a literal value", at: p)
        }
    }

    /// `$.x`, `$$.Execution`, `$[0]`: text a person meant as a path rather than a literal.
    func looksLikePath(_ text: String) -> Bool {
        (text.hasPrefix("$.") || text.hasPrefix("$$.") || text.hasPrefix("$[")) && !text.contains(" ")
    }
}

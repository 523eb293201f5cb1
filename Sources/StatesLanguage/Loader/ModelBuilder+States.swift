extension ModelBuilder {
    mutating func loadKind(_ type: String, _ o: JSONObject, name: String, language: QueryLanguage, at p: String) -> State.Kind {
        switch type {
        case "Pass": return .pass(PassState(result: o["Result"]))
        case "Task": return .task(loadTask(o, name: name, language: language, at: p))
        case "Choice": return .choice(loadChoice(o, name: name, language: language, at: p))
        case "Wait": return .wait(loadWait(o, name: name, language: language, at: p))
        case "Fail": return .fail(loadFail(o, language: language, at: p))
        case "Parallel": return .parallel(loadParallel(o, name: name, language: language, at: p))
        case "Map": return .map(loadMap(o, name: name, language: language, at: p))
        default: return .succeed
        }
    }

    mutating func loadTask(_ o: JSONObject, name: String, language: QueryLanguage, at p: String) -> TaskState {
        // Templates (SAM, Serverless) put CloudFormation intrinsics here; say so instead of just "object".
        var task = TaskState(resource: "")
        if let key = o["Resource"].flatMap(IntrinsicStandIns.function(of:)) {
            schemaError("'Resource' must be an ARN string, not the CloudFormation intrinsic '\(key)'; "
                        + "deploy the template or substitute its value first", at: pointer(p, "Resource"))
        } else {
            task.resource = string(o, "Resource", at: p, required: "Task state '\(name)'") ?? ""
        }
        let seconds: (JSON, String) -> String? = { [self] value, key in integerProblem(value, key: key, in: 1...99_999_999) }
        task.timeoutSeconds = valueSource(o, "TimeoutSeconds", at: p, language: language, check: seconds)
        task.heartbeatSeconds = valueSource(o, "HeartbeatSeconds", at: p, language: language, check: seconds)
        if case .literal(let timeout)? = task.timeoutSeconds, case .literal(let heartbeat)? = task.heartbeatSeconds,
           let t = timeout.intValue, let h = heartbeat.intValue, h >= t {
            schemaError("'HeartbeatSeconds' (\(h)) must be smaller than 'TimeoutSeconds' (\(t))", at: pointer(p, "HeartbeatSeconds"))
        }
        if let credentials = o["Credentials"] {
            if case .object = credentials { task.credentials = credentials } else if jsonataExpression(credentials) != nil {
                task.credentials = credentials
            } else {
                schemaError("'Credentials' must be an object, not \(article(credentials))", at: pointer(p, "Credentials"))
            }
        }
        return task
    }

    /// A field written as a literal (`Seconds`), its path twin (`SecondsPath`) or a JSONata
    /// expression; `check` returns what is wrong with a literal.
    mutating func valueSource(_ o: JSONObject, _ key: String, at p: String, language: QueryLanguage, allowsIntrinsic: Bool = false,
                              check: (JSON, String) -> String?) -> ValueSource? {
        let pathKey = key + "Path"
        if o[key] != nil && o[pathKey] != nil {
            schemaError("'\(key)' and '\(pathKey)' cannot both be set", at: pointer(p, pathKey))
        }
        if let value = o[key] {
            if let expression = jsonataExpression(value) {
                if language == .jsonata { return .jsonata(expression) }
                valueError("'\(key)' is a JSONata expression, but this state uses JSONPath", at: pointer(p, key))
                return nil
            }
            if let problem = check(value, key) {
                if standsIn(value, for: key, at: pointer(p, key)) { return nil }
                valueError(language == .jsonata ? problem + " or a {% %} expression" : problem, at: pointer(p, key))
                return nil
            }
            return .literal(value)
        }
        if let value = o[pathKey] {
            guard case .string(let path) = value else {
                valueError("'\(pathKey)' must be a path string, not \(article(value))", at: pointer(p, pathKey))
                return nil
            }
            if allowsIntrinsic, path.hasPrefix("States.") {
                if let problem = PathSyntax.intrinsicProblem(in: path) {
                    sink.error(.invalidPath, "'\(pathKey)' is not a valid intrinsic function call: \(problem)", at: pointer(p, pathKey))
                }
            } else {
                checkPath(path, kind: .reference, field: pathKey, at: pointer(p, pathKey))
            }
            return .path(path)
        }
        return nil
    }

    mutating func loadWait(_ o: JSONObject, name: String, language: QueryLanguage, at p: String) -> WaitState {
        let present = ["Seconds", "SecondsPath", "Timestamp", "TimestampPath"].filter { o[$0] != nil }
        if present.isEmpty {
            valueError("Wait state '\(name)' needs one of 'Seconds', 'SecondsPath', 'Timestamp' or 'TimestampPath'", at: p)
        } else if present.count > 1 {
            valueError("a Wait state takes exactly one of 'Seconds', 'SecondsPath', 'Timestamp' or 'TimestampPath', "
                        + "not \(present.map { "'\($0)'" }.joined(separator: " and "))", at: pointer(p, present[1]))
        }
        let seconds = valueSource(o, "Seconds", at: p, language: language) { [self] value, key in
            integerProblem(value, key: key, in: 0...99_999_999)
        }
        if let seconds { return WaitState(duration: .seconds(seconds)) }
        let timestamp = valueSource(o, "Timestamp", at: p, language: language) { value, key in
            guard case .string(let text) = value else { return "'\(key)' must be a timestamp string, not \(article(value))" }
            return Timestamp(text) != nil ? nil : "'\(key)' must be an RFC 3339 timestamp such as \"2026-01-31T09:30:00Z\", not \"\(text)\""
        }
        if let timestamp { return WaitState(duration: .timestamp(timestamp)) }
        return WaitState(duration: .seconds(.literal(0)))
    }

    mutating func loadFail(_ o: JSONObject, language: QueryLanguage, at p: String) -> FailState {
        let text: (JSON, String) -> String? = { value, key in
            value.stringValue == nil ? "'\(key)' must be a string, not \(article(value))" : nil
        }
        // ErrorPath and CausePath may also be intrinsic function calls.
        return FailState(error: valueSource(o, "Error", at: p, language: language, allowsIntrinsic: true, check: text),
                         cause: valueSource(o, "Cause", at: p, language: language, allowsIntrinsic: true, check: text))
    }

    mutating func loadParallel(_ o: JSONObject, name: String, language: QueryLanguage, at p: String) -> ParallelState {
        guard let branches = array(o, "Branches", at: p, required: "Parallel state '\(name)'") else { return ParallelState(branches: []) }
        if branches.isEmpty { schemaError("'Branches' must contain at least one branch", at: pointer(p, "Branches")) }
        var machines: [StateMachine] = []
        for (i, branch) in branches.enumerated() {
            if let machine = loadMachine(branch, at: pointer(pointer(p, "Branches"), i), inherited: language, level: .branch) {
                machines.append(machine)
            }
        }
        return ParallelState(branches: machines)
    }
}

/// Saving a session to a file and loading it back.
extension DebugSession {
    /// The session as a file: needs the setup's definition path.
    public func saved() throws(SessionError) -> SessionFile {
        guard let path = setup.definitionPath else {
            throw .notAtPause("this session was not loaded from a definition file, so it cannot be saved")
        }
        var file = SessionFile(definitionPath: path, input: setup.input, seed: setup.seed, position: cursor)
        file.mockConfigPath = setup.mockConfigPath
        file.testCase = setup.testCase
        file.stateMachineName = setup.stateMachineName
        file.type = setup.options.type
        file.injections = injections.map(\.spec)
        file.breakpoints = breakpoints.map { ($0.spec, $0.enabled) }
        file.taskResults = recordedTaskResults()
        return file
    }

    /// Rebuilds a session from a file and the definition it names (loaded by the caller), with
    /// task results from `taskSource` or else from the results the file recorded.
    public static func restore(_ file: SessionFile, definition: StateMachine, taskSource: (any TaskSource)? = nil) throws(SessionError) -> DebugSession {
        let recorded = file.taskResults
        let source = taskSource ?? ClosureTaskSource { request in
            guard let hit = recorded.first(where: { $0.state == request.stateName && $0.attempt == request.attempt }) else { return nil }
            if let thrown = hit.response["Throw"] {
                return .failed(ExecutionError(thrown["Error"]?.stringValue ?? "", cause: thrown["Cause"]?.stringValue ?? ""))
            }
            return .succeeded(hit.response["Return"] ?? .null)
        }
        var setup = SessionSetup(definition: definition, input: file.input, seed: file.seed, taskSource: source,
                                 definitionPath: file.definitionPath, mockConfigPath: file.mockConfigPath,
                                 testCase: file.testCase, stateMachineName: file.stateMachineName)
        setup.options.type = file.type
        var session = DebugSession(setup)
        for spec in file.injections { try session.arm(spec) }
        for (spec, enabled) in file.breakpoints {
            let bp = try session.addBreakpoint(spec)
            if !enabled { try session.setBreakpoint(bp.id, enabled: false) }
        }
        if file.position > 0 { _ = try? session.jump(toEvent: file.position) }
        return session
    }

    /// Each task attempt's outcome in the recorded history, as mock-style responses.
    func recordedTaskResults() -> [SessionFile.TaskResult] {
        var out: [SessionFile.TaskResult] = []
        let log = history
        for position in stride(from: 1, through: log.count, by: 1) {
            let e = log[position - 1]
            let t = e.type.rawValue
            guard t.hasPrefix("LambdaFunction") || t.hasPrefix("Activity") || (t.hasPrefix("Task") && !t.hasPrefix("TaskState")) else { continue }
            let response: JSON
            if t.hasSuffix("Succeeded") {
                response = ["Return": e.details?["output"] ?? .null]
            } else if t.hasSuffix("Failed") || t.hasSuffix("TimedOut") {
                response = ["Throw": ["Error": e.details?["error"] ?? "", "Cause": e.details?["cause"] ?? ""]]
            } else {
                continue
            }
            guard let visit = visit(at: position) else { continue }
            out.append(SessionFile.TaskResult(state: visit.stateName, attempt: max(0, visit.attempts - 1), response: response))
        }
        return out
    }
}

extension DebugSession {
    /// Opens a saved session: loads the definition it names and, when it names one and it can be
    /// read, its mock configuration; otherwise the task results recorded in the file answer.
    public static func open(_ path: String) throws(SessionError) -> DebugSession {
        let file = try SessionFile.read(path)
        let definition: NamedDefinition
        do {
            // The path may name one state machine of a template (`template.yaml#Order`).
            definition = try DefinitionLoader.load(reference: file.definitionPath, validate: false)
        } catch {
            throw .sessionFile(path: path, "its definition cannot be read: \(error.description)")
        }
        let loaded = definition.loaded
        guard let machine = loaded.machine else {
            let first = loaded.errors.first.map { $0.formatted(fileName: definition.sourceFile) } ?? ""
            throw .sessionFile(path: path, "its definition \(file.definitionPath) no longer loads: \(first)")
        }
        var source: (any TaskSource)?
        if let mock = file.mockConfigPath, let testCase = file.testCase, let mockBytes = try? DefinitionFile.read(mock) {
            do {
                let json = try JSONParser().parse(mockBytes)
                source = try MockConfiguration(json: json).source(stateMachine: file.stateMachineName, testCase: testCase)
            } catch {
                throw .sessionFile(path: path, "its mock configuration \(mock) cannot be used: \(error)")
            }
        }
        return try restore(file, definition: machine, taskSource: source)
    }
}

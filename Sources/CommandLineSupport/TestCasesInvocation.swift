import StatesEngine

/// The logic of `asldb test`: every test case of a mock configuration, headless, each checked
/// against its sidecar expectation; free of process I/O so tests can drive it directly.
struct TestCasesInvocation {
    var mockConfig: String
    var definition: String
    var stateMachines: [String] = []
    var handlers: [String] = []
    /// Where `<TestCase>.input.json` and `<TestCase>.expected.json` live (default: next to the mock configuration).
    var expectedDirectory: String?
    var handlerTimeout: Int64 = 60
    var type = StateMachineType.standard
    var read: ReplayFiles.Reader = { path throws(DefinitionReadError) in try DefinitionFile.read(path) }

    /// The outcome plus the results, for `--junit`.
    func run() -> (outcome: RunInvocation.Outcome, results: [TestCaseRunner.Result], suite: String) {
        do {
            return try execute()
        } catch {
            return (RunInvocation.Outcome(errors: [error.message], exitCode: error.exitCode), [], "")
        }
    }

    func execute() throws(CommandFailure) -> (outcome: RunInvocation.Outcome, results: [TestCaseRunner.Result], suite: String) {
        let files = ReplayFiles(command: "test", read: read)
        let json = try files.readJSON(mockConfig, what: "mock configuration")
        let configuration: MockConfiguration
        do {
            configuration = try MockConfiguration(json: json)
        } catch {
            throw CommandFailure("\(ReplayFiles.displayName(mockConfig)): error: \(error.message)")
        }
        let machine = try files.loadDefinition(definition)
        let (chosen, children) = try files.stateMachines(stateMachines)
        let names = configuration.stateMachineNames
        guard let machineName = chosen ?? (names.count == 1 ? names[0] : nil) else {
            throw CommandFailure("asldb test: \(ReplayFiles.displayName(mockConfig)) defines several state machines (\(names.joined(separator: ", "))); choose one with --state-machine NAME")
        }
        let caseNames = json["StateMachines"]?[machineName]?["TestCases"]?.objectValue.map { Array($0.keys) } ?? []
        guard !caseNames.isEmpty else {
            throw CommandFailure("asldb test: state machine \"\(machineName)\" has no test cases in \(ReplayFiles.displayName(mockConfig)) (it has: \(names.joined(separator: ", ")))")
        }
        var options = ExecutionOptions()
        options.stateMachineName = machineName
        options.type = type
        // A test compares outputs and events, never a visit's stages.
        options.recordsStages = false
        let runner = TestCaseRunner(definition: machine, configuration: configuration, stateMachine: machineName,
                                    sources: ReplayFiles.localSources(handlers: try files.handlers(handlers), children: children, options: options,
                                                                                           handlerTimeout: handlerTimeout),
                                    options: options)
        let directory = expectedDirectory ?? Self.directory(of: mockConfig)
        var lines: [String] = []
        var results: [TestCaseRunner.Result] = []
        for name in caseNames {
            let input = try sidecar(directory, name, "input", files) ?? .object([:])
            let expected = try sidecar(directory, name, "expected", files)
            let result = runner.run(TestCaseRunner.Case(name: name, input: input, expected: expected))
            results.append(result)
            lines.append(Self.line(result, checked: expected != nil))
        }
        let failed = results.filter { $0.verdict != .passed }.count
        lines.append("\(results.count - failed) passed, \(failed) failed")
        let outcome = RunInvocation.Outcome(output: lines.joined(separator: "\n"), exitCode: failed == 0 ? ExitStatus.ok : ExitStatus.failed)
        return (outcome, results, machineName)
    }

    /// `DIR/NAME.KIND.json`, or nil when there is none.
    private func sidecar(_ directory: String, _ name: String, _ kind: String, _ files: ReplayFiles) throws(CommandFailure) -> JSON? {
        let path = directory + "/" + name + "." + kind + ".json"
        do {
            _ = try read(path)
        } catch .notFound {
            return nil
        } catch {
            throw CommandFailure("asldb test: \(error.description)")
        }
        let what = "\(kind) of test case \"\(name)\""
        return try kind == "input" ? files.readInput(path, what: what) : files.readJSON(path, what: what)
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func line(_ result: TestCaseRunner.Result, checked: Bool) -> String {
        let status = result.status?.rawValue ?? "-"
        switch result.verdict {
        case .passed: return "PASS \(result.name) (\(status)\(checked ? "" : ", no expectation to check"))"
        case .failed(let why): return "FAIL \(result.name): \(why)"
        case .error(let why): return "ERROR \(result.name): \(why)"
        }
    }
}

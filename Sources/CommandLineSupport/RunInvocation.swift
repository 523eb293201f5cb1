import StatesEngine

/// The logic of `asldb run`, free of process I/O so tests can drive it directly.
struct RunInvocation {
    enum Format: String, Sendable, CaseIterable {
        case result
        case history
        /// A readable account of every state visit (see `asldb trace`).
        case trace
    }

    /// What the command writes and how it exits.
    struct Outcome: Equatable {
        var output = ""
        var errors: [String] = []
        var exitCode: Int32 = ExitStatus.ok
    }

    var definition: String
    var input: String?
    var mockConfig: String?
    var testCase: String?
    var stateMachine: String?
    var format = Format.result
    var seed: UInt64 = 0
    var type = StateMachineType.standard
    /// `STATE=ERROR[:CAUSE][@ATTEMPTS]` error injections (trace format).
    var inject: [String] = []
    /// Whether the trace may use ANSI colour.
    var color = false
    /// `--state-machine NAME=FILE` child machines and `--handler NAME=COMMAND` local task code.
    var children: [String] = []
    var handlers: [String] = []
    var handlerTimeout: Int64 = 60
    /// Reads a file's bytes (`-` is standard input); injectable for tests.
    var read: (String) throws(DefinitionReadError) -> [UInt8] = { path throws(DefinitionReadError) in try DefinitionFile.read(path) }

    func run() -> Outcome {
        if format == .trace { return runTrace() }
        do {
            let execution = try execute()
            let document = format == .history ? execution.historyJSON : execution.resultJSON
            let code = execution.status == .succeeded ? ExitStatus.ok : ExitStatus.failed
            return Outcome(output: JSONPrinter.pretty(document), exitCode: code)
        } catch {
            return Outcome(errors: [error.message], exitCode: error.exitCode)
        }
    }

    func execute() throws(CommandFailure) -> Execution {
        let machine = try loadDefinition()
        let inputValue = try input.map { path throws(CommandFailure) in try ReplayFiles(command: "run", read: read).readInput(path) } ?? .object([:])
        var options = ExecutionOptions(seed: seed)
        options.type = type
        // The result and the history never show a visit's stages (the trace format runs apart).
        options.recordsStages = false
        if let mockConfig {
            guard let testCase else { throw CommandFailure("asldb run: --mock-config needs --test-case NAME to choose the test case") }
            let source = try mockSource(mockConfig, testCase: testCase)
            options.taskSource = source
            options.stateMachineName = source.stateMachine
        }
        let files = ReplayFiles(command: "run", read: read)
        let local = ReplayFiles.localSources(handlers: try files.handlers(handlers),
                                             children: try files.stateMachines(children).children, options: options,
                                             handlerTimeout: handlerTimeout)
        if !local.isEmpty { options.taskSource = CompositeTaskSource(local + [options.taskSource]) }
        var execution = Execution(definition: machine, input: inputValue, options: options)
        do {
            try execution.run()
        } catch {
            throw CommandFailure("asldb run: \(error.description)")
        }
        return execution
    }

    private func displayName(_ path: String) -> String { path == "-" ? "<stdin>" : path }

    /// The definition, refused as `validate` reports it when it cannot run as written; messages
    /// name `command` (`run`, or `trace` for a trace).
    func loadDefinition(command: String = "run") throws(CommandFailure) -> StateMachine {
        let definition: NamedDefinition
        do {
            definition = try DefinitionLoader.load(reference: self.definition, read: read)
        } catch {
            throw CommandFailure("asldb \(command): \(error.description)")
        }
        return try definition.loaded.runnableMachine(sourceFile: definition.sourceFile,
                                                     refusal: "asldb \(command): \(definition.name) cannot be run; fix the errors above")
    }

    func readJSON(_ path: String, what: String) throws(CommandFailure) -> JSON {
        try ReplayFiles(command: "run", read: read).readJSON(path, what: what)
    }

    func mockSource(_ path: String, testCase: String) throws(CommandFailure) -> MockTaskSource {
        let json = try readJSON(path, what: "mock configuration")
        do {
            return try MockConfiguration(json: json).source(stateMachine: stateMachine, testCase: testCase)
        } catch {
            throw CommandFailure("\(displayName(path)): error: \(error.message)")
        }
    }
}

extension LoadedDefinition {
    /// The machine, unless it did not load or `runBlockers` say it would not run as written: then
    /// the failure lists those errors (all of them when nothing loaded) and ends with `refusal`.
    func runnableMachine(sourceFile: String, refusal: String) throws(CommandFailure) -> StateMachine {
        let blocking = runBlockers
        guard let machine, blocking.isEmpty else {
            let lines = (machine == nil ? errors : blocking).map { $0.formatted(fileName: sourceFile) }
            throw CommandFailure((lines + [refusal]).joined(separator: "\n"))
        }
        return machine
    }
}

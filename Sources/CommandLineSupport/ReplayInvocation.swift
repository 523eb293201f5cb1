import StatesEngine
import StepDebugger

/// The logic of `asldb replay`, free of process I/O so tests can drive it directly.
struct ReplayInvocation {
    enum Format: String, Sendable, CaseIterable {
        case result
        case history
        case trace
    }

    var history: String
    var definition: String
    var format = Format.result
    var handlers: [String] = []
    var stateMachines: [String] = []
    /// Run to the end even after the replay departs from the recording.
    var keepGoing = false
    var exportTest: String?
    var testCase = "Replay"
    var handlerTimeout: Int64 = 60
    var seed: UInt64 = 0
    /// Whether the trace may use ANSI colour.
    var color = false
    var read: ReplayFiles.Reader = { path throws(DefinitionReadError) in try DefinitionFile.read(path) }
    var write: ExportTestWriter = ExportTestWriter()

    func run() -> RunInvocation.Outcome {
        do {
            return try execute()
        } catch {
            return RunInvocation.Outcome(errors: [error.message], exitCode: error.exitCode)
        }
    }

    /// Reads the history and the definition and sets up the local re-execution.
    func prepare() throws(CommandFailure) -> (Replay, RecordedHistory, mockMachine: String?) {
        let files = ReplayFiles(command: "replay", read: read)
        let historyJSON = try files.readJSON(history, what: "execution history")
        let recorded: RecordedHistory
        do {
            recorded = try RecordedHistory(json: historyJSON)
        } catch {
            throw CommandFailure("\(ReplayFiles.displayName(history)): error: \(error.description)")
        }
        let machine = try files.loadDefinition(definition)
        let (mockMachine, children) = try files.stateMachines(stateMachines)
        var options = ExecutionOptions(seed: seed)
        if let mockMachine { options.stateMachineName = mockMachine }
        let sources = ReplayFiles.localSources(handlers: try files.handlers(handlers), children: children, options: options,
                                                  handlerTimeout: handlerTimeout)
        do {
            return (try Replay(definition: machine, recorded: recorded, options: options, sources: sources), recorded, mockMachine)
        } catch {
            throw CommandFailure("\(ReplayFiles.displayName(history)): error: \(error.description)")
        }
    }

    /// A debug session stepping through the replay, and where it departs from the recording.
    func debugSession() throws(CommandFailure) -> (DebugSession, Divergence?, mockMachine: String?) {
        let (replay, _, mockMachine) = try prepare()
        let divergence: Divergence?
        do {
            divergence = try replay.run(stopAtDivergence: true).divergence
        } catch {
            throw CommandFailure("\(ReplayFiles.displayName(history)): error: \(error.description)")
        }
        var setup = SessionSetup(definition: replay.definition, input: replay.recorded.input, seed: seed,
                                 taskSource: replay.options.taskSource, definitionPath: definition)
        setup.options = replay.options
        return (DebugSession(setup), divergence, mockMachine)
    }

    func execute() throws(CommandFailure) -> RunInvocation.Outcome {
        let (replay, recorded, mockMachine) = try prepare()
        let outcome: ReplayOutcome
        do {
            outcome = try replay.run(stopAtDivergence: !keepGoing && format != .trace)
        } catch {
            throw CommandFailure("\(ReplayFiles.displayName(history)): error: \(error.description)")
        }
        let execution = outcome.execution
        var result = RunInvocation.Outcome()
        switch format {
        case .history: result.output = JSONPrinter.pretty(execution.historyJSON)
        case .result: result.output = JSONPrinter.pretty(execution.resultJSON)
        case .trace: result.output = trace(replay)
        }
        if let divergence = outcome.divergence {
            result.errors.append("\(ReplayFiles.displayName(history)): \(divergence.description)")
            if !keepGoing && format != .trace {
                result.errors.append("asldb replay: stopped at the first difference; --keep-going runs on past it")
            }
            result.exitCode = ExitStatus.failed
            return result
        }
        if let exportTest {
            let export = MockExport(history: recorded, stateMachine: mockMachine ?? "M", testCase: testCase)
            do {
                let written = try write.write(export, to: exportTest, testCase: testCase)
                result.errors.append(contentsOf: export.warnings.map { "asldb replay: warning: \($0)" })
                result.errors.append("asldb replay: wrote test case \"\(written.testCase)\": " + written.files.joined(separator: ", "))
            } catch {
                throw CommandFailure("asldb replay: --export-test \(exportTest): \(error.message)")
            }
        }
        result.exitCode = execution.status == .succeeded ? ExitStatus.ok : ExitStatus.failed
        return result
    }

    /// The whole replay as `asldb trace` prints an execution.
    private func trace(_ replay: Replay) -> String {
        var setup = SessionSetup(definition: replay.definition, input: replay.recorded.input, seed: seed,
                                 taskSource: replay.options.taskSource, definitionPath: definition)
        setup.options = replay.options
        var session = DebugSession(setup)
        let title = "replay of " + ReplayFiles.displayName(history)
        return TraceWriter(style: TextStyle(enabled: color)).trace(&session, title: title)
    }
}

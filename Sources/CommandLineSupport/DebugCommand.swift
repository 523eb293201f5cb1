import ArgumentParser
import CursesTerminal
import DebuggerUI

import Glibc

/// `asldb debug DEFINITION ...`: the full-screen debugger.
struct DebugCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debug",
        abstract: "Open the full-screen debugger on a state machine, paused before its first state.",
        discussion: """
            Steps through the execution on asldb's engine and virtual clock: the state graph, the \
            data before and after every transform, the history, variables and the context object. \
            Press ? inside for every key. When the definition's folder holds input.json and \
            mock-config.json, they are used unless --input or --mock-config says otherwise (the \
            test case HappyPath, or the first one, unless --test-case names another). \
            --session FILE loads a saved session when FILE exists; w saves to it. Needs a terminal: \
            without one it exits with 2 and names `asldb run --format trace`, the headless \
            alternative. Exit codes: 0 quit, 2 unusable input or no terminal, 130 Ctrl-C, 143 SIGTERM.
            """)

    @Argument(help: "The definition file: JSON, YAML, TEMPLATE#NAME or describe-state-machine output (optional with --session FILE when FILE exists).")
    var definition: String?

    @Option(help: "The execution input: a JSON file or describe-execution output (default: input.json beside the definition, else {}).")
    var input: String?

    @Option(name: .customLong("mock-config"), help: "A Step Functions Local mock configuration file (default: mock-config.json beside the definition).")
    var mockConfig: String?

    @Option(name: .customLong("test-case"), help: "The test case of the mock configuration to use.")
    var testCase: String?

    @Option(name: .customLong("state-machine"), help: "NAME: the mock configuration's state machine; NAME=FILE: a child state machine for nested executions (repeatable).")
    var stateMachines: [String] = []

    @Option(name: .customLong("handler"), help: "NAME=COMMAND: run COMMAND for the tasks of a state, Lambda function or resource ARN (repeatable).")
    var handlers: [String] = []

    @Option(name: .customLong("handler-timeout"), help: HandlerTimeout.help)
    var handlerTimeout: Int64 = 60

    @Option(name: .customLong("inject"), help: "STATE=ERROR[:CAUSE][@ATTEMPTS]: arm an error injection before starting (repeatable).")
    var inject: [String] = []

    @Option(name: .customLong("break"), help: "A breakpoint to set before starting: enter:S, exit:S, error[:NAME], retry, catch, if:TEST (repeatable).")
    var breakpoints: [String] = []

    @Option(help: "Seed for retry jitter, States.MathRandom, States.UUID and generated names.")
    var seed: UInt64 = 0

    @Option(help: StateMachineType.help)
    var type: StateMachineType = .standard

    @Option(help: "A session file: loaded when it exists, and where w saves.")
    var session: String?

    @Option(name: .customLong("export-dir"), help: "Where x writes the execution as a mock-config test case (default: asldb-tests beside the definition).")
    var exportDirectory: String?

    func validate() throws {
        try HandlerTimeout.validate(handlerTimeout)
        if definition == nil && session == nil { throw ValidationError("give a definition file (or --session FILE to load a saved session)") }
        if definition == "-" { throw ValidationError("the debugger reads keys from the terminal: give the definition as a file, not -") }
        if testCase != nil && mockConfig == nil && definition.map({ Self.besideDefinition($0, "mock-config.json") }) == nil {
            throw ValidationError("--test-case needs --mock-config FILE")
        }
    }

    func run() throws {
        let (app, notes) = try makeApp()
        let code = MainActor.assumeIsolated { DebuggerRunner.run(app, notes: notes) }
        if code != ExitStatus.ok { throw CommandFailure("", exitCode: code) }
    }

    /// The debugger for these arguments, and what was chosen on the user's behalf.
    func makeApp() throws(CommandFailure) -> (DebuggerApp, String?) {
        if let session, access(session, F_OK) == 0 {
            do {
                let loaded = try DebugSession.open(session)
                let title = Self.title(path: loaded.setup.definitionPath ?? session, machine: loaded.setup.definition)
                var app = DebuggerApp(session: loaded, title: title, sessionPath: session)
                app.attachFiles(definition: loaded.setup.definitionPath ?? session, command: "debug",
                                stateMachine: loaded.setup.stateMachineName ?? "M", testCase: "Debug", exportDirectory: exportDirectory)
                return (app, "loaded the session \(session)")
            } catch {
                throw CommandFailure("asldb debug: \(error.description)")
            }
        }
        guard let definition else { throw CommandFailure("asldb debug: \(session ?? "") does not exist; give the definition file to start a new session") }
        var notes: [String] = []
        var inputPath = input
        var mockPath = mockConfig
        var chosenCase = testCase
        if inputPath == nil, let found = Self.besideDefinition(definition, "input.json") {
            inputPath = found
            notes.append("input " + Self.fileName(found))
        }
        if mockPath == nil, let found = Self.besideDefinition(definition, "mock-config.json") {
            mockPath = found
            notes.append("mocks " + Self.fileName(found))
        }
        let machineName = stateMachines.last { !$0.contains("=") }
        if let mockPath, chosenCase == nil {
            let cases = Self.testCases(in: mockPath, stateMachine: machineName)
            guard let pick = cases.contains("HappyPath") ? "HappyPath" : cases.first else {
                throw CommandFailure("asldb debug: \(mockPath) has no test cases; give --test-case NAME or another --mock-config")
            }
            chosenCase = pick
            notes.append("test case \(pick)" + (cases.count > 1 ? " of \(cases.count) (--test-case picks another)" : ""))
        }
        var invocation = RunInvocation(definition: definition, input: inputPath, mockConfig: mockPath, testCase: chosenCase,
                                       stateMachine: machineName, format: .trace, seed: seed, inject: inject)
        invocation.children = stateMachines.filter { $0.contains("=") }
        invocation.handlers = handlers
        invocation.handlerTimeout = handlerTimeout
        invocation.type = type
        let setup: SessionSetup
        let injections: [Injection]
        do {
            (setup, injections) = try invocation.sessionSetup()
        } catch {
            throw CommandFailure(Self.renamed(error.message), exitCode: error.exitCode)
        }
        var debugSession = DebugSession(setup)
        do {
            for injection in injections { try debugSession.arm(injection) }
            for spec in breakpoints { try debugSession.addBreakpoint(spec) }
        } catch {
            throw CommandFailure("asldb debug: \(error.description)")
        }
        var app = DebuggerApp(session: debugSession, title: Self.title(path: definition, machine: setup.definition), sessionPath: session)
        app.attachFiles(definition: definition, command: "debug", stateMachine: machineName ?? "M", testCase: "Debug",
                        exportDirectory: exportDirectory)
        return (app, notes.isEmpty ? nil : "using " + notes.joined(separator: ", "))
    }

    /// `samples/order/order.asl.json · Order Processing Workflow`
    static func title(path: String, machine: StateMachine) -> String {
        fileName(path) + (machine.comment.map { " · " + $0 } ?? "")
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// `name` in the definition's folder, when it exists there.
    static func besideDefinition(_ definition: String, _ name: String) -> String? {
        let candidate = DebugExport.sibling(name, of: definition)
        return access(candidate, R_OK) == 0 ? candidate : nil
    }

    /// The test case names of a mock configuration, in file order (empty when unreadable).
    static func testCases(in path: String, stateMachine: String?) -> [String] {
        guard let bytes = try? DefinitionFile.read(path), let json = try? JSONParser().parse(bytes),
              case .object(let machines)? = json.objectValue?["StateMachines"] else { return [] }
        let machine = stateMachine.flatMap { machines[$0] } ?? (machines.count == 1 ? machines.values.first : nil)
        return machine?.objectValue?["TestCases"]?.objectValue.map { Array($0.keys) } ?? []
    }

    /// Messages from the shared run logic name `asldb run` or `asldb trace`; say `asldb debug`.
    static func renamed(_ message: String) -> String {
        message.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            for prefix in ["asldb run:", "asldb trace:"] where line.hasPrefix(prefix) {
                return "asldb debug:" + line.dropFirst(prefix.count)
            }
            return String(line)
        }.joined(separator: "\n")
    }
}

/// Runs a `DebuggerApp` on the real terminal until the user quits.
@MainActor
enum DebuggerRunner {
    static func run(_ app: DebuggerApp, notes: String?) -> Int32 {
        do {
            return try CursesTerminal.withTerminal { terminal in
                var app = app
                _ = app.update(.resize(terminal.size))
                if let notes { app.note(notes) }
                return runEventLoop(on: terminal, tick: .milliseconds(250), view: { app.view($0) }, update: { event in
                    let action = app.update(event)
                    if let text = app.takeCopiedText() { terminal.copyToClipboard(base64: Base64.encode(Array(text.utf8))) }
                    return action
                })
            }
        } catch let error as CursesTerminalError {
            printError("asldb debug: " + error.description)
            return error.exitCode
        } catch {
            printError("asldb debug: \(error)")
            return ExitStatus.usage
        }
    }
}

import ArgumentParser
import DebuggerUI
import StatesEngine

import Glibc

/// `asldb replay HISTORY --definition DEF ...`
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-execute a recorded AWS execution locally, with task answers taken from its history.",
        discussion: """
            HISTORY is the output of `aws stepfunctions get-execution-history --execution-arn ARN` \
            (all pages, with execution data). The execution input comes from its ExecutionStarted \
            event; every task attempt (retries, Map iterations, Parallel branches, task-token \
            answers) gets the answer the recording holds, unless a --handler or a \
            --state-machine NAME=FILE answers it first. The replay stops at the first event that \
            differs from the recording and shows both sides. Exit codes: 0 replayed and SUCCEEDED, \
            1 replayed and FAILED or TIMED_OUT, or departed from the recording, 2 unusable input \
            (a truncated, paginated or data-less history, or one of another state machine).
            """)

    @Argument(help: "The execution history (get-execution-history output), or - for standard input.")
    var history: String

    @Option(help: "The definition: an ASL file (JSON, YAML, TEMPLATE#NAME), or describe-state-machine output.")
    var definition: String

    @Option(help: "Run headless and print: result, history (like get-execution-history) or trace (like asldb trace; runs to the end and reports a departure after it). Without it the debugger opens on a terminal, and result is printed otherwise.")
    var format: ReplayInvocation.Format?

    @Option(name: .customLong("handler"), help: "NAME=COMMAND: run COMMAND for the tasks of a state, Lambda function or resource ARN (repeatable).")
    var handlers: [String] = []

    @Option(name: .customLong("state-machine"), help: "NAME=FILE: run child executions of state machine NAME from FILE (repeatable).")
    var stateMachines: [String] = []

    @Option(name: .customLong("handler-timeout"), help: HandlerTimeout.help)
    var handlerTimeout: Int64 = 60

    @Flag(name: .customLong("keep-going"), help: "Run to the end even after the replay departs from the recording.")
    var keepGoing = false

    @Option(name: .customLong("export-test"), help: "Write the execution as a mock configuration test case (+ input and expected result) into this directory.")
    var exportTest: String?

    @Option(name: .customLong("test-case"), help: "The test case name for --export-test.")
    var testCase = "Replay"

    func validate() throws {
        try HandlerTimeout.validate(handlerTimeout)
        if history == "-" && definition == "-" {
            throw ValidationError("the history and the definition cannot both come from standard input")
        }
    }

    func run() throws {
        if format == nil && isatty(1) == 1 && isatty(0) == 1 && exportTest == nil { return try runDebugger() }
        let format = self.format ?? .result
        let outcome = ReplayInvocation(history: history, definition: definition, format: format, handlers: handlers,
                                       stateMachines: stateMachines, keepGoing: keepGoing, exportTest: exportTest,
                                       testCase: testCase, handlerTimeout: handlerTimeout,
                                       color: format == .trace && TraceColor.wanted).run()
        // The trace ends with its own newline.
        if !outcome.output.isEmpty { printOutput(outcome.output, terminator: format == .trace ? "" : "\n") }
        if outcome.exitCode != ExitStatus.ok {
            throw CommandFailure(outcome.errors.joined(separator: "\n"), exitCode: outcome.exitCode)
        }
        // Notes (files written, warnings) go to standard error even on success.
        if !outcome.errors.isEmpty { printError(outcome.errors.joined(separator: "\n")) }
    }

    /// Opens the debugger on the replay, stopping where it departs from the recording.
    private func runDebugger() throws {
        let invocation = ReplayInvocation(history: history, definition: definition, handlers: handlers,
                                          stateMachines: stateMachines, handlerTimeout: handlerTimeout)
        let (session, divergence, mockMachine) = try invocation.debugSession()
        let source = DebugCommand.fileName(history)
        var app = DebuggerApp(session: session, title: "replay of \(source) · " + DebugCommand.title(path: definition, machine: session.setup.definition))
        app.replay = DebuggerApp.ReplayContext(source: source, divergence: divergence)
        app.attachFiles(definition: definition, command: "replay", stateMachine: mockMachine ?? "M", testCase: testCase)
        var note = "replaying \(source): task answers come from the recording"
        if let id = divergence?.localEventId { note += " · departs from it at event \(id) (c runs there)" }
        let code = MainActor.assumeIsolated { DebuggerRunner.run(app, notes: note) }
        if code != ExitStatus.ok { throw CommandFailure("", exitCode: code) }
    }
}

extension ReplayInvocation.Format: ExpressibleByArgument {}

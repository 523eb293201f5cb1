import ArgumentParser
import StepDebugger

import Glibc

/// `asldb trace DEFINITION ...`: `asldb run --format trace` under a shorter name.
struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Run a state machine headless and print a readable account of every state visit.",
        discussion: """
            Each state visit shows every data-flow stage (input, afterInputPath, afterParameters, \
            result, afterResultSelector, afterResultPath, output) with the expression that made it \
            and what changed, retries with their computed delay, and catches with the data they \
            produce. Times are virtual. --inject 'STATE=ERROR[:CAUSE][@ATTEMPTS]' makes a Task fail \
            without a mock file: ATTEMPTS is k or j-k (0 is the first try), every attempt when absent. \
            Colour on a terminal; plain when piped or when NO_COLOR is set.
            """)

    @Argument(help: "The definition file (JSON, YAML, TEMPLATE#NAME, or describe-state-machine output), or - for standard input.")
    var definition: String

    @Option(help: "The execution input: a JSON file or describe-execution output, or - for standard input (default: {}).")
    var input: String?

    @Option(name: .customLong("mock-config"), help: "A Step Functions Local mock configuration file.")
    var mockConfig: String?

    @Option(name: .customLong("test-case"), help: "The test case of the mock configuration to use.")
    var testCase: String?

    @Option(name: .customLong("state-machine"), help: "The state machine of the mock configuration (needed when it defines several).")
    var stateMachine: String?

    @Option(name: .customLong("inject"), help: "STATE=ERROR[:CAUSE][@ATTEMPTS]: make a Task state's attempts fail (repeatable).")
    var inject: [String] = []

    @Option(help: "Seed for retry jitter, States.MathRandom, States.UUID and generated names.")
    var seed: UInt64 = 0

    @Option(help: StateMachineType.help)
    var type: StateMachineType = .standard

    func validate() throws {
        if definition == "-" && input == "-" {
            throw ValidationError("the definition and the input cannot both come from standard input")
        }
        if (mockConfig == nil) != (testCase == nil) {
            throw ValidationError("--mock-config FILE and --test-case NAME go together")
        }
    }

    func run() throws {
        var invocation = RunInvocation(definition: definition, input: input, mockConfig: mockConfig, testCase: testCase,
                                       stateMachine: stateMachine, format: .trace, seed: seed, inject: inject,
                                       color: TraceColor.wanted)
        invocation.type = type
        try TraceColor.finish(invocation.run())
    }
}

/// Whether to colour the trace, and how to hand an outcome back to the root command.
enum TraceColor {
    /// Colour only on a terminal, and never with NO_COLOR set (any value).
    static var wanted: Bool { isatty(1) == 1 && getenv("NO_COLOR") == nil }

    static func finish(_ outcome: RunInvocation.Outcome) throws {
        // A coloured trace carries its own escape sequences; the trace writer escapes every piece
        // of data in it (`TextStyle.visible`), so only a plain one is escaped again as a whole.
        if !outcome.output.isEmpty { printOutput(outcome.output, terminator: "", raw: wanted) }
        if outcome.exitCode != ExitStatus.ok {
            throw CommandFailure(outcome.errors.joined(separator: "\n"), exitCode: outcome.exitCode)
        }
    }
}

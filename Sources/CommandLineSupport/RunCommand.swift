import ArgumentParser
import StatesEngine

/// `asldb run DEFINITION ...`
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a state machine headless and print its result or its execution history.",
        discussion: """
            Task states get their results from a Step Functions Local mock configuration \
            (--mock-config FILE --test-case NAME). Wait states, retry back-off and timeouts use a \
            virtual clock, so they finish at once. Exit codes: 0 SUCCEEDED, 1 FAILED or TIMED_OUT, \
            2 unusable input.
            """)

    @Argument(help: "The definition file (JSON, YAML, TEMPLATE#NAME, or describe-state-machine output), or - for standard input.")
    var definition: String

    @Option(help: "The execution input: a JSON file or describe-execution output, or - for standard input (default: {}).")
    var input: String?

    @Option(name: .customLong("mock-config"), help: "A Step Functions Local mock configuration file.")
    var mockConfig: String?

    @Option(name: .customLong("test-case"), help: "The test case of the mock configuration to use.")
    var testCase: String?

    @Option(name: .customLong("state-machine"), help: "NAME: the mock configuration's state machine (needed when it defines several); NAME=FILE: a child state machine for nested executions (repeatable).")
    var stateMachines: [String] = []

    @Option(name: .customLong("handler"), help: "NAME=COMMAND: run COMMAND for the tasks of a state, Lambda function or resource ARN (repeatable).")
    var handlers: [String] = []

    @Option(name: .customLong("handler-timeout"), help: HandlerTimeout.help)
    var handlerTimeout: Int64 = 60

    @Option(help: "What to print: result ({\"status\", \"output\"}), history (like get-execution-history) or trace (like asldb trace).")
    var format: RunInvocation.Format = .result

    @Option(name: .customLong("inject"), help: "STATE=ERROR[:CAUSE][@ATTEMPTS]: make a Task state's attempts fail (repeatable; trace format).")
    var inject: [String] = []

    @Option(help: "Seed for retry jitter, States.MathRandom, States.UUID and generated names.")
    var seed: UInt64 = 0

    @Option(help: StateMachineType.help)
    var type: StateMachineType = .standard

    func validate() throws {
        try HandlerTimeout.validate(handlerTimeout)
        if definition == "-" && input == "-" {
            throw ValidationError("the definition and the input cannot both come from standard input")
        }
        if mockConfig != nil && testCase == nil {
            throw ValidationError("--mock-config needs --test-case NAME to choose the test case")
        }
        if testCase != nil && mockConfig == nil {
            throw ValidationError("--test-case needs --mock-config FILE")
        }
    }

    func run() throws {
        var invocation = RunInvocation(definition: definition, input: input, mockConfig: mockConfig, testCase: testCase,
                                       stateMachine: stateMachines.last { !$0.contains("=") }, format: format, seed: seed, inject: inject,
                                       color: format == .trace && TraceColor.wanted)
        invocation.children = stateMachines.filter { $0.contains("=") }
        invocation.handlers = handlers
        invocation.handlerTimeout = handlerTimeout
        invocation.type = type
        let outcome = invocation.run()
        if format == .trace { return try TraceColor.finish(outcome) }
        if !outcome.output.isEmpty { printOutput(outcome.output) }
        if outcome.exitCode != ExitStatus.ok {
            throw CommandFailure(outcome.errors.joined(separator: "\n"), exitCode: outcome.exitCode)
        }
    }
}

extension RunInvocation.Format: ExpressibleByArgument {}

extension StateMachineType: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.uppercased()) }

    /// The help of every command's `--type`.
    static let help = ArgumentHelp("The state machine's type, STANDARD or EXPRESS: an Express execution has an express: ARN, "
                                   + "no $$.Execution.RedriveCount, no 25 000-event history limit and at most five minutes.")
}

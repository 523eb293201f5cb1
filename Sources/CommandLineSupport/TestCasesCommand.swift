#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import ArgumentParser
import StatesEngine

/// `asldb test MOCK_CONFIG --definition DEF ...`
struct TestCasesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run every test case of a Step Functions Local mock configuration and check the results.",
        discussion: """
            Each test case NAME runs headless with input from NAME.input.json ({} when absent) and \
            is checked against NAME.expected.json ({"status", "output", "error", "cause"}; absent \
            members are not checked; a case without one passes when it runs). Both files are looked \
            for next to MOCK_CONFIG, or in --expected DIR; `asldb replay --export-test DIR` writes \
            them. Prints one line per case and a summary. Exit codes: 0 all passed, 1 a case \
            failed, 2 unusable input.
            """)

    @Argument(help: "The mock configuration file.")
    var mockConfig: String

    @Option(help: "The definition: an ASL file (JSON, YAML, TEMPLATE#NAME), or describe-state-machine output.")
    var definition: String

    @Option(name: .customLong("state-machine"), help: "NAME: the mock configuration's state machine; NAME=FILE: a child state machine for nested executions (repeatable).")
    var stateMachines: [String] = []

    @Option(name: .customLong("handler"), help: "NAME=COMMAND: run COMMAND for the tasks of a state, Lambda function or resource ARN (repeatable).")
    var handlers: [String] = []

    @Option(name: .customLong("expected"), help: "The directory of NAME.input.json and NAME.expected.json (default: the mock configuration's).")
    var expectedDirectory: String?

    @Option(name: .customLong("handler-timeout"), help: HandlerTimeout.help)
    var handlerTimeout: Int64 = 60

    @Option(help: "Also write the results as JUnit XML to this file.")
    var junit: String?

    @Option(help: StateMachineType.help)
    var type: StateMachineType = .standard

    func validate() throws {
        try HandlerTimeout.validate(handlerTimeout)
    }

    func run() throws {
        let (outcome, results, suite) = TestCasesInvocation(mockConfig: mockConfig, definition: definition, stateMachines: stateMachines,
                                                            handlers: handlers, expectedDirectory: expectedDirectory,
                                                            handlerTimeout: handlerTimeout, type: type).run()
        if !outcome.output.isEmpty { printOutput(outcome.output, human: true) }
        if let junit, !results.isEmpty {
            let text = TestCasesJUnit.xml(suite: suite, results: results)
            guard let file = fopen(junit, "w"), fputs(text, file) >= 0, fclose(file) == 0 else {
                throw CommandFailure("asldb test: cannot write --junit \(junit)")
            }
        }
        if outcome.exitCode != ExitStatus.ok {
            throw CommandFailure(outcome.errors.joined(separator: "\n"), exitCode: outcome.exitCode)
        }
    }
}

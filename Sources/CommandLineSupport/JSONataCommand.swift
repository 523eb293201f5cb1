import ArgumentParser
import StatesLanguage

import Glibc

/// `asldb jsonata EXPRESSION`: evaluates a JSONata expression, as a state's field would.
struct JSONataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jsonata",
        abstract: "Evaluate a JSONata expression and print its result as JSON.",
        discussion: """
            Without --input the input is undefined. An undefined result prints nothing. \
            --bindings is a JSON object of variable names (without $) to values. \
            --step-functions evaluates as AWS Step Functions does (JSONata 2.0.6: its extra \
            functions $partition, $range, $hash, $random, $uuid, $parse; no $eval). \
            --explain prints the expression's steps, each beside its value, to show why it gave \
            what it gave. \
            Exit codes: 0 a result (or undefined), 1 the expression failed (CODE: message and its \
            position on standard error), 2 usage error or unreadable file.
            """)

    @Argument(help: "The expression (or use --expression-file).")
    var expression: String?

    @Option(name: .customLong("expression-file"), help: "Read the expression from a file (- for standard input).")
    var expressionFile: String?

    @Option(help: "The input document: a JSON file, or - for standard input.")
    var input: String?

    @Option(help: "A JSON file of variable bindings: an object of names (without $) to values.")
    var bindings: String?

    @Option(name: .customLong("max-depth"), help: "Stop with U1001 when evaluation nests deeper than this.")
    var maxDepth: Int?

    @Option(name: .customLong("timeout-ms"), help: "Stop with U1001 when evaluation runs longer than this many milliseconds.")
    var timeoutMilliseconds: Int?

    @Flag(name: .customLong("step-functions"), help: "Evaluate as AWS Step Functions does.")
    var stepFunctions = false

    @Option(help: "Seed for $random() and $shuffle() (default: a random seed).")
    var seed: UInt64?

    @Flag(help: "Print every sub-expression beside the value it had, as a tree, instead of the result alone.")
    var explain = false

    func validate() throws {
        if (expression == nil) == (expressionFile == nil) {
            throw ValidationError("give the expression either as an argument or with --expression-file, not both")
        }
        if [expressionFile, input, bindings].filter({ $0 == "-" }).count > 1 {
            throw ValidationError("only one of --expression-file, --input and --bindings can read standard input")
        }
        if let maxDepth, maxDepth < 1 { throw ValidationError("--max-depth must be at least 1, not \(maxDepth)") }
        if let timeoutMilliseconds, timeoutMilliseconds < 1 {
            throw ValidationError("--timeout-ms must be at least 1, not \(timeoutMilliseconds)")
        }
    }

    func run() throws {
        var invocation = JSONataInvocation()
        invocation.expression = expression
        invocation.expressionFile = expressionFile
        invocation.input = input
        invocation.bindings = bindings
        invocation.maxDepth = maxDepth
        invocation.timeoutMilliseconds = timeoutMilliseconds
        invocation.stepFunctions = stepFunctions
        invocation.seed = seed
        invocation.explain = explain
        invocation.caretOnErrors = isatty(2) == 1
        let outcome = invocation.run()
        if !outcome.output.isEmpty { printOutput(outcome.output, terminator: outcome.output.hasSuffix("\n") ? "" : "\n") }
        if outcome.exitCode != ExitStatus.ok || !outcome.errors.isEmpty {
            throw CommandFailure(outcome.errors.joined(separator: "\n"), exitCode: outcome.exitCode)
        }
    }
}

import Testing
@testable import CommandLineSupport
import StatesLanguage

/// `asldb jsonata`: what a user trying an expression sees, and its exit codes.
@Suite struct JSONataCommandTests {
    /// An invocation that reads its files from `files` instead of the disk.
    func invocation(_ expression: String? = nil, file: String? = nil, input: String? = nil,
                    bindings: String? = nil, files: [String: String] = [:]) -> JSONataInvocation
    {
        var i = JSONataInvocation()
        i.expression = expression
        i.expressionFile = file
        i.input = input
        i.bindings = bindings
        i.read = { path throws(DefinitionReadError) in
            guard let text = files[path] else { throw .notFound(path) }
            return Array(text.utf8)
        }
        return i
    }

    @Test func printsTheResultAsJSON() {
        let outcome = invocation("orders[total > 10].id", input: "in.json",
                                 files: ["in.json": #"{"orders": [{"id": "a", "total": 5}, {"id": "b", "total": 50}]}"#]).run()
        #expect(outcome == .init(output: #""b""#))
    }

    @Test func explainPrintsEachStepBesideItsValue() {
        var i = invocation("orders[total > 10].id", input: "in.json",
                           files: ["in.json": #"{"orders": [{"id": "a", "total": 5}, {"id": "b", "total": 50}]}"#])
        i.explain = true
        let outcome = i.run()
        #expect(outcome.exitCode == 0)
        #expect(outcome.output.split(separator: "\n").first == #"orders[total > 10].id  → "b""#)
        #expect(outcome.output.contains("total > 10  → false  (×2, the first shown)"))
    }

    @Test func explainOfAFailingExpressionShowsTheStepsAndExitsOne() {
        var i = invocation("name + 1", input: "in.json", files: ["in.json": #"{"name": "x"}"#])
        i.explain = true
        let outcome = i.run()
        #expect(outcome.exitCode == 1)
        #expect(outcome.output.contains(#"name  → "x""#))
        #expect(outcome.errors.first?.hasPrefix("T2001") == true)
    }

    @Test func anUndefinedResultPrintsNothingAndSucceeds() {
        #expect(invocation("missing", input: "in.json", files: ["in.json": "{}"]).run() == .init(output: ""))
        #expect(invocation("$").run() == .init(output: ""))
    }

    @Test func readsTheExpressionAndBindingsFromFiles() {
        let outcome = invocation(file: "e.jsonata", bindings: "b.json",
                                 files: ["e.jsonata": "$greeting & ', ' & $name", "b.json": #"{"greeting": "Hello", "$name": "Ada"}"#]).run()
        #expect(outcome == .init(output: #""Hello, Ada""#))
    }

    @Test func anEvaluationErrorExitsOneWithCodeAndPlace() {
        let outcome = invocation("(\n  'a' + 2\n)").run()
        #expect(outcome.exitCode == 1)
        #expect(outcome.errors == [#"T2001: The left side of the "+" operator must evaluate to a number (at line 2, column 7)"#])
    }

    @Test func onATerminalTheCaretPointsAtTheToken() {
        var i = invocation("$sum(1,")
        i.caretOnErrors = true
        let outcome = i.run()
        #expect(outcome.exitCode == 1)
        #expect(outcome.errors.first == #"S0203: Expected ")" before end of expression (at line 1, column 7)"#)
        #expect(outcome.errors.dropFirst() == ["  $sum(1,", "        ^"])
    }

    @Test func badFilesExitTwoSayingWhichFile() {
        let missing = invocation("1", input: "nope.json").run()
        #expect(missing.exitCode == 2)
        #expect(missing.errors.first?.contains("nope.json") == true)
        let broken = invocation("1", input: "in.json", files: ["in.json": "{\"a\": }"]).run()
        #expect(broken.exitCode == 2)
        #expect(broken.errors.first?.hasPrefix("in.json:1:7: error: the input is not valid JSON") == true)
        let notObject = invocation("1", bindings: "b.json", files: ["b.json": "[1]"]).run()
        #expect(notObject.exitCode == 2)
        #expect(notObject.errors == ["b.json: error: the bindings must be a JSON object of variable names to values, not an array"])
    }

    @Test func stepFunctionsModeHasNoEval() {
        var i = invocation("$eval('1 + 1')")
        #expect(i.run() == .init(output: "2"))
        i.stepFunctions = true
        #expect(i.run().exitCode == 1)
    }

    @Test func theLimitsStopRunawayExpressions() {
        var i = invocation("($f := function($n) { $n + $f($n) }; $f(1))")
        i.maxDepth = 100
        #expect(i.run().errors.first?.hasPrefix("U1001") == true)
        i = invocation("($f := function($n) { $f($n + 1) }; $f(1))")
        i.timeoutMilliseconds = 20
        #expect(i.run().errors.first?.hasPrefix("U1001") == true)
    }

    @Test func theCommandLineRefusesAmbiguousInput() {
        #expect(throws: (any Error).self) { try JSONataCommand.parse([]) }
        #expect(throws: (any Error).self) { try JSONataCommand.parse(["1", "--expression-file", "e"]) }
        #expect(throws: (any Error).self) { try JSONataCommand.parse(["1", "--max-depth", "0"]) }
    }
}

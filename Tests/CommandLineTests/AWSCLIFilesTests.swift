import Foundation
import Testing
@testable import CommandLineSupport
import StatesEngine

/// What the AWS CLI prints, given straight to asldb: `describe-state-machine` output as the
/// definition and `describe-execution` output as the input, in every command that takes them.
@Suite struct AWSCLIFilesTests {
    static let definition = #"{"StartAt": "Greet", "States": {"Greet": {"Type": "Pass", "Parameters": {"greeting.$": "States.Format('hello {}', $.name)"}, "End": true}}}"#

    /// `describe-state-machine` output: the definition as JSON text, on one line as the CLI prints it.
    static func described(_ definition: String) -> String {
        "{\n  \"stateMachineArn\": \"arn:aws:states:us-east-1:111111111111:stateMachine:Greeter\",\n  \"name\": \"Greeter\",\n"
            + "  \"definition\": \(JSONPrinter.compact(.string(definition))),\n  \"type\": \"STANDARD\"\n}"
    }

    /// `describe-execution` output: the input as JSON text.
    static func execution(input: String?) -> String {
        var object: JSONObject = [
            "executionArn": "arn:aws:states:us-east-1:111111111111:execution:Greeter:run-1",
            "stateMachineArn": "arn:aws:states:us-east-1:111111111111:stateMachine:Greeter", "name": "run-1", "status": "SUCCEEDED",
        ]
        if let input { object["input"] = .string(input) }
        object["inputDetails"] = ["included": .bool(input != nil)]
        return JSONPrinter.pretty(.object(object))
    }

    static let files: [String: String] = [
        "machine.json": described(definition),
        "broken-machine.json": described("{\"StartAt\": \"Greet\",\n \"States\": {\"Greet\": {\"Type\": \"Pass\" \"End\": true}}}"),
        "dangling-machine.json": described("{\"StartAt\": \"Greet\",\n \"States\": {\"Greet\": {\"Type\": \"Pass\", \"Next\": \"Nowhere\"}}}"),
        "execution.json": execution(input: #"{"name": "world"}"#),
        "broken-execution.json": execution(input: #"{"name": "world",}"#),
        "no-input.json": execution(input: nil),
        "plain.json": definition,
    ]

    static func read(_ path: String) throws(DefinitionReadError) -> [UInt8] {
        guard let text = files[path] else { throw .notFound(path) }
        return Array(text.utf8)
    }

    func run(_ definition: String, input: String?, format: RunInvocation.Format = .result) -> RunInvocation.Outcome {
        var invocation = RunInvocation(definition: definition, input: input, format: format)
        invocation.read = Self.read
        return invocation.run()
    }

    @Test(arguments: [RunInvocation.Format.result, .trace])
    func runAndTraceTakeBothOutputs(format: RunInvocation.Format) {
        let outcome = run("machine.json", input: "execution.json", format: format)
        #expect(outcome.exitCode == ExitStatus.ok, "\(outcome.errors)")
        #expect(outcome.output.contains("hello world"))
    }

    @Test func validateChecksTheDescribedDefinitionAndSaysWhereInTheFileAProblemIs() {
        var check = DefinitionCheck()
        check.read = Self.read
        #expect(check.run(["machine.json"]).output == ["machine.json: valid (1 state)"])
        // The text's line 2, column 38 is the file's line 4, inside the string, escapes counted.
        let broken = check.run(["broken-machine.json"])
        #expect(broken.output.first == "broken-machine.json:4:89: error INVALID_JSON_DESCRIPTION: unexpected '\"' in object; expected ',' or '}' "
                + "(in the \"definition\" text, line 2, column 38) (at $.States.Greet)")
        #expect(broken.exitCode == 1)
        let dangling = check.run(["dangling-machine.json"])
        #expect(dangling.output.contains("dangling-machine.json:4:90: error MISSING_TRANSITION_TARGET: 'Next' names state 'Nowhere', which does not exist (at $.States.Greet.Next)"))
    }

    @Test func aDescribedDefinitionThatCannotRunIsRefusedWithItsPlace() {
        let outcome = run("dangling-machine.json", input: nil)
        #expect(outcome.exitCode == ExitStatus.usage)
        #expect(outcome.errors.first?.hasPrefix("dangling-machine.json:4:90: error MISSING_TRANSITION_TARGET") == true)
    }

    @Test func aBadInputTextIsReportedWhereItIsInTheFile() {
        let outcome = run("plain.json", input: "broken-execution.json")
        #expect(outcome.exitCode == ExitStatus.usage)
        // The text's column 17 (its ',') is the file's column 33 on the "input" line.
        #expect(outcome.errors == ["broken-execution.json:6:33: error: the input (the \"input\" text of describe-execution output, line 1, "
                                   + "column 17) is not valid JSON: trailing comma before '}'; remove the ','"])
        let none = run("plain.json", input: "no-input.json")
        #expect(none.exitCode == ExitStatus.usage)
        #expect(none.errors.first?.contains("holds no input") == true)
    }

    @Test func replayAndTestTakeADescribedDefinition() throws {
        let files = ReplayFiles(command: "replay", read: Self.read)
        let machine = try files.loadDefinition("machine.json")
        #expect(machine.startAt == "Greet")
        #expect(try files.readInput("execution.json") == ["name": "world"])
        #expect(throws: CommandFailure.self) { try files.loadDefinition("broken-machine.json") }
    }

    @Test func debugAndTestTakeBothOutputsFromFiles() throws {
        let directory = try temporaryDirectory()
        for (name, text) in Self.files { try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8) }
        try #"{"StateMachines": {"Greeter": {"TestCases": {"Hello": {}}}}, "MockedResponses": {}}"#
            .write(toFile: directory + "/mock-config.json", atomically: true, encoding: .utf8)
        // A test case's input sidecar may be describe-execution output too.
        try Self.files["execution.json"]!.write(toFile: directory + "/Hello.input.json", atomically: true, encoding: .utf8)
        try #"{"status": "SUCCEEDED", "output": {"greeting": "hello world"}}"#
            .write(toFile: directory + "/Hello.expected.json", atomically: true, encoding: .utf8)
        let test = TestCasesInvocation(mockConfig: directory + "/mock-config.json", definition: directory + "/machine.json").run()
        #expect(test.outcome.output == "PASS Hello (SUCCEEDED)\n1 passed, 0 failed")

        let debug = try DebugCommand.parse([directory + "/machine.json", "--input", directory + "/execution.json"])
        var session = try debug.makeApp().0.session
        #expect(session.setup.input == ["name": "world"])
        _ = session.continueRunning()
        #expect(session.current.output == ["greeting": "hello world"])
    }
}

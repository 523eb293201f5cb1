import Foundation
import Testing
@testable import CommandLineSupport
import StatesEngine
import StepDebugger

/// `--type EXPRESS` gives every command that runs a definition an Express execution: its
/// `$$.Execution.Id` is an `express:` ARN.
@Suite struct TypeOptionTests {
    /// Writes a definition that outputs the kind of its execution ARN ("express" or "execution").
    func directory() throws -> String {
        let directory = try temporaryDirectory()
        let definition = #"""
            {"StartAt": "Kind", "States": {"Kind": {"Type": "Pass", "End": true,
              "Parameters": {"kind.$": "States.ArrayGetItem(States.StringSplit($$.Execution.Id, ':'), 5)"}}}}
            """#
        try definition.write(toFile: directory + "/kind.asl.json", atomically: true, encoding: .utf8)
        try #"{"StateMachines": {"M": {"TestCases": {"Look": {}}}}, "MockedResponses": {}}"#
            .write(toFile: directory + "/mock-config.json", atomically: true, encoding: .utf8)
        try #"{"status": "SUCCEEDED", "output": {"kind": "express"}}"#
            .write(toFile: directory + "/Look.expected.json", atomically: true, encoding: .utf8)
        return directory
    }

    @Test func traceRunsAnExpressExecution() throws {
        let path = try directory() + "/kind.asl.json"
        let command = try TraceCommand.parse([path, "--type", "EXPRESS"])
        #expect(command.type == .express)
        var invocation = RunInvocation(definition: path, format: .trace)
        invocation.type = command.type
        let outcome = invocation.run()
        #expect(outcome.exitCode == ExitStatus.ok)
        #expect(outcome.output.contains(#""kind": "express""#))
        #expect(RunInvocation(definition: path, format: .trace).run().output.contains(#""kind": "execution""#))
    }

    @Test func testRunsEachCaseAsAnExpressExecution() throws {
        let directory = try directory()
        let command = try TestCasesCommand.parse([directory + "/mock-config.json", "--definition", directory + "/kind.asl.json", "--type", "express"])
        #expect(command.type == .express)
        let express = TestCasesInvocation(mockConfig: directory + "/mock-config.json", definition: directory + "/kind.asl.json", type: .express)
        #expect(express.run().outcome.output == "PASS Look (SUCCEEDED)\n1 passed, 0 failed")
        let standard = TestCasesInvocation(mockConfig: directory + "/mock-config.json", definition: directory + "/kind.asl.json")
        #expect(standard.run().outcome.exitCode == ExitStatus.failed)
    }

    @Test func theDebuggerStartsAnExpressSessionAndSavesItsType() throws {
        let directory = try directory()
        let command = try DebugCommand.parse([directory + "/kind.asl.json", "--type", "express"])
        var session = try command.makeApp().0.session
        #expect(session.setup.options.type == .express)
        let saved = try session.saved()
        #expect(saved.json["type"] == "EXPRESS")
        let restored = try DebugSession.restore(try SessionFile(json: saved.json, path: "s.json"), definition: session.setup.definition)
        #expect(restored.setup.options.type == .express)
        _ = session.continueRunning()
        #expect(session.current.output?["kind"] == "express")
        #expect(throws: SessionError.self) { try SessionFile(json: ["asldbSession": 1, "definition": "d", "input": [:], "seed": "0", "type": "BIG"], path: "s.json") }
    }
}

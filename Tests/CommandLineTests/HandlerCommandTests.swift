import Testing
@testable import CommandLineSupport
import StatesEngine

/// `--handler` and `--state-machine NAME=FILE` on `asldb run`.
@Suite struct HandlerCommandTests {
    @Test func runAnswersTasksWithHandlersAndMockConfigurationTogether() throws {
        var invocation = RunInvocation(definition: fixturePath("order.asl.json"), input: fixturePath("order.input.json"),
                                       mockConfig: fixturePath("order.mock.json"), testCase: "Declined", stateMachine: "Orders")
        invocation.handlers = [#"ship=python3 -c 'import json,sys; print(json.dumps({"tracking": json.load(sys.stdin).upper()}))'"#]
        let outcome = invocation.run()
        #expect(outcome.exitCode == 0)
        let result = try JSONParser().parse(outcome.output)
        #expect(result["output"]?["shipped"] == [["tracking": "BOOK"], ["tracking": "LAMP"]])
        #expect(result["output"]?["payment"] == ["charged": 42])
    }

    @Test func aMalformedHandlerArgumentIsAUsageError() {
        var invocation = RunInvocation(definition: fixturePath("order.asl.json"))
        invocation.handlers = ["Charge"]
        let outcome = invocation.run()
        #expect(outcome.exitCode == 2)
        #expect(outcome.errors.joined().contains("expected NAME=COMMAND"))
    }

    @Test func childStateMachinesRunFromLocalFiles() throws {
        var invocation = RunInvocation(definition: fixturePath("parent.asl.json"))
        invocation.children = ["Child=" + fixturePath("child.asl.json")]
        let result = try JSONParser().parse(invocation.run().output)
        #expect(result["output"]?["Output"] == ["greeting": "hello"])
    }
}

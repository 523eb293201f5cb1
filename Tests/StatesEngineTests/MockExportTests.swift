import StatesEngine
import Testing

/// A reproduced execution becomes a Step Functions Local test case that `asldb test` re-runs.
@Suite struct MockExportTests {
    @Test func anExportedRecordingRunsAsAMockTestCaseToTheSameResult() throws {
        let recorded = try RecordedHistory(json: try replayFixture("order.history.json"))
        let export = MockExport(history: recorded, stateMachine: "Orders", testCase: "Incident42")
        #expect(export.input == ["order": 7, "items": ["book", "lamp"]])
        #expect(export.expected["status"] == "SUCCEEDED")
        // Retries keep their attempt numbers; a Lambda function ARN gets an Invoke response.
        let charge = try #require(export.mockConfiguration["MockedResponses"]?["Incident42.Charge"])
        #expect(charge["0"]?["Throw"]?["Error"] == "CardDeclined")
        #expect(charge["1"]?["Return"] == ["StatusCode": 200, "Payload": ["charged": 42]])

        let runner = TestCaseRunner(definition: try replayFixtureMachine("order.asl.json"),
                                    configuration: try MockConfiguration(json: export.mockConfiguration), stateMachine: "Orders")
        let result = runner.run(TestCaseRunner.Case(name: "Incident42", input: export.input, expected: export.expected))
        #expect(result.verdict == .passed)
    }

    @Test func aFailedExecutionExportsItsErrorAndCauseAsTheExpectation() throws {
        let definition = #"{"StartAt": "Pay", "States": {"Pay": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}"#
        var execution = Execution(definition: try machine(definition), input: [:], options: ExecutionOptions(taskSource: ClosureTaskSource { _ in
            .failed(ExecutionError("Lambda.ServiceException", cause: "throttled"))
        }))
        try execution.run()
        let export = try MockExport(execution: execution, stateMachine: "M", testCase: "Down")
        #expect(export.expected == ["status": "FAILED", "error": "Lambda.ServiceException", "cause": "throttled"])
        #expect(export.mockConfiguration["MockedResponses"]?["Down.Pay"]?["0"]?["Throw"]?["Cause"] == "throttled")
    }

    @Test func entriesThatAnsweredDifferentlyAreReportedBecauseTheMockRepeatsTheFirst() throws {
        let definition = #"{"StartAt": "M", "States": {"M": {"Type": "Map", "ItemProcessor": {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "End": true}}}, "End": true}}}"#
        var execution = Execution(definition: try machine(definition), input: [1, 2], options: ExecutionOptions(taskSource: ClosureTaskSource { request in
            .succeeded(["n": .number(.int(Int64(request.entry)))])
        }))
        try execution.run()
        let export = try MockExport(execution: execution, stateMachine: "M", testCase: "Two")
        #expect(export.warnings.count == 1)
        #expect(export.warnings.first?.contains("'T'") == true)
    }

    @Test func theRunnerReportsWhatDiffersFromTheExpectation() {
        #expect(TestCaseRunner.check(["status": "FAILED", "error": "X"], against: ["status": "SUCCEEDED"]) == #"expected status "SUCCEEDED", got "FAILED""#)
        #expect(TestCaseRunner.check(["status": "SUCCEEDED", "output": 1], against: ["status": "SUCCEEDED"]) == nil)
        #expect(TestCaseRunner.check(["status": "SUCCEEDED", "output": 1], against: nil) == nil)
    }
}

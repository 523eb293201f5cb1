import StatesEngine
import Testing

/// Tasks that Step Functions cannot start, and failures that leave out their error or cause:
/// what AWS shows in each case.
@Suite("Task start failures and unreported errors")
struct TaskStartAndErrorOutputTests {
    func mock(_ states: String, _ responses: String) throws -> MockTaskSource {
        let json = try JSONParser().parse(#"{"StateMachines": {"M": {"TestCases": {"T": \#(states)}}}, "MockedResponses": \#(responses)}"#)
        return try MockConfiguration(json: json).source(stateMachine: "M", testCase: "T")
    }

    /// A callback task whose failure is caught twice over: by States.Runtime first, then by States.ALL.
    let callback = """
        {"StartAt": "Send", "States": {
          "Send": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
            "Parameters": {"QueueUrl": "q", "MessageBody": {"Token.$": "$$.Task.Token"}},
            "Catch": [{"ErrorEquals": ["States.Runtime"], "ResultPath": "$.runtime", "Next": "Done"},
                      {"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Done"}],
            "End": true},
          "Done": {"Type": "Pass", "End": true}}}
        """

    func failedEventDetails(_ execution: Execution) -> JSON? {
        execution.history.all.first { $0.type.rawValue == "TaskFailed" }.map { .object($0.details ?? [:]) }
    }

    // MARK: - Failures that report neither an error nor a cause

    @Test func aTaskFailureThatReportsNothingIsCaughtWithNullErrorAndCause() throws {
        let source = try mock(#"{"Send": "R"}"#, #"{"R": {"0": {"Throw": {"Error": "States.TaskFailed"}}}}"#)
        let execution = try run(callback, input: ["k": 1], source: source)
        #expect(execution.status == .succeeded)
        #expect(execution.output == ["k": 1, "error": ["Error": .null, "Cause": .null]])
        // The TaskFailed event names neither.
        #expect(failedEventDetails(execution) == ["resource": "sendMessage.waitForTaskToken", "resourceType": "sqs"])
    }

    @Test func aThrowWithoutAnErrorIsAFailureThatNamesNone() throws {
        let source = try mock(#"{"Send": "R"}"#, #"{"R": {"0": {"Throw": {"Cause": "worker gave up"}}}}"#)
        let execution = try run(callback, source: source)
        #expect(execution.output?["error"] == ["Error": .null, "Cause": "worker gave up"])
    }

    @Test func aFailureWithAnErrorButNoCauseHasANullCause() throws {
        let source = try mock(#"{"Send": "R"}"#, #"{"R": {"0": {"Throw": {"Error": "Rejected"}}}}"#)
        let execution = try run(callback, source: source)
        #expect(execution.output?["error"] == ["Error": "Rejected", "Cause": .null])
        #expect(failedEventDetails(execution)?["error"] == "Rejected")
    }

    @Test func aTimeoutIsStepFunctionsOwnAndCarriesAnEmptyCause() throws {
        let source = try mock(#"{"Send": "R"}"#, #"{"R": {"0": {"Throw": {"Error": "States.Timeout"}}}}"#)
        let execution = try run(callback, source: source)
        #expect(execution.output?["error"] == ["Error": "States.Timeout", "Cause": ""])
    }

    @Test func anUnnamedFailureStillMatchesStatesTaskFailedAndEndsTheExecutionWithoutAnError() throws {
        let source = try mock(#"{"Call": "R"}"#, #"{"R": {"0": {"Throw": {"Error": "States.TaskFailed"}}}}"#)
        let caught = try run("""
            {"StartAt": "Call", "States": {
              "Call": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "End": true,
                "Catch": [{"ErrorEquals": ["States.TaskFailed"], "Next": "Done"}]},
              "Done": {"Type": "Pass", "End": true}}}
            """, source: source)
        #expect(caught.output == ["Error": .null, "Cause": .null])

        let uncaught = try run(#"{"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "End": true}}}"#,
                               source: source)
        #expect(uncaught.status == .failed)
        #expect(uncaught.resultJSON == ["status": "FAILED"])
    }

    @Test func anUnnamedFailureInABranchReachesTheParallelsCatcherWithNulls() throws {
        let source = try mock(#"{"Send": "R"}"#, #"{"R": {"0": {"Throw": {"Error": "States.TaskFailed"}}}}"#)
        let execution = try run("""
            {"StartAt": "P", "States": {
              "P": {"Type": "Parallel", "Branches": [{"StartAt": "Send", "States": {"Send": {"Type": "Task",
                     "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "Parameters": {"QueueUrl": "q"}, "End": true}}}],
                    "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Done"}], "End": true},
              "Done": {"Type": "Pass", "End": true}}}
            """, input: [:], source: source)
        #expect(execution.output == ["error": ["Error": .null, "Cause": .null]])
    }

    @Test func anExportedUnreportedFailureRunsBackToTheSameErrorOutput() throws {
        let definition = try machine(callback)
        var execution = Execution(definition: definition, input: [:], options: ExecutionOptions(taskSource: ClosureTaskSource { _ in
            .failed(.reported(error: nil, cause: nil))
        }))
        try execution.run()
        #expect(execution.output?["error"] == ["Error": .null, "Cause": .null])
        let export = try MockExport(execution: execution, stateMachine: "M", testCase: "Silent")
        let source = try MockConfiguration(json: export.mockConfiguration).source(stateMachine: "M", testCase: "Silent")
        var again = Execution(definition: definition, input: [:], options: ExecutionOptions(taskSource: source))
        try again.run()
        #expect(again.output == execution.output)
    }

    // MARK: - Tasks that cannot start

    let activity = """
        {"StartAt": "Work", "States": {
          "Work": {"Type": "Task", "Resource": "arn:aws:states:us-east-1:111111111111:activity:packer",
            "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 2}],
            "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Done"}], "End": true},
          "Done": {"Type": "Pass", "End": true}}}
        """

    @Test func anActivityTheTestCaseDoesNotMockDoesNotExistAndFailsTheExecution() throws {
        let source = try mock(#"{}"#, #"{}"#)
        let execution = try run(activity, source: source)
        #expect(execution.status == .failed)
        // Neither retried nor caught, and nothing was scheduled.
        #expect(execution.eventTypes == ["ExecutionStarted", "TaskStateEntered", "ExecutionFailed"])
        #expect(execution.resultJSON == [
            "status": "FAILED", "error": "States.Runtime",
            "cause": "An error occurred while executing the state 'Work' (entered at the event id #2). The activity arn:aws:states:us-east-1:111111111111:activity:packer does not exist.",
        ])
    }

    @Test func aMockedActivityStillRuns() throws {
        let source = try mock(#"{"Work": "R"}"#, #"{"R": {"0": {"Return": {"packed": true}}}}"#)
        let execution = try run(activity, source: source)
        #expect(execution.output == ["packed": true])
    }

    @Test func aReplayedHistoryOfAMissingActivityFailsTheSameWay() throws {
        let recorded = try RecordedHistory(json: ["events": [
            ["id": 1, "previousEventId": 0, "timestamp": "2024-05-01T10:00:00.000000+00:00", "type": "ExecutionStarted",
             "executionStartedEventDetails": ["input": "{}", "roleArn": "r"]],
            ["id": 2, "previousEventId": 0, "timestamp": "2024-05-01T10:00:00.000000+00:00", "type": "TaskStateEntered",
             "stateEnteredEventDetails": ["name": "Work", "input": "{}"]],
            ["id": 3, "previousEventId": 2, "timestamp": "2024-05-01T10:00:00.000000+00:00", "type": "ExecutionFailed",
             "executionFailedEventDetails": ["error": "States.Runtime",
                "cause": "An error occurred while executing the state 'Work' (entered at the event id #2). The activity arn:aws:states:us-east-1:111111111111:activity:packer does not exist."]],
        ]])
        let outcome = try Replay(definition: try machine(activity), recorded: recorded).run()
        #expect(outcome.divergence == nil)
        #expect(outcome.execution.eventTypes == ["ExecutionStarted", "TaskStateEntered", "ExecutionFailed"])
    }

    let apiGateway = """
        {"StartAt": "Call", "States": {
          "Call": {"Type": "Task", "Resource": "arn:aws:states:::apigateway:invoke",
            "Parameters": {"ApiEndpoint": "example.com", "Method": "GET", "Headers.$": "$.headers", "QueryParameters.$": "$.query"},
            "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Done"}], "End": true},
          "Done": {"Type": "Pass", "End": true}}}
        """

    @Test func apiGatewayRefusesAHeaderGivenAsASingleString() throws {
        let source = try mock(#"{"Call": "R"}"#, #"{"R": {"0": {"Return": {"StatusCode": 200}}}}"#)
        let execution = try run(apiGateway, input: ["headers": ["Accept": "application/json"], "query": [:]], source: source)
        #expect(execution.status == .failed)
        #expect(execution.eventTypes == ["ExecutionStarted", "TaskStateEntered", "ExecutionFailed"])
        #expect(execution.failure?.error == "States.Runtime")
        #expect(execution.failure?.cause == "An error occurred while executing the state 'Call' (entered at the event id #2). "
            + #"The Parameters '{"ApiEndpoint":"example.com","Method":"GET","Headers":{"Accept":"application/json"},"QueryParameters":{}}' "#
            + "could not be used to start the Task: [The value of the field 'Headers' has an invalid format]")
    }

    @Test func apiGatewayRefusesQueryParametersThatAreNotListsOfStrings() throws {
        let source = try mock(#"{"Call": "R"}"#, #"{"R": {"0": {"Return": {"StatusCode": 200}}}}"#)
        let execution = try run(apiGateway, input: ["headers": [:], "query": ["page": [2]]], source: source)
        #expect(execution.failure?.cause.hasSuffix("[The value of the field 'QueryParameters' has an invalid format]") == true)
    }

    @Test func apiGatewayTakesHeadersAndQueryParametersAsListsOfValues() throws {
        let source = try mock(#"{"Call": "R"}"#, #"{"R": {"0": {"Return": {"StatusCode": 200}}}}"#)
        let execution = try run(apiGateway, input: ["headers": ["Accept": ["application/json", "text/plain"]], "query": ["page": ["2"]]], source: source)
        #expect(execution.status == .succeeded)
        #expect(execution.output == ["StatusCode": 200])
    }
}

import StatesEngine
import Testing

@Suite("Tasks, Retry and Catch")
struct TaskAndRetryTests {
    let retrying = """
        {"StartAt": "Call", "States": {"Call": {"Type": "Task",
          "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f"},
          "Retry": [{"ErrorEquals": ["Flaky"], "IntervalSeconds": 2, "MaxAttempts": 3}],
          "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Handled"}],
          "End": true},
          "Handled": {"Type": "Pass", "End": true}}}
        """

    func mock(_ responses: String) throws -> MockTaskSource {
        let json = try JSONParser().parse("""
            {"StateMachines": {"M": {"TestCases": {"T": {"Call": "R"}}}}, "MockedResponses": {"R": \(responses)}}
            """)
        return try MockConfiguration(json: json).source(stateMachine: "M", testCase: "T")
    }

    @Test func retriesFollowTheMockedAttemptsAndBackOffOnTheVirtualClock() throws {
        let source = try mock(#"{"0-1": {"Throw": {"Error": "Flaky", "Cause": "try again"}}, "2": {"Return": {"Payload": 42}}}"#)
        let execution = try run(retrying, source: source)
        #expect(execution.status == .succeeded)
        #expect(execution.output == ["Payload": 42])
        #expect(execution.eventTypes.filter { $0 == "TaskScheduled" }.count == 3)
        let events = execution.history.all
        // 2 s, then 4 s of back-off.
        #expect(events.last!.timestamp - events.first!.timestamp == 6_000)
    }

    @Test func exhaustedRetriesFallThroughToTheCatcher() throws {
        let source = try mock(#"{"0": {"Throw": {"Error": "Flaky", "Cause": "no"}}}"#)
        let execution = try run(retrying, input: ["k": 1], source: source)
        #expect(execution.status == .succeeded)
        #expect(execution.output == ["k": 1, "error": ["Error": "Flaky", "Cause": "no"]])
        #expect(execution.eventTypes.filter { $0 == "TaskFailed" }.count == 4)
    }

    @Test func legacyLambdaResultIsThePayloadOfTheMockedInvokeResponse() throws {
        let json = try JSONParser().parse("""
            {"StateMachines": {"M": {"TestCases": {"T": {"L": "R"}}}},
             "MockedResponses": {"R": {"0": {"Return": {"StatusCode": 200, "Payload": {"ok": true}}}}}}
            """)
        let source = try MockConfiguration(json: json).source(stateMachine: nil, testCase: "T")
        let execution = try run("""
            {"StartAt": "L", "States": {"L": {"Type": "Task",
              "Resource": "arn:aws:lambda:us-east-1:111111111111:function:f", "End": true}}}
            """, source: source)
        #expect(execution.output == ["ok": true])
        #expect(execution.eventTypes.contains("LambdaFunctionSucceeded"))
    }

    @Test func aTaskNobodyAnswersStopsWithAMessageNamingTheStateAndResource() throws {
        var execution = Execution(definition: try machine(retrying), input: [:])
        do throws(EngineError) {
            try execution.run()
            Issue.record("expected the run to stop")
        } catch {
            #expect(error.description.contains("'Call'"))
            #expect(error.description.contains("arn:aws:states:::lambda:invoke"))
            #expect(error.description.contains("--mock-config"))
        }
        #expect(execution.status == ExecutionStatus.running)
    }

    @Test func programmaticSourcesSeeTheEffectiveParametersAndAttempt() throws {
        let source = ClosureTaskSource { request in
            .succeeded(["echo": request.input, "attempt": .int(request.attempt)])
        }
        let execution = try run(retrying, source: source)
        #expect(execution.output == ["echo": ["FunctionName": "f"], "attempt": 0])
    }

    @Test func mockRangesMustBeWellFormed() throws {
        let json = try JSONParser().parse(#"{"MockedResponses": {"R": {"x": {"Return": 1}}}}"#)
        #expect(throws: MockConfiguration.Problem.self) { try MockConfiguration(json: json) }
    }
}

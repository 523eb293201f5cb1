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

    @Test func aMockConfigurationOfTheWrongShapeSaysWhatIsExpected() throws {
        func problem(_ text: String) throws -> String? {
            let json = try JSONParser().parse(text)
            do throws(MockConfiguration.Problem) {
                _ = try MockConfiguration(json: json).source(stateMachine: nil, testCase: "T")
                return nil
            } catch {
                return error.message
            }
        }
        #expect(try problem(#"{"StateMachines": 3}"#)?.hasPrefix("StateMachines must be an object") == true)
        #expect(try problem(#"{"MockedResponses": []}"#)?.hasPrefix("MockedResponses must be an object") == true)
        #expect(try problem(#"{"StateMachines": {"M": {"TestCases": "T"}}}"#)?.hasPrefix("StateMachines.M.TestCases must be an object") == true)
        #expect(try problem("{}")?.hasPrefix("the mock configuration defines no state machine") == true)
    }
}

@Suite("Retry arithmetic")
struct RetryArithmeticTests {
    func failingSource(_ errors: [String]) -> ClosureTaskSource {
        ClosureTaskSource { request in
            request.attempt < errors.count ? .failed(ExecutionError(errors[request.attempt], cause: "")) : .succeeded("done")
        }
    }

    func scheduledTimes(_ execution: Execution) -> [Int64] {
        let events = execution.history.all
        let start = events[0].timestamp
        return events.filter { $0.type.rawValue == "TaskScheduled" }.map { ($0.timestamp - start) / 1000 }
    }

    @Test func eachRetrierCountsItsOwnAttempts() throws {
        // A, B, A: the second A is retrier 1's second retry, so a MaxAttempts of 1 is exceeded.
        let execution = try run("""
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "Retry": [{"ErrorEquals": ["A"], "MaxAttempts": 1}, {"ErrorEquals": ["B"], "MaxAttempts": 5}],
              "End": true}}}
            """, source: failingSource(["A", "B", "A"]))
        #expect(execution.status == .failed)
        #expect(execution.failure?.error == "A")
        #expect(scheduledTimes(execution) == [0, 1, 2])
    }

    @Test func maxDelayCapsTheBackOff() throws {
        let execution = try run("""
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 3, "BackoffRate": 3, "MaxDelaySeconds": 10, "MaxAttempts": 4}],
              "End": true}}}
            """, source: failingSource(["X", "X", "X", "X"]))
        #expect(execution.status == .succeeded)
        // 3, 9, then capped at 10 twice.
        #expect(scheduledTimes(execution) == [0, 3, 12, 22, 32])
    }

    @Test func fullJitterStaysWithinTheDelayAndFollowsTheSeed() throws {
        let definition = """
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 100, "JitterStrategy": "FULL"}],
              "End": true}}}
            """
        let first = try run(definition, source: failingSource(["X", "X"]), seed: 3)
        let again = try run(definition, source: failingSource(["X", "X"]), seed: 3)
        let times = scheduledTimes(first)
        #expect(times == scheduledTimes(again))
        #expect(times[1] <= 100 && times[2] - times[1] <= 200)
    }

    @Test func maxAttemptsZeroNeverRetries() throws {
        let execution = try run("""
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 0}], "End": true}}}
            """, source: failingSource(["X"]))
        #expect(scheduledTimes(execution) == [0])
        #expect(execution.status == .failed)
    }

    @Test func aCatcherAssignSeesTheErrorOutputAndTheStateAssignDoesNot() throws {
        let execution = try run("""
            {"StartAt": "T", "States": {
              "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Assign": {"ok": true},
                "Catch": [{"ErrorEquals": ["States.ALL"], "Assign": {"why.$": "$.Cause"}, "Next": "After"}], "End": true},
              "After": {"Type": "Pass", "Parameters": {"why.$": "$why", "ok.$": "States.ArrayLength(States.Array($why))"}, "End": true}}}
            """, source: ClosureTaskSource { _ in .failed(ExecutionError("Bad", cause: "broken")) })
        #expect(execution.output == ["why": "broken", "ok": 1])
    }
}

@Suite("Choice and Wait failures")
struct ChoiceWaitTests {
    @Test func noMatchingRuleAndNoDefaultFailsWithNoChoiceMatched() throws {
        let execution = try run("""
            {"StartAt": "C", "States": {"C": {"Type": "Choice",
              "Choices": [{"Variable": "$.n", "NumericGreaterThan": 5, "Next": "Big"}]},
              "Big": {"Type": "Succeed"}}}
            """, input: ["n": 1])
        #expect(execution.failure?.error == "States.NoChoiceMatched")
        #expect(execution.eventTypes == ["ExecutionStarted", "ChoiceStateEntered", "ExecutionFailed"])
    }

    @Test func aNegativeSecondsPathIsARuntimeErrorNamingTheState() throws {
        let execution = try run("""
            {"StartAt": "W", "States": {"W": {"Type": "Wait", "SecondsPath": "$.s", "End": true}}}
            """, input: ["s": -1])
        #expect(execution.failure == ExecutionError("States.Runtime", cause:
            "An error occurred while executing the state 'W' (entered at the event id #2). The SecondsPath parameter references a negative value: $.s == -1"))
    }

    @Test func waitUntilATimestampMovesTheClockThere() throws {
        let execution = try run("""
            {"StartAt": "W", "States": {"W": {"Type": "Wait", "Timestamp": "2030-01-01T00:00:00Z", "End": true}}}
            """)
        #expect(VirtualTime.iso8601(execution.now) == "2030-01-01T00:00:00.000Z")
    }
}

@Suite("Choice Assign")
struct ChoiceAssignTests {
    let definition = """
        {"StartAt": "C", "States": {"C": {"Type": "Choice",
          "Choices": [{"Variable": "$.n", "NumericEquals": 1, "Assign": {"path": "rule"}, "Next": "Done"}],
          "Assign": {"path": "default", "extra": true}, "Default": "Done"},
          "Done": {"Type": "Pass", "Parameters": {"path.$": "$path"}, "End": true}}}
        """

    @Test func aMatchingRuleAssignsOnlyItsOwnVariables() throws {
        let execution = try run(definition, input: ["n": 1])
        #expect(execution.output == ["path": "rule"])
        let exited = execution.history.all.first { $0.type.rawValue == "ChoiceStateExited" }
        #expect(exited?.details?["assignedVariables"] == ["path": "rule"])
    }

    @Test func theDefaultPathAssignsTheStateLevelVariables() throws {
        let execution = try run(definition, input: ["n": 2])
        #expect(execution.output == ["path": "default"])
    }
}

@Suite("Task timing")
struct TaskTimingTests {
    let timed = """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "TimeoutSeconds": 10, "Catch": [{"ErrorEquals": ["States.Timeout"], "Next": "Late"}], "End": true},
          "Late": {"Type": "Pass", "End": true}}}
        """

    func elapsed(_ execution: Execution) -> Int64 {
        let events = execution.history.all
        return (events.last!.timestamp - events.first!.timestamp) / 1000
    }

    @Test func aSlowAnswerWithinTheTimeoutTakesItsTime() throws {
        let execution = try run(timed, source: ClosureTaskSource { _ in .after(seconds: 4, .succeeded("ok")) })
        #expect(execution.output == "ok")
        #expect(elapsed(execution) == 4)
    }

    @Test func anAnswerLaterThanTheTimeoutBecomesStatesTimeoutAtTheTimeout() throws {
        let execution = try run(timed, source: ClosureTaskSource { _ in .after(seconds: 30, .succeeded("ok")) })
        #expect(execution.output == ["Error": "States.Timeout", "Cause": ""])
        #expect(execution.eventTypes.contains("TaskTimedOut"))
        #expect(elapsed(execution) == 10)
    }

    @Test func aMissedHeartbeatIsAHeartbeatTimeout() throws {
        let execution = try run("""
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
              "HeartbeatSeconds": 5, "TimeoutSeconds": 60, "End": true}}}
            """, source: ClosureTaskSource { _ in .after(seconds: 30, .succeeded("ok")) })
        #expect(execution.failure?.error == "States.HeartbeatTimeout")
        #expect(elapsed(execution) == 5)
    }
}

@Suite("Execution timeout during a task")
struct ExecutionTimeoutTests {
    @Test func theExecutionTimesOutAtItsDeadlineWhileATaskRuns() throws {
        let execution = try run("""
            {"StartAt": "T", "TimeoutSeconds": 20, "States": {"T": {"Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}
            """, source: ClosureTaskSource { _ in .after(seconds: 300, .succeeded("late")) })
        #expect(execution.status == .timedOut)
        let events = execution.history.all
        #expect(events.last!.timestamp - events.first!.timestamp == 20_000)
        #expect(!execution.eventTypes.contains("TaskSucceeded"))
    }
}

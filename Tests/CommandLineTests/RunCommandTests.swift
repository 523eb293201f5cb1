import Testing
@testable import CommandLineSupport
import StatesEngine

/// `asldb run` as a user sees it: what it prints and how it exits.
@Suite struct RunCommandTests {
    static let files: [String: String] = [
        "hello.json": #"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"greeting.$": "States.Format('hello {}', $.name)"}, "End": true}}}"#,
        "fail.json": #"{"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Nope", "Cause": "not today"}}}"#,
        "task.json": #"{"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}"#,
        "input.json": #"{"name": "world"}"#,
        "context.json": #"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"id.$": "$$.Execution.Id"}, "End": true}}}"#,
        "dangling.json": #"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Nowhere"}}}"#,
        "broken-input.json": "{\"name\":\n  \"world\",}",
        "mock.json": #"{"StateMachines": {"M": {"TestCases": {"Happy": {"Call": "Ok"}}}}, "MockedResponses": {"Ok": {"0": {"Return": {"Payload": 1}}}}}"#,
        "hello.asl.yaml": """
            StartAt: A
            States:
              A:
                Type: Pass
                Parameters:
                  greeting.$: States.Format('hello {}', $.name)
                End: true
            """,
        "stack.yaml": """
            Resources:
              Greet:
                Type: AWS::Serverless::StateMachine
                Properties:
                  DefinitionSubstitutions: {Who: world}
                  Definition:
                    StartAt: A
                    States: {A: {Type: Pass, Result: "hello ${Who}", End: true}}
              Wait:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  DefinitionString: '{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 1, "End": true}}}'
            """,
        "timeout.json": #"{"StartAt": "W", "TimeoutSeconds": ${limit}, "States": {"W": {"Type": "Pass", "End": true}}}"#,
        "wait-1e12.json": #"{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 1e12, "End": true}}}"#,
        "wait--5.json": #"{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": -5, "End": true}}}"#,
        "wait-1.5.json": #"{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 1.5, "End": true}}}"#,
        "retry-forever.json": """
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:111111111111:function:f",
              "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 100, "BackoffRate": 2}], "End": true}}}
            """,
        "bad-retry.json": """
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:111111111111:function:f",
              "Retry": [{"ErrorEquals": ["States.ALL"], "MaxDelaySeconds": 31622401}], "End": true}}}
            """,
        "extra-field.json": #"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Bogus": 1, "End": true}}}"#,
    ]

    func run(_ definition: String, input: String? = nil, mock: String? = nil, testCase: String? = nil,
             format: RunInvocation.Format = .result) -> RunInvocation.Outcome {
        var invocation = RunInvocation(definition: definition, input: input, mockConfig: mock, testCase: testCase, format: format)
        invocation.read = { path throws(DefinitionReadError) in
            guard let text = Self.files[path] else { throw .notFound(path) }
            return Array(text.utf8)
        }
        return invocation.run()
    }

    func parsed(_ outcome: RunInvocation.Outcome) throws -> JSON {
        try JSONParser().parse(outcome.output)
    }

    @Test func aSucceededRunPrintsStatusAndOutputAndExitsZero() throws {
        let outcome = run("hello.json", input: "input.json")
        #expect(outcome.exitCode == 0)
        #expect(try parsed(outcome) == ["status": "SUCCEEDED", "output": ["greeting": "hello world"]])
    }

    @Test func aFailedRunPrintsErrorAndCauseAndExitsOne() throws {
        let outcome = run("fail.json")
        #expect(outcome.exitCode == 1)
        #expect(try parsed(outcome) == ["status": "FAILED", "error": "Nope", "cause": "not today"])
    }

    @Test func historyFormatIsShapedLikeGetExecutionHistory() throws {
        let history = try parsed(run("hello.json", input: "input.json", format: .history))
        let events = try #require(history["events"]?.arrayValue)
        #expect(events.map { $0["type"]?.stringValue } == ["ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"])
        #expect(events[1]["stateEnteredEventDetails"]?["input"] == #"{"name":"world"}"#)
        #expect(events[3]["executionSucceededEventDetails"]?["output"] == #"{"greeting":"hello world"}"#)
        #expect(events[2]["previousEventId"] == 2)
    }

    @Test func tasksAreAnsweredByTheMockConfiguration() throws {
        let outcome = run("task.json", mock: "mock.json", testCase: "Happy")
        #expect(try parsed(outcome) == ["status": "SUCCEEDED", "output": ["Payload": 1]])
    }

    @Test func typeExpressRunsAnExpressExecution() throws {
        let command = try RunCommand.parse(["context.json", "--type", "express"])
        #expect(command.type == .express)
        var invocation = RunInvocation(definition: "context.json", format: .result)
        invocation.type = command.type
        invocation.read = { path throws(DefinitionReadError) in
            guard let text = Self.files[path] else { throw .notFound(path) }
            return Array(text.utf8)
        }
        let id = try #require(try parsed(invocation.run())["output"]?["id"]?.stringValue)
        #expect(id.hasPrefix("arn:aws:states:us-east-1:111111111111:express:M:"))
        #expect(try parsed(run("context.json"))["output"]?["id"]?.stringValue?.contains(":execution:M:") == true)
    }

    @Test func anUnansweredTaskIsAUsageErrorThatSaysHowToMockIt() {
        let outcome = run("task.json")
        #expect(outcome.exitCode == 2)
        #expect(outcome.output.isEmpty)
        #expect(outcome.errors.joined().contains("Task state 'Call'"))
        #expect(outcome.errors.joined().contains("--mock-config"))
    }

    @Test func anUnknownTestCaseIsNamedWithTheOnesThatExist() {
        let outcome = run("task.json", mock: "mock.json", testCase: "Sad")
        #expect(outcome.exitCode == 2)
        #expect(outcome.errors == [#"mock.json: error: state machine "M" has no test case "Sad" (it has: Happy)"#])
    }

    @Test func malformedInputIsReportedWithFileLineAndColumn() {
        let outcome = run("hello.json", input: "broken-input.json")
        #expect(outcome.exitCode == 2)
        #expect(outcome.errors.first?.hasPrefix("broken-input.json:2:") == true)
    }

    @Test func aMissingDefinitionFileIsAUsageError() {
        let outcome = run("nowhere.json")
        #expect(outcome.exitCode == 2)
        #expect(outcome.errors.first?.contains("nowhere.json") == true)
    }

    @Test func aDefinitionThatNamesAMissingStateIsRefusedWithItsPlace() {
        let outcome = run("dangling.json")
        #expect(outcome.exitCode == 2)
        #expect(outcome.errors.first?.hasPrefix("dangling.json:1:") == true)
        #expect(outcome.errors.first?.contains("MISSING_TRANSITION_TARGET") == true)
    }

    @Test func aYAMLDefinitionRunsLikeItsJSONTwin() throws {
        let outcome = run("hello.asl.yaml", input: "input.json")
        #expect(try parsed(outcome) == ["status": "SUCCEEDED", "output": ["greeting": "hello world"]])
    }

    @Test func aTemplateRunsTheStateMachineItsNameChooses() throws {
        #expect(try parsed(run("stack.yaml#Greet")) == ["status": "SUCCEEDED", "output": "hello world"])
        let outcome = run("stack.yaml")
        #expect(outcome.exitCode == 2)
        #expect(outcome.errors == ["asldb run: stack.yaml: the template declares 2 state machines (Greet, Wait); choose one as stack.yaml#NAME, e.g. stack.yaml#Greet"])
    }

    @Test func unquotedPlaceholdersDoNotStopARun() throws {
        #expect(try parsed(run("timeout.json")) == ["status": "SUCCEEDED", "output": [:]])
    }

    @Test(arguments: ["1e12", "-5", "1.5"])
    func aWaitWhoseSecondsAWSRefusesIsNotRunAsSomeOtherWait(_ seconds: String) {
        let outcome = run("wait-\(seconds).json")
        #expect(outcome.exitCode == ExitStatus.usage)
        #expect(outcome.output.isEmpty)
        let lines = outcome.errors.joined(separator: "\n").split(separator: "\n")
        #expect(lines.first?.hasPrefix("wait-\(seconds).json:1:") == true)
        #expect(lines.first?.contains("'Seconds' must be an integer from 0 to 99999999") == true)
        #expect(lines.first?.hasSuffix("(at $.States.W.Seconds)") == true)
        #expect(lines.last == "asldb run: wait-\(seconds).json cannot be run; fix the errors above")
    }

    /// `asldb trace` refuses what `asldb run` refuses, with the same lines and exit code.
    @Test(arguments: ["dangling.json", "wait-1e12.json", "bad-retry.json", "nowhere.json"])
    func traceRefusesAnUnrunnableDefinitionAsRunDoes(_ file: String) {
        var trace = RunInvocation(definition: file, format: .trace)
        trace.read = { path throws(DefinitionReadError) in
            guard let text = Self.files[path] else { throw .notFound(path) }
            return Array(text.utf8)
        }
        let traced = trace.run(), ran = run(file)
        #expect(traced.exitCode == ExitStatus.usage && ran.exitCode == ExitStatus.usage)
        #expect(traced.output.isEmpty)
        let runLines = ran.errors.joined(separator: "\n").split(separator: "\n")
        let traceLines = traced.errors.joined(separator: "\n").split(separator: "\n")
        // The same diagnostics; only the command names itself.
        #expect(traceLines.map { $0.replacing("asldb trace:", with: "asldb run:") } == runLines)
        #expect(traceLines.last?.hasPrefix("asldb trace:") == true)
    }

    @Test func aRetrierAWSRefusesIsNotRunWithADefaultInstead() {
        let outcome = run("bad-retry.json")
        #expect(outcome.exitCode == ExitStatus.usage)
        #expect(outcome.errors.first?.contains("(at $.States.T.Retry[0].MaxDelaySeconds)") == true)
    }

    @Test func aFieldAWSDoesNotKnowStillRuns() throws {
        #expect(try parsed(run("extra-field.json")) == ["status": "SUCCEEDED", "output": [:]])
    }

    @Test func anEndlesslyDoublingBackOffTimesTheTraceOutAfterAYear() {
        var invocation = RunInvocation(definition: "retry-forever.json", format: .trace, inject: ["T=Boom"])
        invocation.read = { path throws(DefinitionReadError) in
            guard let text = Self.files[path] else { throw .notFound(path) }
            return Array(text.utf8)
        }
        let outcome = invocation.run()
        #expect(outcome.exitCode == ExitStatus.failed)
        #expect(outcome.output.contains("+31536000.000s ExecutionTimedOut  States.Timeout"))
    }

    @Test(arguments: ["0", "100000000", "9223372036854776"])
    func aHandlerTimeoutOutsideATasksTimeoutRangeIsAUsageError(_ seconds: String) {
        #expect {
            _ = try RunCommand.parse(["hello.json", "--handler-timeout", seconds])
        } throws: { error in
            RunCommand.message(for: error).contains("--handler-timeout must be a whole number of seconds from 1 to 99999999")
        }
    }
}

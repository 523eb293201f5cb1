import StatesEngine
import Testing

/// Local handlers: real commands answer Task states, and misbehaving ones fail the task
/// instead of hanging asldb.
@Suite struct HandlerTests {
    static func task(_ resource: String = "arn:aws:lambda:us-east-1:111111111111:function:charge",
                     extra: String = "", retry: String = "") -> String {
        #"{"StartAt": "Charge", "States": {"Charge": {"Type": "Task", "Resource": "\#(resource)"\#(extra)\#(retry), "End": true}}}"#
    }

    func source(_ command: String, name: String = "Charge") -> HandlerTaskSource {
        HandlerTaskSource(handlers: [HandlerSpec(name: name, command: command)], defaultTimeoutSeconds: 5)
    }

    @Test func theHandlerReadsTheInputOnStdinAndItsStdoutIsTheResult() throws {
        let execution = try run(Self.task(), input: ["amount": 5], source: source(#"read x; echo "{\"got\": $x}""#))
        #expect(execution.status == .succeeded)
        #expect(execution.output == ["got": ["amount": 5]])
    }

    @Test func aLambdaFunctionNameOrResourceArnSelectsTheHandler() throws {
        let byFunction = try run(Self.task(), source: source("echo 1", name: "charge"))
        #expect(byFunction.output == 1)
        let arn = "arn:aws:states:::lambda:invoke"
        let byArn = try run(Self.task(arn, extra: #", "Parameters": {"FunctionName": "charge", "Payload": {"n": 2}}"#),
                            source: source("cat", name: arn))
        #expect(byArn.output?["Payload"] == ["n": 2])
        #expect(byArn.output?["StatusCode"] == 200)
    }

    @Test func aLambdaStyleErrorDocumentBecomesThatErrorAndIsRetried() throws {
        let retry = #", "Retry": [{"ErrorEquals": ["CardDeclined"], "MaxAttempts": 1}]"#
        let handler = source(#"if [ "$ASLDB_ATTEMPT" = 0 ]; then echo '{"errorType": "CardDeclined", "errorMessage": "no"}'; exit 1; fi; echo '"ok"'"#)
        let execution = try run(Self.task(retry: retry), source: handler)
        #expect(execution.output == "ok")
        #expect(handler.runs.count == 2)
        let failing = try run(Self.task(), source: source(#"echo '{"errorType": "CardDeclined", "errorMessage": "no"}'; exit 1"#))
        #expect(failing.failure?.error == "CardDeclined")
        #expect(failing.failure?.cause.contains("\"errorMessage\":\"no\"") == true)
    }

    @Test func garbageOrAPlainNonZeroExitIsATaskFailureThatSaysWhy() throws {
        let garbage = try run(Self.task(), source: source("echo 'not json'"))
        #expect(garbage.failure?.error == "States.TaskFailed")
        #expect(garbage.failure?.cause.contains("not JSON") == true)
        let crash = try run(Self.task(), source: source("echo boom >&2; exit 3"))
        #expect(crash.failure?.error == "States.TaskFailed")
        #expect(crash.failure?.cause.contains("exited with status 3") == true)
        #expect(crash.failure?.cause.contains("boom") == true)
    }

    @Test func timeoutSecondsKillsAHandlerThatNeverAnswers() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let execution = try run(Self.task(extra: #", "TimeoutSeconds": 1"#), source: source("sleep 30 & sleep 30"))
        #expect(execution.failure?.error == "States.Timeout")
        #expect(clock.now - start < .seconds(10))
    }

    @Test func aBackgroundJobLeftBehindDoesNotDelayTheAnswer() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let execution = try run(Self.task(extra: #", "TimeoutSeconds": 20"#), source: source("(sleep 30 &); echo 7"))
        #expect(execution.output == 7)
        #expect(clock.now - start < .seconds(5))
    }

    @Test func heartbeatSecondsFailsAHandlerThatGoesQuiet() throws {
        let execution = try run(Self.task(extra: #", "TimeoutSeconds": 20, "HeartbeatSeconds": 1"#),
                                source: source("echo tick >&2; sleep 30"))
        #expect(execution.failure?.error == "States.HeartbeatTimeout")
    }

    @Test func stderrIsKeptForTheDebugger() throws {
        let handler = source("echo 'charging card' >&2; echo 1")
        _ = try run(Self.task(), source: handler)
        #expect(handler.runs.first?.stderr == "charging card\n")
    }

    @Test func aWaitForTaskTokenHandlerAnswersWithTheTokenInItsEnvironment() throws {
        let resource = "arn:aws:states:::sqs:sendMessage.waitForTaskToken"
        let extra = #", "Parameters": {"MessageBody": {"token.$": "$$.Task.Token"}}"#
        let execution = try run(Self.task(resource, extra: extra),
                                source: source(#"read body; echo "{\"sameToken\": $(echo "$body" | grep -c "$ASLDB_TASK_TOKEN")}""#))
        #expect(execution.output == ["sameToken": 1])
    }

    @Test func handlerArgumentsNeedANameAndACommand() {
        #expect(HandlerSpec(argument: "Charge=./charge.sh --dry") == HandlerSpec(name: "Charge", command: "./charge.sh --dry"))
        #expect(HandlerSpec(argument: "Charge") == nil)
        #expect(HandlerSpec(argument: "=cmd") == nil)
    }
}

import StatesEngine
import Testing

/// HeartbeatSeconds on the virtual clock: a worker that answers late misses its heartbeat unless
/// it sent heartbeats (nested delays) often enough.
@Suite struct HeartbeatTests {
    static let definition = """
        {"StartAt": "Approve", "States": {"Approve": {"Type": "Task",
          "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
          "Parameters": {"QueueUrl": "q", "MessageBody": {"token.$": "$$.Task.Token"}},
          "HeartbeatSeconds": 10, "TimeoutSeconds": 100, "End": true}}}
        """

    func answer(_ response: TaskResponse) throws -> Execution {
        try run(Self.definition, source: ClosureTaskSource { _ in response })
    }

    @Test func aLateAnswerWithoutHeartbeatsTimesOutAtHeartbeatSeconds() throws {
        let execution = try answer(.after(seconds: 30, .succeeded(["ok": true])))
        #expect(execution.status == .failed)
        #expect(execution.failure?.error == "States.HeartbeatTimeout")
        #expect(execution.now - execution.options.startTime == 10_000)
    }

    @Test func heartbeatsSentInTimeKeepTheTaskAlive() throws {
        let beating: TaskResponse = .after(seconds: 8, .after(seconds: 8, .after(seconds: 8, .succeeded(["ok": true]))))
        let execution = try answer(beating)
        #expect(execution.status == .succeeded)
        #expect(execution.output == ["ok": true])
        #expect(execution.now - execution.options.startTime == 24_000)
    }

    @Test func aGapLongerThanHeartbeatSecondsTimesOutAtThatGap() throws {
        let execution = try answer(.after(seconds: 8, .after(seconds: 15, .succeeded(["ok": true]))))
        #expect(execution.failure?.error == "States.HeartbeatTimeout")
        // The last heartbeat came at +8 s; ten seconds later the heartbeat is missed.
        #expect(execution.now - execution.options.startTime == 18_000)
    }

    @Test func timeoutSecondsStillBoundsAWorkerThatKeepsBeating() throws {
        var beating: TaskResponse = .succeeded(["ok": true])
        for _ in 0..<30 { beating = .after(seconds: 5, beating) }
        let execution = try answer(beating)
        #expect(execution.failure?.error == "States.Timeout")
        #expect(execution.now - execution.options.startTime == 100_000)
    }
}

import Foundation
import StatesEngine
import Testing

/// Reads a file of `Tests/ReplayFixtures`.
func replayFixture(_ name: String, filePath: String = #filePath) throws -> JSON {
    let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
    let data = try Data(contentsOf: directory.appendingPathComponent("ReplayFixtures/" + name))
    return try JSONParser().parse(Array(data))
}

func replayFixtureMachine(_ name: String) throws -> StateMachine {
    try #require(DefinitionLoader.load(json: try replayFixture(name)).machine)
}

/// Replaying AWS histories: answers come from the recording, departures are shown, and bad
/// histories get messages that say what is wrong.
@Suite struct ReplayTests {
    func replay(_ history: String = "order.history.json", _ definition: String = "order.asl.json") throws -> Replay {
        try Replay(definition: try replayFixtureMachine(definition), recorded: try RecordedHistory(json: try replayFixture(history)))
    }

    @Test func aReplayReproducesRetriesAndMapIterationsFromTheRecording() throws {
        let outcome = try replay().run()
        #expect(outcome.divergence == nil)
        #expect(outcome.execution.status == .succeeded)
        #expect(outcome.execution.output?["payment"] == ["charged": 42])
        #expect(outcome.execution.output?["shipped"] == [["tracking": "T1"], ["tracking": "T1"]])
        let recorded = try replayFixture("order.history.json")
        #expect(outcome.execution.historyJSON == recorded)
    }

    @Test func recordedTimingsAndTimeoutsComeBackOnTheVirtualClock() throws {
        let outcome = try replay("timeout.history.json", "timeout.asl.json").run()
        #expect(outcome.divergence == nil)
        let events = outcome.execution.history.all
        #expect(events.map(\.type.rawValue).contains("LambdaFunctionTimedOut"))
        // Started 10:00:00; timed out after 5 s, 2 s back-off, 2 s answer.
        #expect(events.last.map { VirtualTime.cli($0.timestamp) } == "2024-05-01T10:00:09.000000+00:00")
    }

    @Test func aChangedDefinitionStopsAtTheFirstDifferenceWithBothSides() throws {
        var text = JSONPrinter.compact(try replayFixture("order.asl.json"))
        text = text.replacingOccurrences(of: "$.payment", with: "$.charge")
        let changed = try machine(text)
        let outcome = try Replay(definition: changed, recorded: try RecordedHistory(json: try replayFixture("order.history.json"))).run()
        let divergence = try #require(outcome.divergence)
        #expect(divergence.recorded?.id == 9)
        #expect(divergence.local?.type.rawValue == "TaskStateExited")
        #expect(divergence.reason == "the output differs")
        #expect(divergence.stateName == "Charge")
        #expect(outcome.execution.history.count == 9)
        #expect(divergence.description.contains(#""payment":{"charged":42}"#))
        #expect(divergence.description.contains(#""charge":{"charged":42}"#))
    }

    @Test func mapIterationsRecordedInAnotherOrderStillReplay() throws {
        let definition = #"{"StartAt": "M", "States": {"M": {"Type": "Map", "ItemProcessor": {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f", "Payload.$": "$"}, "End": true}}}, "End": true}}}"#
        var original = Execution(definition: try machine(definition), input: ["a", "b", "c"], options: ExecutionOptions(taskSource: ClosureTaskSource { request in
            .succeeded(["Payload": .string((request.input["Payload"]?.stringValue ?? "") + "!")])
        }))
        try original.run()
        // Swap the first and last iteration blocks, as interleaved AWS iterations may appear.
        var events = try #require(original.historyJSON["events"]?.arrayValue)
        let starts = events.indices.filter { events[$0]["type"] == "MapIterationStarted" }
        let ends = events.indices.filter { events[$0]["type"] == "MapIterationSucceeded" }
        let first = Array(events[starts[0]...ends[0]]), last = Array(events[starts[2]...ends[2]])
        events.replaceSubrange(starts[2]...ends[2], with: first)
        events.replaceSubrange(starts[0]...ends[0], with: last)
        let outcome = try Replay(definition: try machine(definition), recorded: try RecordedHistory(json: ["events": .array(events)])).run()
        #expect(outcome.divergence == nil)
        #expect(outcome.execution.output == original.output)
    }

    @Test func aForkContinuesFromTheRecordingWithAnotherTaskSource() throws {
        // Event 5 is the first Charge attempt's failure; from there the card is accepted at once.
        let fork = try replay().fork(after: 5, taskSource: ClosureTaskSource { request in
            request.stateName == "Charge" ? .succeeded(["charged": 99]) : .succeeded(["Payload": ["tracking": "X"]])
        })
        #expect(fork.history.count == 5)
        // Mid-task (event 7 is decided together with 8) the fork lands before the task.
        #expect(try replay().fork(after: 7, taskSource: NoTaskSource()).history.count == 5)
        var continued = fork
        try continued.run()
        #expect(continued.output?["payment"] == ["charged": 99])
        #expect(continued.output?["shipped"] == [["tracking": "X"], ["tracking": "X"]])
    }

    @Test func aForkCanContinueWithEditedData() throws {
        // After event 9 (Charge exited) the Map state waits to be entered: give it one item only.
        var fork = try replay().fork(after: 9, taskSource: ClosureTaskSource { _ in .succeeded(["Payload": ["tracking": "Z"]]) })
        let edited = fork.editPendingInput(["order": 7, "items": ["lamp"]])
        #expect(edited)
        try fork.run()
        #expect(fork.output?["shipped"] == [["tracking": "Z"]])
    }

    /// A history whose payloads are JSON values except the execution input, still JSON text (as
    /// some recordings of SQS callback chains are), or whose payloads are text but one is null.
    @Test func anExecutionInputGivenAsJSONTextIsReplayedAsTheDocumentItHolds() throws {
        let definition = #"{"StartAt": "Send", "States": {"Send": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "Parameters": {"QueueUrl.$": "$.QueueUrl", "MessageBody": {"Message.$": "$.Message", "TaskToken.$": "$$.Task.Token"}}, "End": true}}}"#
        var original = Execution(definition: try machine(definition), input: ["QueueUrl": "https://q", "Message": "hi"],
                                 options: ExecutionOptions(taskSource: ClosureTaskSource { _ in .succeeded(["reply": "ok"]) }))
        try original.run()
        let text = try #require(original.historyJSON["events"]?.arrayValue)
        func decoded(_ event: JSON, keepingInputText: Bool) -> JSON {
            guard case .object(var object) = event else { return event }
            for (key, member) in object where key.hasSuffix("EventDetails") {
                guard case .object(var details) = member else { continue }
                for payload in ["input", "output", "parameters"] {
                    guard let value = details[payload]?.stringValue, !(keepingInputText && key == "executionStartedEventDetails") else { continue }
                    details[payload] = (try? JSONParser().parse(value)) ?? .null
                }
                object[key] = .object(details)
            }
            return .object(object)
        }
        let mixed = text.map { decoded($0, keepingInputText: true) }
        #expect(mixed[0]["executionStartedEventDetails"]?["input"]?.stringValue != nil)
        let replayed = try Replay(definition: try machine(definition), recorded: try RecordedHistory(json: ["events": .array(mixed)]))
        #expect(replayed.recorded.input == ["QueueUrl": "https://q", "Message": "hi"])
        let outcome = try replayed.run()
        #expect(outcome.divergence == nil)
        #expect(outcome.execution.output == ["reply": "ok"])

        // Text payloads with one null among them are still text.
        var withNull = text
        guard case .object(var last) = withNull[withNull.count - 1], case .object(var details)? = last["executionSucceededEventDetails"] else {
            Issue.record("no ExecutionSucceeded event")
            return
        }
        details["output"] = .null
        last["executionSucceededEventDetails"] = .object(details)
        withNull[withNull.count - 1] = .object(last)
        #expect(try RecordedHistory(json: ["events": .array(withNull)]).input == ["QueueUrl": "https://q", "Message": "hi"])

        // An execution whose input was a JSON string keeps it: its first state entered with that string.
        var stringInput = Execution(definition: try machine(#"{"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": {"x": 1}, "End": true}}}"#),
                                    input: "{\"not\": \"decoded\"}", options: ExecutionOptions())
        try stringInput.run()
        let values = try #require(stringInput.historyJSON["events"]?.arrayValue).map { decoded($0, keepingInputText: false) }
        #expect(try RecordedHistory(json: ["events": .array(values)]).input == "{\"not\": \"decoded\"}")
    }

    @Test func historiesThatCannotBeReplayedSayWhatIsMissing() throws {
        let whole = try #require(try replayFixture("order.history.json").objectValue)
        let events = try #require(whole["events"]?.arrayValue)

        var paged = whole
        paged["nextToken"] = "AAAA"
        #expect(throws: ReplayProblem.self) { try RecordedHistory(json: .object(paged)) }
        #expect(message { _ = try RecordedHistory(json: .object(paged)) }.contains("nextToken"))

        let withoutStart = JSON.object(["events": .array(Array(events.dropFirst(3)))])
        #expect(message { _ = try RecordedHistory(json: withoutStart) }.contains("does not begin with ExecutionStarted (it begins with event 4"))

        var noData = events
        noData[0] = ["type": "ExecutionStarted", "id": 1, "previousEventId": 0, "executionStartedEventDetails": ["roleArn": "r"]]
        #expect(message { _ = try RecordedHistory(json: ["events": .array(noData)]) }.contains("--include-execution-data"))

        let cut = try RecordedHistory(json: ["events": .array(Array(events.prefix(6)))])
        let problem = message { _ = try Replay(definition: try replayFixtureMachine("order.asl.json"), recorded: cut).run() }
        #expect(problem.contains("Task state 'Charge' attempt 2"))
        #expect(problem.contains("history ends"))
    }

    @Test func aHistoryOfAnotherStateMachineNamesTheStrangeState() throws {
        let other = try machine(#"{"StartAt": "Hello", "States": {"Hello": {"Type": "Pass", "End": true}}}"#)
        let problem = message { _ = try Replay(definition: other, recorded: try RecordedHistory(json: try replayFixture("order.history.json"))) }
        #expect(problem.contains("event 2 enters state 'Charge'"))
    }

    func message(_ body: () throws -> Void) -> String {
        do {
            try body()
            return ""
        } catch {
            return "\(error)"
        }
    }
}

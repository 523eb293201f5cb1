import Foundation
import Testing
@testable import CommandLineSupport
import StatesEngine

/// Paths in `Tests/ReplayFixtures`.
func fixturePath(_ name: String, filePath: String = #filePath) -> String {
    URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ReplayFixtures/" + name).path
}

/// A fresh empty directory for files a test writes.
func temporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "asldb-replay-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// `asldb replay` as an on-call engineer uses it.
@Suite struct ReplayCommandTests {
    func replay(_ history: String = "order.history.json", definition: String = "order.asl.json",
                _ configure: (inout ReplayInvocation) -> Void = { _ in }) -> RunInvocation.Outcome {
        var invocation = ReplayInvocation(history: fixturePath(history), definition: fixturePath(definition))
        configure(&invocation)
        return invocation.run()
    }

    @Test func aReplayPrintsTheResultAndExitsLikeRun() throws {
        let outcome = replay()
        #expect(outcome.exitCode == 0)
        let result = try JSONParser().parse(outcome.output)
        #expect(result["status"] == "SUCCEEDED")
        #expect(result["output"]?["payment"] == ["charged": 42])
    }

    @Test func describeStateMachineOutputIsAcceptedAsTheDefinition() throws {
        let outcome = replay(definition: "order.described.json") { $0.format = .history }
        #expect(outcome.exitCode == 0)
        #expect(try JSONParser().parse(outcome.output) == JSONParser().parse(Array(FileManager.default.contents(atPath: fixturePath("order.history.json"))!)))
    }

    @Test func aYAMLDefinitionReplaysTheSameHistory() throws {
        // JSON is YAML too, so the same text under a YAML name goes through the YAML reader.
        let directory = try temporaryDirectory()
        try String(contentsOfFile: fixturePath("order.asl.json"), encoding: .utf8).write(toFile: directory + "/order.asl.yaml", atomically: true, encoding: .utf8)
        var invocation = ReplayInvocation(history: fixturePath("order.history.json"), definition: directory + "/order.asl.yaml")
        invocation.format = .history
        let outcome = invocation.run()
        #expect(outcome.exitCode == 0)
        #expect(try JSONParser().parse(outcome.output) == JSONParser().parse(Array(FileManager.default.contents(atPath: fixturePath("order.history.json"))!)))
    }

    @Test func aDivergenceExitsOneAndShowsBothSides() throws {
        let directory = try temporaryDirectory()
        let changed = try String(contentsOfFile: fixturePath("order.asl.json"), encoding: .utf8).replacingOccurrences(of: "$.payment", with: "$.charge")
        try changed.write(toFile: directory + "/changed.json", atomically: true, encoding: .utf8)
        var invocation = ReplayInvocation(history: fixturePath("order.history.json"), definition: directory + "/changed.json")
        let outcome = invocation.run()
        #expect(outcome.exitCode == 1)
        let message = outcome.errors.joined(separator: "\n")
        #expect(message.contains("recorded event 9: TaskStateExited"))
        #expect(message.contains("local    event 9: TaskStateExited"))
        #expect(message.contains("--keep-going"))
        invocation.keepGoing = true
        #expect(invocation.run().output.contains("\"charge\""))
    }

    @Test func traceFormatPrintsTheReplayLikeAsldbTrace() {
        let outcome = replay { $0.format = .trace }
        #expect(outcome.exitCode == 0)
        #expect(outcome.output.hasPrefix("asldb trace · replay of "))
        #expect(outcome.output.contains("▶ Charge"))
        #expect(outcome.output.contains("CardDeclined"))
    }

    @Test func aHandlerOverridesTheRecordedAnswer() throws {
        let outcome = replay {
            $0.handlers = [#"Charge=echo '{"charged": 1}'"#]
            $0.keepGoing = true
        }
        let result = try JSONParser().parse(outcome.output)
        #expect(result["output"]?["payment"] == ["charged": 1])
        #expect(outcome.exitCode == 1)
        #expect(outcome.errors.joined().contains("departs"))
    }

    @Test func unusableHistoriesExitTwoWithTheReason() throws {
        let directory = try temporaryDirectory()
        try #"{"events": [{"id": 5, "type": "TaskStateEntered", "previousEventId": 4}]}"#.write(toFile: directory + "/cut.json", atomically: true, encoding: .utf8)
        let outcome = ReplayInvocation(history: directory + "/cut.json", definition: fixturePath("order.asl.json")).run()
        #expect(outcome.exitCode == 2)
        #expect(outcome.errors.joined().contains("does not begin with ExecutionStarted"))
        let missing = ReplayInvocation(history: directory + "/nope.json", definition: fixturePath("order.asl.json")).run()
        #expect(missing.exitCode == 2)
        #expect(missing.errors.joined().contains("nope.json"))
    }

    @Test func exportTestWritesATestCaseAndNeverOverwrites() throws {
        let directory = try temporaryDirectory()
        let first = replay { $0.exportTest = directory; $0.testCase = "Incident" }
        #expect(first.exitCode == 0)
        #expect(first.errors.joined().contains("wrote test case \"Incident\""))
        let second = replay { $0.exportTest = directory; $0.testCase = "Incident" }
        #expect(second.errors.joined().contains("wrote test case \"Incident-2\""))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(files == ["Incident-2.expected.json", "Incident-2.input.json", "Incident.expected.json", "Incident.input.json", "mock-config.json"])
        let mock = try JSONParser().parse(Array(FileManager.default.contents(atPath: directory + "/mock-config.json")!))
        #expect(mock["StateMachines"]?["M"]?["TestCases"]?.objectValue?.keys.sorted() == ["Incident", "Incident-2"])
    }
}

import Foundation
import Testing
@testable import CommandLineSupport
import StatesEngine

/// `asldb test`: every test case of a mock configuration, one line each, a summary, JUnit XML.
@Suite struct TestCasesCommandTests {
    /// A directory with the order fixture's mock configuration and sidecars.
    func suiteDirectory(expected: [String: String]) throws -> String {
        let directory = try temporaryDirectory()
        let mock = #"""
            {"StateMachines": {"Orders": {"TestCases": {"Declined": {"Charge": "DeclinedOnce", "ShipItem": "Shipped"},
                                                         "AlwaysDeclined": {"Charge": "Declined", "ShipItem": "Shipped"},
                                                         "Unchecked": {"Charge": "DeclinedOnce", "ShipItem": "Shipped"}}}},
             "MockedResponses": {
               "DeclinedOnce": {"0": {"Throw": {"Error": "CardDeclined", "Cause": "no"}}, "1": {"Return": {"StatusCode": 200, "Payload": {"charged": 42}}}},
               "Declined": {"0-3": {"Throw": {"Error": "CardDeclined", "Cause": "no"}}},
               "Shipped": {"0": {"Return": {"StatusCode": 200, "Payload": {"tracking": "T1"}}}}}}
            """#
        try mock.write(toFile: directory + "/mock-config.json", atomically: true, encoding: .utf8)
        let input = #"{"order": 7, "items": ["book"]}"#
        for name in ["Declined", "AlwaysDeclined", "Unchecked"] {
            try input.write(toFile: directory + "/\(name).input.json", atomically: true, encoding: .utf8)
        }
        for (name, text) in expected {
            try text.write(toFile: directory + "/\(name).expected.json", atomically: true, encoding: .utf8)
        }
        return directory
    }

    @Test func everyCaseGetsALineAndTheSummaryCountsFailures() throws {
        let directory = try suiteDirectory(expected: [
            "Declined": #"{"status": "SUCCEEDED", "output": {"order": 7, "items": ["book"], "payment": {"charged": 42}, "shipped": [{"tracking": "T1"}]}}"#,
            "AlwaysDeclined": #"{"status": "SUCCEEDED"}"#,
        ])
        let (outcome, results, suite) = TestCasesInvocation(mockConfig: directory + "/mock-config.json", definition: fixturePath("order.asl.json")).run()
        let lines = outcome.output.split(separator: "\n").map(String.init)
        #expect(lines == [
            "PASS Declined (SUCCEEDED)",
            #"FAIL AlwaysDeclined: expected status "SUCCEEDED", got "FAILED""#,
            "PASS Unchecked (SUCCEEDED, no expectation to check)",
            "2 passed, 1 failed",
        ])
        #expect(outcome.exitCode == 1)
        let xml = TestCasesJUnit.xml(suite: suite, results: results)
        #expect(xml.contains(#"<testsuite name="Orders" tests="3" failures="1" errors="0">"#))
        #expect(xml.contains(#"<failure message="expected status &quot;SUCCEEDED&quot;, got &quot;FAILED&quot;">"#))
    }

    @Test func anExportedReplayPassesAsATest() throws {
        let directory = try temporaryDirectory()
        var replay = ReplayInvocation(history: fixturePath("order.history.json"), definition: fixturePath("order.asl.json"))
        replay.exportTest = directory
        #expect(replay.run().exitCode == 0)
        let (outcome, _, _) = TestCasesInvocation(mockConfig: directory + "/mock-config.json", definition: fixturePath("order.asl.json")).run()
        #expect(outcome.output == "PASS Replay (SUCCEEDED)\n1 passed, 0 failed")
        #expect(outcome.exitCode == 0)
    }

    @Test func expectationsMayLiveInAnotherDirectory() throws {
        let directory = try suiteDirectory(expected: [:])
        let elsewhere = try temporaryDirectory()
        try #"{"status": "FAILED", "error": "CardDeclined"}"#.write(toFile: elsewhere + "/AlwaysDeclined.expected.json", atomically: true, encoding: .utf8)
        var invocation = TestCasesInvocation(mockConfig: directory + "/mock-config.json", definition: fixturePath("order.asl.json"))
        invocation.expectedDirectory = elsewhere
        let (outcome, _, _) = invocation.run()
        #expect(outcome.output.contains("PASS AlwaysDeclined (FAILED)"))
        // Inputs come from that directory too; cases there without an expectation pass once they run.
        #expect(outcome.exitCode == 0)
    }

    @Test func aCaseNobodyAnswersIsAnErrorLineNotACrash() throws {
        let directory = try temporaryDirectory()
        try #"{"StateMachines": {"M": {"TestCases": {"Empty": {}}}}, "MockedResponses": {}}"#.write(toFile: directory + "/m.json", atomically: true, encoding: .utf8)
        let (outcome, _, _) = TestCasesInvocation(mockConfig: directory + "/m.json", definition: fixturePath("order.asl.json")).run()
        #expect(outcome.output.hasPrefix("ERROR Empty: Task state 'Charge'"))
        #expect(outcome.exitCode == 1)
    }

    @Test func severalStateMachinesNeedAChoice() throws {
        let directory = try temporaryDirectory()
        try #"{"StateMachines": {"A": {"TestCases": {"x": {}}}, "B": {"TestCases": {"y": {}}}}}"#.write(toFile: directory + "/m.json", atomically: true, encoding: .utf8)
        let (outcome, _, _) = TestCasesInvocation(mockConfig: directory + "/m.json", definition: fixturePath("order.asl.json")).run()
        #expect(outcome.exitCode == 2)
        #expect(outcome.errors.joined().contains("--state-machine NAME"))
    }

    @Test func junitEscapesWhatXMLCannotHold() {
        #expect(TestCasesJUnit.escape("a<b & \"c\"\u{1B}") == "a&lt;b &amp; &quot;c&quot;\\u{1b}")
    }
}

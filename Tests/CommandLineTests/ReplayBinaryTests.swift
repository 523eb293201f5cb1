import Foundation
import StatesEngine
import Testing

/// The real binary, as a shell (or CI) sees it: `asldb replay` and `asldb test` exit codes,
/// streams and files. Runs through HandlerProcess, so a hung binary fails the test instead of hanging it.
@Suite(.enabled(if: ValidateBinary.exists, "build asldb first (swift build)"))
struct ReplayBinaryTests {
    func asldb(_ arguments: String) -> (out: String, err: String, status: Int32) {
        let result = HandlerProcess(command: "'\(ValidateBinary.path)' " + arguments, timeoutMilliseconds: 30_000).run(stdin: [])
        guard case .exited(let status) = result.ending else { return ("", "\(result.ending)", -1) }
        return (String(decoding: result.stdout, as: UTF8.self), String(decoding: result.stderr, as: UTF8.self), status)
    }

    func quoted(_ path: String) -> String { "'" + path + "'" }

    @Test func replayPrintsTheHistoryAndExitsZero() throws {
        let run = asldb("replay \(quoted(fixturePath("order.history.json"))) --definition \(quoted(fixturePath("order.asl.json"))) --format history")
        #expect(run.status == 0)
        #expect(run.err.isEmpty)
        #expect(try JSONParser().parse(run.out)["events"]?.arrayValue?.count == 28)
    }

    @Test func aPaginatedHistoryIsExitTwoWithTheFixOnStderr() throws {
        let directory = try temporaryDirectory()
        try #"{"events": [], "nextToken": "abc"}"#.write(toFile: directory + "/page.json", atomically: true, encoding: .utf8)
        let run = asldb("replay \(quoted(directory + "/page.json")) --definition \(quoted(fixturePath("order.asl.json")))")
        #expect(run.status == 2)
        #expect(run.out.isEmpty)
        #expect(run.err.contains("nextToken"))
    }

    @Test func testCommandWritesJUnitAndExitsOneOnAFailure() throws {
        let directory = try temporaryDirectory()
        let export = asldb("replay \(quoted(fixturePath("order.history.json"))) --definition \(quoted(fixturePath("order.asl.json"))) --export-test \(quoted(directory)) --test-case Incident")
        #expect(export.status == 0)
        #expect(export.err.contains("wrote test case \"Incident\""))
        let passing = asldb("test \(quoted(directory + "/mock-config.json")) --definition \(quoted(fixturePath("order.asl.json"))) --junit \(quoted(directory + "/junit.xml"))")
        #expect(passing.status == 0)
        #expect(passing.out == "PASS Incident (SUCCEEDED)\n1 passed, 0 failed\n")
        let xml = try String(contentsOfFile: directory + "/junit.xml", encoding: .utf8)
        #expect(xml.contains(#"<testcase classname="M" name="Incident"/>"#))

        try #"{"status": "FAILED"}"#.write(toFile: directory + "/Incident.expected.json", atomically: false, encoding: .utf8)
        let failing = asldb("test \(quoted(directory + "/mock-config.json")) --definition \(quoted(fixturePath("order.asl.json")))")
        #expect(failing.status == 1)
        #expect(failing.out.contains(#"FAIL Incident: expected status "FAILED", got "SUCCEEDED""#))
    }

    @Test func runWithAHandlerThatHangsEndsAtTheTimeout() throws {
        let directory = try temporaryDirectory()
        try #"{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:f", "TimeoutSeconds": 1, "End": true}}}"#
            .write(toFile: directory + "/t.json", atomically: true, encoding: .utf8)
        let run = asldb("run \(quoted(directory + "/t.json")) --handler 'T=sleep 60'")
        #expect(run.status == 1)
        #expect(try JSONParser().parse(run.out)["error"] == "States.Timeout")
    }
}

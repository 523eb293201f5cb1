import Foundation
import StatesEngine
import StatesJSON
import Testing

/// Names and values from a user's files that a terminal would act on (ESC sequences, OSC, C1
/// controls, bidirectional overrides) never reach the terminal raw from any command, and an
/// echoed megabyte is cut; the messages still name what they are about. Runs the real binary.
@Suite(.enabled(if: ValidateBinary.exists, "build asldb first (swift build)"))
struct HostileTextBinaryTests {
    /// Clears the screen, sets the window title, starts a CSI with the C1 byte, reverses text.
    static let hostile = "X\u{1B}[2J\u{1B}]0;owned\u{07}\u{9B}31m\u{202E}gnp.exe"

    func asldb(_ arguments: String) -> (out: String, err: String, status: Int32) {
        let result = HandlerProcess(command: "'\(ValidateBinary.path)' " + arguments, timeoutMilliseconds: 60_000).run(stdin: [])
        guard case .exited(let status) = result.ending else { return ("", "\(result.ending)", -1) }
        return (String(decoding: result.stdout, as: UTF8.self), String(decoding: result.stderr, as: UTF8.self), status)
    }

    /// The scalars no output of asldb may carry raw (line breaks and tabs lay out the text).
    func rawControls(_ text: String) -> [String] {
        text.unicodeScalars.filter { TerminalText.isUnsafe($0) && $0 != "\n" && $0 != "\t" }
            .map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    func write(_ json: JSON, named name: String, in directory: String) throws -> String {
        let path = directory + "/" + name
        try JSONPrinter.pretty(json).write(toFile: path, atomically: true, encoding: .utf8)
        return "'" + path + "'"
    }

    @Test func validateEscapesTheNamesItReports() throws {
        let dir = try temporaryDirectory()
        let definition = try write(["StartAt": "A", "States": ["A": ["Type": "Pass", "Next": .string(Self.hostile)]]],
                                   named: "flow.json", in: dir)
        let run = asldb("validate \(definition)")
        #expect(run.status == 1)
        #expect(rawControls(run.out + run.err) == [])
        #expect(run.out.contains(#"X\u001B[2J\u001B]0;owned\u0007\u009B31m\u202Egnp.exe"#))
    }

    @Test func runAndTraceEscapeErrorsCausesAndData() throws {
        let dir = try temporaryDirectory()
        let definition = try write([
            "StartAt": "Note",
            "States": [
                "Note": ["Type": "Pass", "Result": ["text": .string(Self.hostile)], "Next": "Stop"],
                "Stop": ["Type": "Fail", "Error": .string("E" + Self.hostile), "Cause": .string("C" + Self.hostile)],
            ],
        ], named: "flow.json", in: dir)
        for format in ["result", "trace"] {
            let run = asldb("run \(definition) --format \(format)")
            #expect(run.status == 1, "the execution fails, \(format)")
            #expect(rawControls(run.out + run.err) == [], "\(format)")
            #expect((run.out + run.err).contains(#"\u009B31m"#), "\(format) shows the C1 control escaped")
        }
        let trace = asldb("trace \(definition)")
        #expect(trace.status == 1)
        #expect(rawControls(trace.out + trace.err) == [])
    }

    @Test func jsonOutputStaysJSONThatReadsBackToTheSameText() throws {
        let dir = try temporaryDirectory()
        let definition = try write(["StartAt": "Note", "States": ["Note": ["Type": "Pass", "Result": .string(Self.hostile), "End": true]]],
                                   named: "flow.json", in: dir)
        let run = asldb("run \(definition) --format result")
        #expect(run.status == 0)
        #expect(rawControls(run.out) == [])
        let document = try JSONParser().parse(run.out)
        #expect(JSONPrinter.compact(document).contains(#"\u001B[2J"#))
        let history = asldb("run \(definition) --format history")
        #expect(rawControls(history.out) == [])
        _ = try JSONParser().parse(history.out)

        let jsonata = asldb(#"jsonata '"a\u009b31m\u202eb"'"#)
        #expect(jsonata.status == 0)
        #expect(rawControls(jsonata.out) == [])
        #expect(try JSONParser().parse(jsonata.out) == .string("a\u{9B}31m\u{202E}b"))
    }

    @Test func mockConfigurationErrorsEscapeTheirNames() throws {
        let dir = try temporaryDirectory()
        let definition = try write(["StartAt": "T", "States": ["T": ["Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f", "End": true]]],
                                   named: "flow.json", in: dir)
        let mocks = try write([
            "StateMachines": ["M": ["TestCases": ["Happy": ["T": .string(Self.hostile)]]]],
            "MockedResponses": ["R": ["0": ["Return": ["ok": true]]]],
        ], named: "mocks.json", in: dir)
        let run = asldb("run \(definition) --mock-config \(mocks) --test-case Happy --state-machine M")
        #expect(run.status == 2)
        #expect(rawControls(run.out + run.err) == [])
        #expect(run.err.contains(#"\u001B[2J"#), "the message still names the response: \(run.err)")
    }

    @Test func aMegabyteNameIsCutInTheMessageThatEchoesIt() throws {
        let dir = try temporaryDirectory()
        let huge = String(repeating: "n", count: 1_000_000)
        let pass: JSON = ["Type": "Pass", "Next": .string(huge)]
        let definition = try write(["StartAt": "A", "States": ["A": pass]], named: "flow.json", in: dir)
        let run = asldb("validate \(definition)")
        #expect(run.status == 1)
        let longest = (run.out + run.err).split(separator: "\n").map(\.count).max() ?? 0
        #expect(longest <= TerminalText.longestLine)
        #expect(run.out.contains("characters cut"))
        #expect(run.out.contains("(at $.States.A"), "the end of the message, where it points, stays")
    }
}

import Testing
@testable import CommandLineSupport
import StatesEngine

/// `asldb validate` as a user sees it: printed lines and exit codes.
@Suite struct ValidateCommandTests {
    static let files: [String: String] = [
        "ok.json": #"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Succeed"}}}"#,
        "warn.json": #"{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}, "B": {"Type": "Succeed"}}}"#,
        "bad.json": "{\"StartAt\": \"A\",\n \"States\": {\"A\": {\"Type\": \"Pass\", \"Next\": \"Nowhere\"}}}",
        "-": #"{"StartAt": "In", "States": {"In": {"Type": "Succeed"}}}"#,
        "flow.asl.yaml": "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: Nowhere\n",
        "two.yaml": """
            Resources:
              First:
                Type: AWS::Serverless::StateMachine
                Properties:
                  Definition:
                    StartAt: A
                    States: {A: {Type: Succeed}}
              Second:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  DefinitionString: !Sub |
                    {"StartAt": "A", "States": {"A": {"Type": "Wait", "Seconds": "${Delay}", "End": true}}}
            """,
    ]

    func check(_ paths: [String], quiet: Bool = false, warningsAsErrors: Bool = false) -> DefinitionCheck.Outcome {
        var check = DefinitionCheck(options: .init(quiet: quiet, warningsAsErrors: warningsAsErrors))
        check.read = { path throws(DefinitionReadError) in
            if let text = Self.files[path] { return Array(text.utf8) }
            return try DefinitionFile.read(path)
        }
        return check.run(paths)
    }

    @Test func aCleanFileIsValidAndCountsItsStates() {
        let outcome = check(["ok.json"])
        #expect(outcome == .init(output: ["ok.json: valid (2 states)"], errors: [], exitCode: 0))
    }

    @Test func standardInputIsNamedStdin() {
        #expect(check(["-"]).output == ["<stdin>: valid (1 state)"])
    }

    @Test func warningsKeepAFileValidUnlessTreatedAsErrors() {
        let warning = "warn.json:1:65: warning UNREACHABLE_STATE: state 'B' cannot be reached from 'A' (at $.States.B)"
        #expect(check(["warn.json"]) == .init(output: [warning, "warn.json: valid (2 states, 1 warning)"], errors: [], exitCode: 0))
        let strict = check(["warn.json"], warningsAsErrors: true)
        #expect(strict.output == [warning.replacing("warning UNREACHABLE", with: "error UNREACHABLE"), "warn.json: invalid (1 error)"])
        #expect(strict.exitCode == 1)
    }

    @Test func anInvalidFileListsEveryProblemInSourceOrderAndExitsOne() {
        let outcome = check(["bad.json"])
        #expect(outcome.output == [
            "bad.json:2:2: error MISSING_END_STATE: no state ends the state machine; give one state 'End: true' or use a Succeed or Fail state (at $.States)",
            "bad.json:2:35: error MISSING_TRANSITION_TARGET: 'Next' names state 'Nowhere', which does not exist (at $.States.A.Next)",
            "bad.json: invalid (2 errors)",
        ])
        #expect(outcome.exitCode == 1)
    }

    @Test func severalFilesEndWithASummaryAndTheWorstExitCode() {
        let outcome = check(["ok.json", "bad.json", "/nonexistent/x.json", "two.yaml#Third"])
        #expect(outcome.output.last == "4 files checked: 1 valid, 1 invalid, 2 unreadable; 2 errors, 0 warnings")
        #expect(outcome.errors == [
            "asldb validate: /nonexistent/x.json: no such file",
            "asldb validate: two.yaml: the template declares no state machine 'Third'; it declares First, Second",
        ])
        #expect(outcome.exitCode == 2)
    }

    @Test func yamlDefinitionsReportTheirOwnLines() {
        #expect(check(["flow.asl.yaml"]).output == [
            "flow.asl.yaml:2:1: error MISSING_END_STATE: no state ends the state machine; give one state 'End: true' or use a Succeed or Fail state (at $.States)",
            "flow.asl.yaml:5:5: error MISSING_TRANSITION_TARGET: 'Next' names state 'Nowhere', which does not exist (at $.States.A.Next)",
            "flow.asl.yaml: invalid (2 errors)",
        ])
    }

    @Test func aTemplateIsCheckedStateMachineByStateMachine() {
        let outcome = check(["two.yaml", "ok.json"])
        #expect(outcome.output == [
            "two.yaml#First: valid (1 state)",
            // The template's parameter is filled in when it is deployed; until then a stand-in.
            "two.yaml:12:59: warning PLACEHOLDER_SUBSTITUTED: 'Seconds' is the template placeholder \"${Delay}\", which is filled in "
                + "when the template is deployed; asldb waits 0 seconds (at $.States.A.Seconds)",
            "two.yaml#Second: valid (1 state, 1 warning)",
            "ok.json: valid (2 states)",
            "3 definitions in 2 files checked: 3 valid, 0 invalid; 0 errors, 1 warning",
        ])
        #expect(outcome.exitCode == 0)
        #expect(check(["two.yaml#First"]).output == ["two.yaml#First: valid (1 state)"])
    }

    @Test func directoriesAreUnreadableWithAClearMessage() {
        let outcome = check(["/tmp"])
        #expect(outcome.errors == ["asldb validate: /tmp: is a directory, not a definition file"])
        #expect(outcome.exitCode == 2)
    }

    @Test func quietPrintsOnlyProblems() {
        let outcome = check(["ok.json", "bad.json"], quiet: true)
        #expect(outcome.output.count == 2)
        #expect(outcome.output.allSatisfy { $0.contains(": error ") })
        #expect(outcome.exitCode == 1)
    }
}

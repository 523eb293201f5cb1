import Testing
@testable import StatesLanguage

/// How diagnostics name places: line:column from the source, ASL paths from JSON Pointers.
@Suite struct ValidationDiagnosticTests {
    @Test(arguments: [
        ("/States/ProcessPayment/Retry/0/BackoffRate", "$.States.ProcessPayment.Retry[0].BackoffRate"),
        ("/States/Process Payment/Next", "$.States['Process Payment'].Next"),
        ("/States/0/Type", "$.States['0'].Type"),
        ("/States/it's~1done/Type", "$.States['it\\'s/done'].Type"),
        ("", "$"),
    ])
    func pointersBecomeASLPaths(pointer: String, path: String) throws {
        let document = try JSON.parse("""
            {"States": {"ProcessPayment": {"Retry": [{"BackoffRate": 0}]}, "Process Payment": {"Next": "x"},
                        "0": {"Type": "Pass"}, "it's/done": {"Type": "Pass"}}}
            """)
        #expect(ASLPath.path(of: pointer, in: document) == path)
    }

    @Test func aDiagnosticPrintsInCompilerStyle() {
        let diagnostic = Diagnostic(severity: .error, code: .schemaValidationFailed, message: "'BackoffRate' must be a number of at least 1.0, not 0.5",
                                    pointer: "/States/P/Retry/0/BackoffRate", path: "$.States.P.Retry[0].BackoffRate",
                                    location: SourceLocation(line: 12, column: 11))
        #expect(diagnostic.formatted(fileName: "flow.asl.json")
                == "flow.asl.json:12:11: error SCHEMA_VALIDATION_FAILED: 'BackoffRate' must be a number of at least 1.0, not 0.5 (at $.States.P.Retry[0].BackoffRate)")
    }

    @Test func aDocumentNestedTooDeepGetsAShortPlace() throws {
        let loaded = DefinitionLoader.load(text: String(repeating: "[", count: 100_000), fileName: "deep.json")
        let line = try #require(loaded.errors.first).formatted(fileName: "deep.json")
        #expect(line.hasPrefix("deep.json:1:513: error INVALID_JSON_DESCRIPTION: nesting is deeper than 512 levels"))
        #expect(line.count < 300, "a one-line message, not a page of [0]: \(line.count) characters")
        #expect(line.contains("…"))
    }

    @Test func definitionsGivenAsValuesStillGetPathsAndAStableOrder() {
        let definition: JSON = ["StartAt": "A", "States": ["A": ["Type": "Pass", "Next": "B", "Bogus": 1], "C": ["Type": "Succeed"]]]
        let loaded = DefinitionLoader.load(json: definition)
        #expect(loaded.lines() == [
            "<definition>: error SCHEMA_VALIDATION_FAILED: 'Bogus' is not a field of a Pass state (at $.States.A.Bogus)",
            "<definition>: error MISSING_TRANSITION_TARGET: 'Next' names state 'B', which does not exist (at $.States.A.Next)",
            "<definition>: warning UNREACHABLE_STATE: state 'C' cannot be reached from 'A' (at $.States.C)",
        ])
    }

    @Test func everyProblemIsReportedNotJustTheFirst() {
        let loaded = DefinitionLoader.load(text: """
            {"StartAt": "Nope", "States": {
              "A": {"Type": "Task", "Resource": "arn:x", "Retry": [{"ErrorEquals": [], "BackoffRate": 0}], "Next": "Z"},
              "B": {"Type": "Wait", "End": true}}}
            """)
        #expect(loaded.errors.map(\.code.rawValue) == [
            "MISSING_TRANSITION_TARGET", "SCHEMA_VALIDATION_FAILED", "SCHEMA_VALIDATION_FAILED", "MISSING_TRANSITION_TARGET",
            "SCHEMA_VALIDATION_FAILED",
        ])
    }
}

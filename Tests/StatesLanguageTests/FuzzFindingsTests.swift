import StatesJSON
import Testing
@testable import StatesLanguage

/// Inputs the fuzz targets (scripts/fuzz.sh) found crashing asldb, kept so that they never again
/// do: each must now be refused with a syntax error a user can act on.
@Suite struct FuzzFindingsTests {
    /// A JSON literal in a filter, or a quoted path argument of an intrinsic, that ends in a
    /// backslash used to read past the end of the text (found by the `jsonpath` and
    /// `intrinsics` targets).
    @Test(arguments: [#"$.pets[?(@.species == {"A\"#, #"$.pets[?(@.species == ['\"#, #"$[?(@.a == {"\\\"#])
    func filterLiteralEndingInABackslashIsASyntaxError(path: String) {
        #expect(throws: JSONPathSyntaxError.self) { try JSONPath(path) }
    }

    @Test(arguments: [#"States.Format('{}', $['a\"#, #"States.Array($["\"#, #"States.JsonMerge($.a, $['x\\\"#])
    func intrinsicPathArgumentEndingInABackslashIsASyntaxError(call: String) {
        #expect(throws: JSONPathSyntaxError.self) { try IntrinsicCall(call) }
    }

    @Test func definitionWithSuchAFieldIsReportedWhereItIs() {
        let loaded = DefinitionLoader.load(text: #"""
        {"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"x.$": "States.Array($['\\"}, "End": true}}}
        """#)
        #expect(!loaded.isValid)
        #expect(loaded.errors.contains { $0.path.contains("'x.$'") || $0.path.contains("x.$") })
    }
}

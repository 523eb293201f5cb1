import StatesJSON
import Testing
@testable import StatesLanguage

/// `validate` parses every `{% %}` expression of a JSONata state, as AWS does when the state
/// machine is created, and says where the expression breaks.
@Suite struct JSONataValidationTests {
    private func errors(_ text: String) -> [String] {
        DefinitionLoader.load(text: text, fileName: "flow.asl.json").errors.map { $0.formatted(fileName: "flow.asl.json") }
    }

    @Test func aBrokenExpressionIsAnErrorAtItsPosition() throws {
        let text = #"{"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": "{% $states.input.a + %}", "End": true}}}"#
        let line = try #require(errors(text).first)
        #expect(line.contains("SCHEMA_VALIDATION_FAILED"))
        #expect(line.contains("S0207"))
        #expect(line.hasSuffix("(at $.States.P.Output)"))
        // The column is inside the string, past the '+' where the expression ends too soon.
        let plus = try #require(text.firstIndex(of: "+"))
        let plusColumn = text.distance(from: text.startIndex, to: plus) + 1
        let column = try #require(Int(line.split(separator: ":")[2]))
        #expect(column > plusColumn && column <= plusColumn + 3, "column \(column), '+' at \(plusColumn)")
    }

    @Test func nestedFieldsChoiceConditionsAndCatchersAreChecked() {
        let text = #"""
        {"QueryLanguage": "JSONata", "StartAt": "C", "States": {
          "C": {"Type": "Choice", "Choices": [{"Condition": "{% $states.input.n > %}", "Next": "T"}], "Default": "T"},
          "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {"Payload": {"id": "{% [1, 2 %}"}},
                "Catch": [{"ErrorEquals": ["States.ALL"], "Output": "{% $states.errorOutput. %}", "Next": "E"}], "End": true},
          "E": {"Type": "Fail", "Error": "{% 'E' & %}"}}}
        """#
        let found = errors(text)
        #expect(found.contains { $0.hasSuffix("(at $.States.C.Choices[0].Condition)") })
        #expect(found.contains { $0.hasSuffix("(at $.States.T.Arguments.Payload.id)") })
        #expect(found.contains { $0.hasSuffix("(at $.States.T.Catch[0].Output)") })
        #expect(found.contains { $0.hasSuffix("(at $.States.E.Error)") })
    }

    @Test func coalescingOperatorsAreNotStepFunctionsJSONata() throws {
        let text = #"{"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": "{% $states.input.a ?? 0 %}", "End": true}}}"#
        let line = try #require(errors(text).first)
        #expect(line.contains("no ?? or ?: operators"))
    }

    @Test func validExpressionsAndJSONPathStatesAreLeftAlone() {
        let text = #"""
        {"StartAt": "J", "States": {
          "J": {"Type": "Pass", "QueryLanguage": "JSONata", "Assign": {"n": "{% $count($states.input.items) %}"},
                "Output": {"total": "{% $sum($states.input.items.(price * qty)) %}", "when": "{% $now() %}"}, "Next": "P"},
          "P": {"Type": "Pass", "Parameters": {"text": "{% not an expression here %}"}, "End": true}}}
        """#
        #expect(errors(text).isEmpty)
    }
}

import StatesEngine
import Testing

/// States written in JSONata run as Step Functions runs them: their fields see `$states` and
/// the variables, and their failures are the errors AWS raises, with AWS's causes.
@Suite("JSONata states")
struct JSONataStateTests {
    func jsonata(_ states: String, startAt: String = "A") -> String {
        #"{"QueryLanguage": "JSONata", "StartAt": "\#(startAt)", "States": {\#(states)}}"#
    }

    @Test func passOutputAndAssignSeeTheInputAndTheVariablesBeforeTheState() throws {
        let execution = try run(jsonata("""
            "A": {"Type": "Pass", "Assign": {"n": 1, "doubled": "{% $states.input.x * 2 %}"}, "Next": "B"},
            "B": {"Type": "Pass", "Assign": {"n": "{% $n + 1 %}", "before": "{% $n %}"},
                  "Output": {"n": "{% $n %}", "doubled": "{% $doubled %}", "nested": ["{% $states.input.x %}", "literal"]}, "Next": "C"},
            "C": {"Type": "Pass", "Output": "{% {'n': $n, 'before': $before} %}", "End": true}
            """), input: ["x": 21])
        #expect(execution.status == .succeeded)
        #expect(execution.output == ["n": 2, "before": 1])
        let b = execution.history.all.first { $0.type.rawValue == "PassStateExited" && $0.details?["name"] == "B" }
        let expected: JSON = ["n": 1, "doubled": 42, "nested": [21, "literal"]]
        #expect(b?.details?["output"] == expected)
    }

    @Test func aTaskGetsItsArgumentsAndItsOutputSeesTheResult() throws {
        let source = ClosureTaskSource { request in .succeeded(["echo": request.input]) }
        let execution = try run(jsonata("""
            "A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "Arguments": {"FunctionName": "f", "Payload": {"id": "{% $states.input.id %}"}},
                  "Output": {"got": "{% $states.result.echo.Payload.id %}", "in": "{% $states.input.id %}"},
                  "Assign": {"seen": "{% $states.result.echo.FunctionName %}"}, "Next": "B"},
            "B": {"Type": "Pass", "Output": "{% $seen %}", "End": true}
            """), input: ["id": "o-1"], source: source)
        #expect(execution.status == .succeeded)
        #expect(execution.output == "f")
        let exited = execution.history.all.first { $0.type.rawValue == "TaskStateExited" }
        #expect(exited?.details?["output"] == ["got": "o-1", "in": "o-1"])
        #expect(exited?.stages?.afterArguments == ["FunctionName": "f", "Payload": ["id": "o-1"]])
    }

    @Test func anUndefinedFieldIsAQueryEvaluationErrorNamingTheField() throws {
        let execution = try run(jsonata(#""A": {"Type": "Pass", "Output": {"result": "{% $doesNotExist %}"}, "End": true}"#))
        #expect(execution.status == .failed)
        #expect(execution.failure?.error == "States.QueryEvaluationError")
        #expect(execution.failure?.cause == "An error occurred while executing the state 'A' (entered at the event id #2). "
            + "The JSONata expression '$doesNotExist' specified for the field 'Output/result' returned nothing (undefined).")
    }

    @Test func anExpressionErrorQuotesTheJSONataError() throws {
        let execution = try run(jsonata(#""A": {"Type": "Pass", "Output": "{% $nothing() %}", "End": true}"#))
        #expect(execution.failure?.cause.hasSuffix("The JSONata expression '$nothing()' specified for the field 'Output' threw an error during evaluation. T1006: Attempted to invoke a non-function") == true)
    }

    @Test func catchersSeeTheErrorOutputAndRetryAppliesAsInJSONPath() throws {
        let source = ClosureTaskSource { request in .failed(ExecutionError("Boom", cause: "attempt \(request.attempt + 1)")) }
        let execution = try run(jsonata("""
            "A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {"FunctionName": "f"},
                  "Retry": [{"ErrorEquals": ["Boom"], "MaxAttempts": 2, "IntervalSeconds": 1}],
                  "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "B",
                             "Output": {"error": "{% $states.errorOutput.Error %}", "cause": "{% $states.errorOutput.Cause %}"},
                             "Assign": {"failedWith": "{% $states.errorOutput.Error %}"}}], "End": true},
            "B": {"Type": "Pass", "Output": "{% $merge([$states.input, {'var': $failedWith}]) %}", "End": true}
            """), source: source)
        #expect(execution.status == .succeeded)
        #expect(execution.output == ["error": "Boom", "cause": "attempt 3", "var": "Boom"])
    }

    @Test func choiceTakesTheFirstTrueConditionWithThatRulesOutputElseTheDefaultsOwn() throws {
        let definition = jsonata("""
            "A": {"Type": "Choice", "Choices": [
                    {"Condition": "{% $states.input.n > 10 %}", "Next": "Big", "Output": {"size": "big"}, "Assign": {"seen": "big"}},
                    {"Condition": false, "Next": "Big"}],
                  "Default": "Small", "Output": {"size": "small"}, "Assign": {"seen": "small"}},
            "Big": {"Type": "Pass", "Output": "{% $states.input.size & '/' & $seen %}", "End": true},
            "Small": {"Type": "Pass", "Output": "{% $states.input.size & '/' & $seen %}", "End": true}
            """)
        #expect(try run(definition, input: ["n": 11]).output == "big/big")
        #expect(try run(definition, input: ["n": 1]).output == "small/small")
        let notBoolean = try run(jsonata(#""A": {"Type": "Choice", "Choices": [{"Condition": "{% 'yes' %}", "Next": "A"}]}"#))
        #expect(notBoolean.failure?.error == "States.QueryEvaluationError")
        #expect(notBoolean.failure?.cause.hasSuffix("Expected 'boolean', but was 'string' for value: \"yes\"") == true)
    }

    @Test func mapItemsItemSelectorAndVariablesInEachIteration() throws {
        let execution = try run(jsonata("""
            "A": {"Type": "Map", "Items": "{% $states.input.list %}",
                  "ItemSelector": {"value": "{% $states.context.Map.Item.Value %}", "index": "{% $states.context.Map.Item.Index %}",
                                   "factor": "{% $states.input.factor %}"},
                  "ItemProcessor": {"StartAt": "P", "States": {
                      "P": {"Type": "Pass", "Output": "{% $states.input.value * $states.input.factor + $states.input.index %}", "End": true}}},
                  "Output": "{% $sum($states.result) %}", "End": true}
            """), input: ["list": [1, 2, 3], "factor": 10])
        #expect(execution.output == 63)
        let notArray = try run(jsonata(#""A": {"Type": "Map", "Items": "{% 1 %}", "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Succeed"}}}, "End": true}"#))
        #expect(notArray.failure?.cause.hasSuffix("The JSONata expression '1' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'number' for value: 1") == true)
    }

    @Test func parallelBranchesGetTheArgumentsAndOutputCombinesTheResults() throws {
        let execution = try run(jsonata("""
            "A": {"Type": "Parallel", "Arguments": {"x": "{% $states.input.x %}"}, "Branches": [
                    {"StartAt": "P", "States": {"P": {"Type": "Pass", "Output": "{% $states.input.x + 1 %}", "End": true}}},
                    {"StartAt": "Q", "States": {"Q": {"Type": "Pass", "Output": "{% $states.input.x * 2 %}", "End": true}}}],
                  "Output": {"sum": "{% $sum($states.result) %}"}, "End": true}
            """), input: ["x": 5])
        #expect(execution.output == ["sum": 16])
    }

    @Test func waitAndFailReadTheirExpressions() throws {
        let wait = try run(jsonata(#""A": {"Type": "Wait", "Seconds": "{% $states.input.s %}", "Next": "B"}, "B": {"Type": "Pass", "Output": "{% $now() %}", "End": true}"#),
                           input: ["s": 90])
        #expect(wait.output == "2025-01-01T00:01:30.000Z")
        let badTimestamp = try run(jsonata(#""A": {"Type": "Wait", "Timestamp": "{% 'soon' %}", "End": true}"#))
        #expect(badTimestamp.failure?.error == "States.QueryEvaluationError")
        let fail = try run(jsonata(#""A": {"Type": "Fail", "Error": "{% 'E.' & $states.input.code %}", "Cause": "{% $string($states.input) %}"}"#),
                           input: ["code": 7])
        #expect(fail.failure?.error == "E.7")
        #expect(fail.failure?.cause == #"{"code":7}"#)
    }

    @Test func stepFunctionsFunctionsAreThereAndEvalIsNot() throws {
        let execution = try run(jsonata("""
            "A": {"Type": "Pass", "Output": {"p": "{% $partition([1,2,3], 2) %}", "r": "{% $range(0, 4, 2) %}",
                  "h": "{% $hash('abc', 'MD5') %}", "j": "{% $parse('{\\"a\\": 1}') %}", "u": "{% $length($uuid()) %}"}, "End": true}
            """))
        #expect(execution.output == ["p": [[1, 2], [3]], "r": [0, 2, 4], "h": "900150983cd24fb0d6963f7d28e17f72", "j": ["a": 1], "u": 36])
        let eval = try run(jsonata(#""A": {"Type": "Pass", "Output": "{% $eval('1') %}", "End": true}"#))
        #expect(eval.failure?.cause.hasSuffix("T1006: Attempted to invoke a non-function") == true)
    }

    @Test func theSameSeedGivesTheSameRandomValues() throws {
        let definition = jsonata(#""A": {"Type": "Pass", "Output": ["{% $random() %}", "{% $uuid() %}"], "End": true}"#)
        #expect(try run(definition, seed: 7).output == run(definition, seed: 7).output)
        #expect(try run(definition, seed: 7).output != run(definition, seed: 8).output)
    }

    @Test func aJSONataStateInAJSONPathMachineAndBack() throws {
        let execution = try run("""
            {"StartAt": "A", "States": {
              "A": {"Type": "Pass", "QueryLanguage": "JSONata", "Output": {"x": "{% $states.input.n + 1 %}"}, "Next": "B"},
              "B": {"Type": "Pass", "Parameters": {"y.$": "$.x", "literal": "{% not evaluated %}"}, "End": true}}}
            """, input: ["n": 1])
        #expect(execution.output == ["y": 2, "literal": "{% not evaluated %}"])
    }
}

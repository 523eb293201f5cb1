import Testing
import StatesLanguage

@Suite struct JSONPathTests {
    let store: JSON = try! JSON.parse(#"""
        {"store": {"book": [
            {"category": "reference", "author": "Nigel Rees", "title": "Sayings", "price": 8.95},
            {"category": "fiction", "author": "Evelyn Waugh", "title": "Sword", "price": 12.99},
            {"category": "fiction", "author": "Herman Melville", "title": "Moby Dick", "isbn": "0-553", "price": 8.99}],
          "bicycle": {"color": "red", "price": 19.95}},
         "odd key": {"a.b": 1}, "n": null}
        """#)

    func eval(_ path: String) throws -> JSON { try JSONPath(path).evaluate(store) }

    @Test func definitePathsGiveTheValue() throws {
        #expect(try eval("$.store.bicycle.color") == "red")
        #expect(try eval("$['store']['bicycle']['price']") == 19.95)
        #expect(try eval("$.store.book[0].author") == "Nigel Rees")
        #expect(try eval("$.store.book[-1].title") == "Moby Dick")
        #expect(try eval("$['odd key']['a.b']") == 1)
        #expect(try eval("$.n") == .null)
        #expect(try eval("$") == store)
    }

    @Test func indefinitePathsGiveArrays() throws {
        #expect(try eval("$.store.book[*].author") == ["Nigel Rees", "Evelyn Waugh", "Herman Melville"])
        #expect(try eval("$.store.book[0:2].price") == [8.95, 12.99])
        #expect(try eval("$.store.book[:1].price") == [8.95])
        #expect(try eval("$.store.book[-1:].price") == [8.99])
        #expect(try eval("$.store.book[0,2].price") == [8.95, 8.99])
        #expect(try eval("$..price") == [8.95, 12.99, 8.99, 19.95])
        #expect(try eval("$.store.book[?(@.price < 10)].title") == ["Sayings", "Moby Dick"])
        #expect(try eval("$.store.book[?(@.isbn)].title") == ["Moby Dick"])
        #expect(try eval("$.store.book[?(@.category == 'fiction' && @.price > 10)].title") == ["Sword"])
        #expect(try eval("$.store.book[?(@.price > 12 || @.author == 'Nigel Rees')].price") == [8.95, 12.99])
        #expect(try eval("$.store.book[?(@.title =~ /.*Dick/)].price") == [8.99])
        #expect(try eval("$.store.book[*].nothing") == [])
        // An indefinite path that cannot be followed gives no matches rather than an error.
        #expect(try eval("$.store.nothing[*]") == [])
        #expect(try JSONPath("$.item.items[1:5]").evaluate([:]) == [])
    }

    @Test func missingValuesReportJaywayMessages() {
        #expect(throws: PathFailure(.noResults, "No results for path: $['NoSuchInputPath']")) { try eval("$.NoSuchInputPath") }
        #expect(throws: PathFailure(.missingProperty, "Missing property in path $['no']")) { try eval("$.no.such.result.path") }
        #expect(throws: PathFailure(.noResults, "No results for path: $['store']['book'][7]")) { try eval("$.store.book[7]") }
    }

    @Test func inputPathFailureIsStatesRuntime() {
        let context = EvaluationContext(input: ["int-literal": 0])
        #expect(throws: ExecutionError("States.Runtime", cause: "Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']")) {
            try JSONPath("$.NoSuchInputPath").select(in: context)
        }
    }

    @Test func rootsSelectInputContextAndVariables() throws {
        let context = EvaluationContext(input: ["a": 1], contextObject: ["Execution": ["Name": "run"]], variables: ["x": ["y": [10, 20]]])
        #expect(try JSONPath("$.a").evaluate(in: context) == 1)
        #expect(try JSONPath("$$.Execution.Name").evaluate(in: context) == "run")
        #expect(try JSONPath("$x.y[1]").evaluate(in: context) == 20)
        #expect(try JSONPath("$x").evaluate(in: context) == ["y": [10, 20]])
    }

    @Test func syntaxErrorsCarryTheColumn() {
        #expect(throws: JSONPathSyntaxError("expected ']' but found 'x'", column: 6)) { try JSONPath("$.a[0x]") }
        #expect(throws: JSONPathSyntaxError.self) { try JSONPath("a.b") }
        #expect(throws: JSONPathSyntaxError.self) { try JSONPath("$.a[") }
    }

    @Test func quotedNamesAndFilterStringsUnescapeAsJaywayDoes() throws {
        let document: JSON = ["it's": 1, "a\\b": 2, "say \"hi\"": 3, "tab\there": 4, "é": 5, "😀": 6, "azb": 7]
        #expect(try JSONPath(#"$['it\'s']"#).evaluate(document) == 1)
        #expect(try JSONPath(#"$["a\\b"]"#).evaluate(document) == 2)
        #expect(try JSONPath(#"$["say \"hi\""]"#).evaluate(document) == 3)
        #expect(try JSONPath(#"$['say "hi"']"#).evaluate(document) == 3)
        #expect(try JSONPath(#"$['tab\there']"#).evaluate(document) == 4)
        #expect(try JSONPath(#"$['\u00e9']"#).evaluate(document) == 5)
        #expect(try JSONPath(#"$['\uD83D\uDE00']"#).evaluate(document) == 6)
        // Before any other character the backslash goes.
        #expect(try JSONPath(#"$['a\zb']"#).evaluate(document) == 7)
        #expect(try JSONPath(#"$[?(@.name == 'it\'s')].n"#).evaluate([["name": "it's", "n": 1], ["name": "its", "n": 2]]) == [1])
        #expect(throws: JSONPathSyntaxError.self) { try JSONPath(#"$['\uzz00']"#) }
        #expect(throws: JSONPathSyntaxError.self) { try JSONPath(#"$['a\']"#) }
    }

    @Test func anUnquotedFilterWordIsTheStringItSpells() throws {
        #expect(try eval("$.store.book[?(@.category == fiction)].title") == ["Sword", "Moby Dick"])
        #expect(try eval("$.store.book[?(@.category==reference)].price") == [8.95])
        // Numbers, true, false and null keep their meaning.
        #expect(try eval("$.store.book[?(@.price == 8.95)].title") == ["Sayings"])
        #expect(try eval("$.store.book[?(@.isbn == null)].title") == [])
        #expect(throws: JSONPathSyntaxError.self) { try JSONPath("$[?(@.a == #x)]") }
    }

    @Test func definiteness() throws {
        #expect(try JSONPath("$.a[0]['b']").isDefinite)
        #expect(try !JSONPath("$.a[*]").isDefinite)
        #expect(try !JSONPath("$..a").isDefinite)
        #expect(try JSONPath("$.a[0]").isReferencePath)
        #expect(try !JSONPath("$.a[?(@.x)]").isReferencePath)
    }
}

@Suite struct ReferencePathTests {
    @Test func replacesWholeDocument() throws {
        #expect(try ReferencePath("$").set(["r": 1], in: ["a": 1]) == ["r": 1])
    }

    @Test func createsMissingObjects() throws {
        let out = try ReferencePath("$.a.b.c").set(5, in: ["a": ["x": 1]])
        #expect(out == ["a": ["x": 1, "b": ["c": 5]]])
        #expect(JSONPrinter.compact(try ReferencePath("$.z").set(1, in: ["a": 1, "b": 2])) == #"{"a":1,"b":2,"z":1}"#)
    }

    @Test func overwritesExistingAndIndexes() throws {
        #expect(try ReferencePath("$.a").set("new", in: ["a": "old"]) == ["a": "new"])
        #expect(try ReferencePath("$.list[1]").set(9, in: ["list": [1, 2]]) == ["list": [1, 9]])
    }

    @Test func writingIntoAScalarFails() {
        #expect(throws: ExecutionError("States.ResultPathMatchFailure", cause: #"Unable to apply ReferencePath $.a.b to input {"a":"text"}"#)) {
            try ReferencePath("$.a.b").set(1, in: ["a": "text"])
        }
    }

    @Test func rejectsIndefinitePaths() {
        #expect(throws: JSONPathSyntaxError.self) { try ReferencePath("$.a[*]") }
    }

    @Test func leavesTheDocumentAsItWasAndFailsWhereNothingCanHoldTheValue() throws {
        let document: JSON = ["a": ["list": [1, ["x": 2]], "keep": ["deep": true]], "b": 3]
        let out = try ReferencePath("$.a.list[-1].y").set("new", in: document)
        #expect(out == ["a": ["list": [1, ["x": 2, "y": "new"]], "keep": ["deep": true]], "b": 3])
        #expect(document == ["a": ["list": [1, ["x": 2]], "keep": ["deep": true]], "b": 3])
        // An index into a member that is missing, or past the end, has nowhere to go.
        #expect(throws: ExecutionError.self) { try ReferencePath("$.missing[0]").set(1, in: document) }
        #expect(throws: ExecutionError.self) { try ReferencePath("$.a.list[5]").set(1, in: document) }
        #expect(throws: ExecutionError.self) { try ReferencePath("$.b.c").set(1, in: document) }
    }
}

@Suite struct PayloadTemplateTests {
    @Test func resolvesPathsContextVariablesAndIntrinsics() throws {
        let template = try PayloadTemplate(try JSON.parse(#"""
            {"plain": "x", "num": 1, "fromInput.$": "$.a", "ctx.$": "$$.Execution.Name", "v.$": "$v",
             "nested": {"list": [{"deep.$": "$.a"}, 2]}, "greeting.$": "States.Format('hi {}', $.a)"}
            """#))
        var context = EvaluationContext(input: ["a": "A"], contextObject: ["Execution": ["Name": "run"]], variables: ["v": 3])
        let out = try template.evaluate(in: &context)
        #expect(JSONPrinter.compact(out) == #"{"plain":"x","num":1,"fromInput":"A","ctx":"run","v":3,"nested":{"list":[{"deep":"A"},2]},"greeting":"hi A"}"#)
    }

    @Test func missingPathIsRuntimeError() throws {
        let template = try PayloadTemplate(["value.$": "$$.Execution.Input.no_such_jsonpath"])
        var context = EvaluationContext(input: ["int-literal": 0], contextObject: ["Execution": ["Input": ["int-literal": 0]]])
        #expect(throws: ExecutionError("States.Runtime", cause: #"The JSONPath '$$.Execution.Input.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{"int-literal":0}'"#)) {
            try template.evaluate(in: &context)
        }
    }

    @Test func invalidDollarValuesAreRejectedWhenCompiling() {
        #expect(throws: PayloadTemplateError.self) { try PayloadTemplate(["a.$": 1]) }
        #expect(throws: PayloadTemplateError.self) { try PayloadTemplate(["a.$": "not a path"]) }
        #expect(throws: PayloadTemplateError.self) { try PayloadTemplate(["a.$": "States.Nope()"]) }
    }
}

@Suite struct FilterChainTests {
    /// The filter chain of the recorded `pass_result_regex_json_path` machine, `$.[?(...)]` included.
    @Test func filtersChainThroughPassStates() throws {
        let definition = try JSON.parse(#"""
            {"StartAt": "State0", "States": {
              "State0": {"Type": "Pass", "Parameters": {"FromInput.$": "$.users[?(@.status == 0)]"}, "OutputPath": "$.FromInput", "Next": "State1"},
              "State1": {"Type": "Pass", "Parameters": {"FromInput.$": "$[?(@.year <= 1999)]"}, "OutputPath": "$.FromInput", "Next": "State2"},
              "State2": {"Type": "Pass", "Parameters": {"InputValue.$": "$", "FromInput.$": "States.JsonToString($.[?(@.year <= 1998)])"}, "Next": "State3"},
              "State3": {"Type": "Pass", "InputPath": "$.InputValue", "OutputPath": "$.[?(@.year < 1999)].name", "End": true}}}
            """#)
        let input = try JSON.parse(#"""
            {"users": [{"year": 1997, "name": "A", "status": 0}, {"year": 1998, "name": "B", "status": 0},
                       {"year": 1999, "name": "C", "status": 0}, {"year": 2000, "name": "D", "status": 0}, {"year": 1990, "status": 1}]}
            """#)
        #expect(PassChainRunner.run(definition, input: input) == .succeeded(["A", "B"]))
    }
}

@Suite struct CorpusSyntaxTests {
    /// Every path and intrinsic call written in a recorded definition parses.
    @Test func everyRecordedExpressionParses() throws {
        var failures: [String] = []
        var count = 0
        for group in ["base", "choice_operators", "error_handling", "scenarios", "assign", "query_language", "arguments",
                      "context_object", "states_variables", "comments", "timeouts", "local_mocking", "services", "logs",
                      "intrinsic_functions", "callback", "activities", "credentials", "express", "api", "outputdecl", "evaluate_jsonata"] {
            for c in Corpus.cases(group) {
                Self.collect(c.definition, key: nil) { text in
                    count += 1
                    do {
                        if text.hasPrefix("States.") { _ = try IntrinsicCall(text) } else { _ = try JSONPath(text) }
                    } catch {
                        failures.append("\(text): \(error)")
                    }
                }
            }
        }
        print("expressions parsed: \(count), failures: \(failures.count)")
        for f in Set(failures).sorted() { print("  \(f)") }
        #expect(failures.isEmpty)
    }

    static func collect(_ value: JSON, key: String?, _ visit: (String) -> Void) {
        switch value {
        case .object(let o):
            // JSONata states have no JSONPath expressions.
            if o["QueryLanguage"] == "JSONata" { return }
            for (k, v) in o { collect(v, key: k, visit) }
        case .array(let a): for v in a { collect(v, key: key, visit) }
        case .string(let s):
            guard let key, key.hasSuffix(".$") || (key.hasSuffix("Path") && key != "ResultPath" || key == "Variable" || key == "ResultPath") else { return }
            if s.hasPrefix("$") || s.hasPrefix("States.") { visit(s) }
        default: break
        }
    }
}

@Suite struct ValueExpressionTests {
    @Test func failStateErrorPathMessage() throws {
        var context = EvaluationContext(input: ["Error": "E"])
        #expect(try ValueExpression("$.Error").evaluate(in: &context, field: "ErrorPath") == "E")
        #expect(try ValueExpression("States.Format('{}!', $.Error)").evaluate(in: &context, field: "CausePath") == "E!")
        #expect(throws: ExecutionError("States.Runtime", cause: #"The JSONPath '$.ErrorX' specified for the field 'ErrorPath' could not be found in the input '{"Error":"E"}'"#)) {
            try ValueExpression("$.ErrorX").evaluate(in: &context, field: "ErrorPath")
        }
    }
}

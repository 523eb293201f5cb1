import StatesJSON
import Testing
@testable import JSONata

/// Plain field chains (`$states.input.order.id`) are answered without the evaluator; the answers
/// must be the evaluator's, whatever the data.
@Suite struct FieldChainTests {
    let states: JSON = ["input": [
        "order": ["id": "o-1", "lines": [["sku": "a"], ["sku": "b"]], "nested": [[1, 2], [3]], "none": .null],
        "big": 9_007_199_254_740_993,
        "n": 7,
    ]]

    /// The value `evaluate(input:bindings:)` gives, printed compactly; nil when undefined.
    func value(_ expression: String) throws -> String? {
        try JSONataExpression(expression, dialect: .stepFunctions).evaluate(input: nil, bindings: ["states": states])
            .map(JSONPrinter.compact)
    }

    @Test func chainsTakeTheShortWayOnlyWhereTheyAreChains() throws {
        #expect(try JSONataExpression("$states.input.order.id").chain != nil)
        #expect(try JSONataExpression("order.id").chain != nil)
        #expect(try JSONataExpression("$states.input.order[0]").chain == nil)
        #expect(try JSONataExpression("$states.input.order.id[]").chain == nil)
        #expect(try JSONataExpression("$.order").chain == nil)
    }

    @Test func fieldsOfObjectsAreLookedUp() throws {
        #expect(try value("$states.input.order.id") == #""o-1""#)
        #expect(try value("$states.input.n") == "7")
        #expect(try value("$states.input.order.none") == "null")
        #expect(try value("$states.input.order.missing") == nil)
        #expect(try value("$states.input.n.x") == nil, "a field of a number is undefined")
        #expect(try value("$nobody.x") == nil)
    }

    @Test func arraysOnTheWayAreMappedAsJSONataMapsThem() throws {
        #expect(try value("$states.input.order.lines.sku") == #"["a","b"]"#)
        #expect(try value("$states.input.order.lines") == #"[{"sku":"a"},{"sku":"b"}]"#)
        #expect(try value("$states.input.order.nested") == "[[1,2],[3]]")
    }

    @Test func numbersComeBackAsJavaScriptHoldsThem() throws {
        let big = try JSONataExpression("$states.input.big").evaluate(input: nil, bindings: ["states": states])
        #expect(big?.numberValue?.doubleValue == 9_007_199_254_740_992)
        #expect(big == (try JSONataExpression("$states.input.big + 0").evaluate(input: nil, bindings: ["states": states])))
    }

    @Test func inputChainsReadTheInput() throws {
        let e = try JSONataExpression("order.id")
        #expect(try e.evaluate(input: ["order": ["id": 3]]).map(JSONPrinter.compact) == "3")
        #expect(try e.evaluate(input: [["order": ["id": 1]], ["order": ["id": 2]]]).map(JSONPrinter.compact) == "[1,2]")
        #expect(try e.evaluate(input: nil) == nil)
    }

    @Test func mergeOfJSONObjectsKeepsOrderAndFunctionsStillMergeAsValues() throws {
        #expect(try evaluate("$merge([$, {'b': 20, 'c': {'d': [1, 'x', null]}}])", #"{"a": 1, "b": 2}"#)
                == #"{"a":1,"b":20,"c":{"d":[1,"x",null]}}"#)
        #expect(try evaluate("$merge([$, {'f': function($x) { $x * 2 }}]).f(21)", #"{"a": 1}"#) == "42")
        #expect(errorCode("$merge([$, 5])", #"{"a": 1}"#) == "T0412")
    }
}

import Testing
import StatesLanguage

@Suite struct IntrinsicTests {
    func run(_ text: String, input: JSON = [:], variables: [String: JSON] = [:]) throws(ExecutionError) -> JSON {
        let call: IntrinsicCall
        do { call = try IntrinsicCall(text) } catch { throw ExecutionError("Syntax", cause: error.description) }
        var context = EvaluationContext(input: input, variables: variables)
        return try call.evaluate(in: &context)
    }

    func failure(_ text: String, input: JSON = [:]) -> ExecutionError? {
        do {
            _ = try run(text, input: input)
            return nil
        } catch {
            return error
        }
    }

    @Test func formatReplacesPlaceholdersAndHonoursEscapes() throws {
        #expect(try run("States.Format('Hello, my name is {}.', $.name)", input: ["name": "Arnav"]) == "Hello, my name is Arnav.")
        #expect(try run(#"States.Format('it\'s \{literal\} {}', 1)"#) == "it's {literal} 1")
        #expect(try run(#"States.Format('back\\slash {}', true)"#) == #"back\slash true"#)
        #expect(try run("States.Format('{} and {}', $.o, $.a)", input: ["o": ["Arg1": 1, "Arg2": []], "a": [1, "x", nil]])
            == "{Arg1=1, Arg2=[]} and [1, x, null]")
        #expect(try run("States.Format($t, 3)", variables: ["t": "n={}"]) == "n=3")
    }

    @Test func formatArgumentCountMustMatch() {
        #expect(failure("States.Format('{} {}', 1)")?.error == "States.IntrinsicFailure")
        #expect(failure("States.Format('{}', 1, 2)")?.error == "States.IntrinsicFailure")
    }

    @Test func jsonConversions() throws {
        #expect(try run("States.StringToJson($.s)", input: ["s": #"{"a": [1, 2.5]}"#]) == ["a": [1, 2.5]])
        #expect(try run("States.StringToJson($.s)", input: ["s": ""]) == .null)
        #expect(try run("States.JsonToString($.v)", input: ["v": ["a": [1, "x"]]]) == #"{"a":[1,"x"]}"#)
        #expect(try run(#"States.StringToJson('{"k": true}')"#) == ["k": true])
        #expect(failure("States.StringToJson($.s)", input: ["s": "{nope"])?.error == "States.IntrinsicFailure")
        #expect(try run("States.JsonMerge($.a, $.b, false)", input: ["a": ["x": ["p": 1], "y": 2], "b": ["x": ["q": 1]]])
            == ["x": ["q": 1], "y": 2])
        #expect(failure("States.JsonMerge($.a, $.a, true)", input: ["a": [:]])?.error == "States.IntrinsicFailure")
    }

    @Test func arrays() throws {
        #expect(try run("States.Array('a', 1, true, null, $.x)", input: ["x": ["y": 1]]) == ["a", 1, true, nil, ["y": 1]])
        #expect(try run("States.ArrayPartition($.a, 2)", input: ["a": [1, 2, 3, 4, 5]]) == [[1, 2], [3, 4], [5]])
        #expect(try run("States.ArrayContains($.a, 3)", input: ["a": [1, 2, 3]]) == true)
        #expect(try run("States.ArrayRange(1, 9, 2)") == [1, 3, 5, 7, 9])
        #expect(try run("States.ArrayRange(5, 1, -2)") == [5, 3, 1])
        #expect(try run("States.ArrayGetItem($.a, 1)", input: ["a": ["x", "y"]]) == "y")
        #expect(try run("States.ArrayLength($.a)", input: ["a": [1, 2, 3]]) == 3)
        #expect(try run("States.ArrayUnique($.a)", input: ["a": [1, 2, 1, ["k": 1], ["k": 1], 1.0]]) == [1, 2, ["k": 1]])
        #expect(failure("States.ArrayGetItem($.a, 5)", input: ["a": [1]])?.error == "States.IntrinsicFailure")
        #expect(failure("States.ArrayPartition($.a, 0)", input: ["a": [1]])?.error == "States.IntrinsicFailure")
        #expect(failure("States.ArrayRange(0, 2000, 1)")?.error == "States.IntrinsicFailure")
        #expect(failure("States.ArrayLength($.a)", input: ["a": "text"])?.error == "States.IntrinsicFailure")
    }

    @Test func base64() throws {
        #expect(try run("States.Base64Encode('Data to encode')") == "RGF0YSB0byBlbmNvZGU=")
        #expect(try run("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')") == "Data to encode")
        #expect(try run("States.Base64Encode('ab')") == "YWI=")
        #expect(try run("States.Base64Decode('YWI=')") == "ab")
        #expect(failure("States.Base64Decode('***')")?.error == "States.IntrinsicFailure")
    }

    @Test func hashes() throws {
        #expect(try run("States.Hash('abc', 'MD5')") == "900150983cd24fb0d6963f7d28e17f72")
        #expect(try run("States.Hash('abc', 'SHA-1')") == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(try run("States.Hash('abc', 'SHA-256')") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(try run("States.Hash('abc', 'SHA-384')")
            == "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7")
        #expect(try run("States.Hash('abc', 'SHA-512')")
            == "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")
        // Two blocks: padding crosses a block boundary.
        let long = String(repeating: "a", count: 120)
        #expect(try run("States.Hash($.s, 'MD5')", input: ["s": .string(long)]).stringValue?.count == 32)
        #expect(failure("States.Hash('abc', 'SHA-3')")?.error == "States.IntrinsicFailure")
    }

    @Test func mathRoundsEachOperandHalfUp() throws {
        #expect(try run("States.MathAdd(-1.49, -1.5)") == -2)
        #expect(try run("States.MathAdd(2.5, 0)") == 3)
        #expect(try run("States.MathAdd(-2.5, 0)") == -2)
        #expect(try run("States.MathAdd($.n, -1)", input: ["n": 10]) == 9)
    }

    @Test func randomIsSeededAndInRange() throws {
        var context = EvaluationContext(input: [:], random: SeededRandom(seed: 7))
        let call = try IntrinsicCall("States.MathRandom(1, 4)")
        var seen = Set<Int64>()
        for _ in 0..<200 { seen.insert(try call.evaluate(in: &context).intValue!) }
        #expect(seen == [1, 2, 3])
        var again = EvaluationContext(input: [:], random: SeededRandom(seed: 7))
        var first = EvaluationContext(input: [:], random: SeededRandom(seed: 7))
        #expect(try call.evaluate(in: &again) == (try call.evaluate(in: &first)))
        let seeded = try IntrinsicCall("States.MathRandom(0, 1000, 42)")
        #expect(try seeded.evaluate(in: &context) == (try seeded.evaluate(in: &first)))
        let uuid = try IntrinsicCall("States.UUID()").evaluate(in: &context).stringValue!
        #expect(uuid.count == 36 && uuid.split(separator: "-").count == 5)
    }

    @Test func stringSplitTreatsDelimiterAsCharacterSet() throws {
        #expect(try run("States.StringSplit('a,b;c', ',;')") == ["a", "b", "c"])
        #expect(try run("States.StringSplit(', , ,', ',')") == [" ", " "])
    }

    @Test func nestedCalls() throws {
        #expect(try run("States.ArrayGetItem(States.StringSplit($.s, '-'), States.MathAdd(States.ArrayLength(States.StringSplit($.s, '-')), -1))",
                        input: ["s": "a-b-c"]) == "c")
    }

    @Test func missingArgumentPathIsRuntimeError() {
        let call = try! IntrinsicCall("States.Format('{}', $.nope)")
        var context = EvaluationContext(input: ["a": 1])
        #expect(throws: ExecutionError("States.Runtime", cause: #"The JSONPath '$.nope' specified for the field 'x.$' could not be found in the input '{"a":1}'"#)) {
            try call.evaluate(in: &context, field: "x.$")
        }
    }

    @Test func argumentCounts() {
        #expect(IntrinsicCall.argumentCount(of: "States.MathRandom") == 2...3)
        #expect(IntrinsicCall.argumentCount(of: "States.Nope") == nil)
        for name in IntrinsicCall.knownFunctions { #expect(IntrinsicCall.argumentCount(of: name) != nil, "\(name)") }
    }

    @Test func syntaxErrors() {
        #expect(throws: JSONPathSyntaxError.self) { try IntrinsicCall("States.Format('x'") }
        #expect(throws: JSONPathSyntaxError.self) { try IntrinsicCall("States.Nope(1)") }
        #expect(throws: JSONPathSyntaxError.self) { try IntrinsicCall("States.Format('unterminated)") }
        #expect(throws: JSONPathSyntaxError.self) { try IntrinsicCall("States.Array(1) extra") }
    }
}

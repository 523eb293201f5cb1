import Testing
@testable import StatesLanguage

/// Definitions and data written to break the loader: deep, wide and huge inputs end in a located
/// error or a bounded result, never a crash or a hang. (The time limits only catch hangs.)
@Suite(.timeLimit(.minutes(1))) struct HostileInputTests {
    /// A one-state definition whose Pass state has `parameters` as its Parameters.
    func passDefinition(_ parameters: JSON) -> String {
        JSONPrinter.compact(["StartAt": "P", "States": ["P": ["Type": "Pass", "Parameters": parameters, "End": true]]])
    }

    func firstLine(_ text: String, fileName: String = "hostile.asl.json") -> String {
        DefinitionLoader.load(text: text, fileName: fileName).lines(fileName: fileName).first ?? ""
    }

    // MARK: Intrinsic functions

    @Test func intrinsicCallsNestedAHundredThousandDeepAreRefusedAtTheField() {
        let call = String(repeating: "States.Array(", count: 100_000) + "1" + String(repeating: ")", count: 100_000)
        let line = firstLine(passDefinition(["a.$": .string(call)]))
        #expect(line.hasPrefix("hostile.asl.json:1:59: error INVALID_PATH: 'a.$' is not a valid intrinsic function call: "
                               + "more than 10 intrinsic functions in one field"), "\(line)")
        // The eleventh call is the one named.
        #expect(line.contains("at column 131 (at $.States.P.Parameters['a.$'])"), "\(line)")
    }

    @Test func tenIntrinsicFunctionsInAFieldAreAllowedAndAnEleventhIsNot() throws {
        // The AWS guide's example: nine calls, five deep.
        let nine = "States.Format('{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.Arn, '/'), 2), '.'), 0), "
            + "States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.Arn, '/'), 2), '.'), 1))"
        var context = EvaluationContext(input: ["Arn": "arn:aws:imagebuilder:us-east-1:1:image-recipe/name.v1/1.0.0"])
        #expect(try IntrinsicCall(nine).evaluate(in: &context) == "1.0")
        let ten = "States.Array(\(nine))"
        #expect(DefinitionLoader.load(text: passDefinition(["a.$": .string(ten)])).isValid)
        let eleven = "States.Array(States.UUID(), \(nine))"
        #expect(throws: JSONPathSyntaxError.self) { try IntrinsicCall(eleven) }
    }

    @Test func aWideIntrinsicCallLoadsAndEvaluatesInOnePass() throws {
        let call = "States.Array(" + Array(repeating: "1", count: 100_000).joined(separator: ", ") + ")"
        var context = EvaluationContext(input: [:])
        #expect(try IntrinsicCall(call).evaluate(in: &context).arrayValue?.count == 100_000)
    }

    @Test func stringToJsonOfTextNestedPastTheLimitFailsTheCall() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        var context = EvaluationContext(input: ["s": .string(text)])
        #expect(throws: ExecutionError.self) { try IntrinsicCall("States.StringToJson($.s)").evaluate(in: &context) }
    }

    // MARK: JSONPath syntax

    @Test(arguments: [
        ("$.x[?(" + String(repeating: "!", count: 100_000) + "@.a)]", "the filter nests parentheses, '!' and filters more than 64 deep"),
        ("$.x[?(" + String(repeating: "(", count: 100_000) + "@.a" + String(repeating: ")", count: 100_000) + ")]",
         "the filter nests parentheses, '!' and filters more than 64 deep"),
        ("$" + String(repeating: "[?(@", count: 100_000) + String(repeating: ")]", count: 100_000),
         "the filter nests parentheses, '!' and filters more than 64 deep"),
        ("$" + String(repeating: ".a", count: 100_000), "the path has more than 512 steps"),
        ("$" + String(repeating: "..a", count: 100_000), "the path has more than 512 steps"),
    ])
    func deeplyNestedPathsAreSyntaxErrors(path: String, message: String) {
        let line = firstLine(passDefinition(["a.$": .string(path)]))
        #expect(line.hasPrefix("hostile.asl.json:1:59: error INVALID_PATH: 'a.$' is not a valid path: \(message)"), "\(line.prefix(300))")
        #expect(line.hasSuffix("(at $.States.P.Parameters['a.$'])"))
    }

    @Test func aResultPathLongerThanAnyValueIsDeepIsRefused() {
        let path = "$" + String(repeating: ".a", count: 600)
        let definition = JSONPrinter.compact(["StartAt": "P", "States": ["P": ["Type": "Pass", "ResultPath": .string(path), "End": true]]])
        let line = firstLine(definition)
        #expect(line.contains("error INVALID_PATH: 'ResultPath' is not a valid reference path: the path has more than 512 steps"), "\(line)")
    }

    @Test func aLongChainOfConditionsIsOneWideFilter() throws {
        let conditions = Array(repeating: "@.a == 1", count: 50_000)
        let path = try JSONPath("$.x[?(" + conditions.joined(separator: " && ") + ")].a")
        #expect(try path.evaluate(["x": [["a": 1], ["a": 2]]]) == [1])
        let either = try JSONPath("$.x[?(" + Array(repeating: "@.a == 3", count: 50_000).joined(separator: " || ") + " || @.a == 2)].a")
        #expect(try either.evaluate(["x": [["a": 1], ["a": 2]]]) == [2])
    }

    // MARK: JSONPath evaluation

    /// `{"a": {"a": ... {"x": 1}}}` with some padding, `depth` levels: about 8 KB at 500.
    func nested(_ depth: Int) -> JSON {
        var value: JSON = ["x": 1]
        for _ in 0..<depth { value = ["a": value, "p": "0123456789"] }
        return value
    }

    @Test(arguments: ["$..a..a..a", "$..*..*..*", "$..a[?(@..a)]..a"])
    func pathsWhoseMatchesMultiplyStopAtThePayloadLimit(path: String) throws {
        let context = EvaluationContext(input: nested(500))
        #expect {
            try JSONPath(path).select(in: context)
        } throws: { error in
            let failure = error as? ExecutionError
            return failure?.error == "States.DataLimitExceeded"
                && failure?.cause == "The JSONPath '\(path)' selects more than 262144 bytes, the maximum number of bytes service limit for a payload"
        }
    }

    @Test(arguments: ["$..a..a..nothing", "$..a..a[?(@..nothing == 1)]"])
    func pathsThatVisitTooManyNodesStopWithAStatesRuntimeError(path: String) throws {
        let context = EvaluationContext(input: nested(500))
        #expect {
            try JSONPath(path).select(in: context)
        } throws: { error in
            let failure = error as? ExecutionError
            return failure?.error == "States.Runtime" && failure?.cause.hasPrefix("The JSONPath '\(path)' visits more than 1000000 nodes") == true
        }
        // A template field fails the same way, not with "could not be found".
        var template = EvaluationContext(input: nested(500))
        #expect {
            try PayloadTemplate(["r.$": .string(path)]).evaluate(in: &template)
        } throws: { error in
            (error as? ExecutionError)?.cause.hasPrefix("The JSONPath '\(path)' visits more than") == true
        }
    }

    @Test func matchesJustUnderThePayloadLimitAreKept() throws {
        // 200 matches of about 1 KB: counted exactly once their bounds pass the limit.
        let items = JSON.array(Array(repeating: ["s": .string(String(repeating: "é", count: 500))], count: 200))
        let found = try JSONPath("$..s").evaluate(["items": items])
        #expect(found.arrayValue?.count == 200)
        let more = JSON.array(Array(repeating: ["s": .string(String(repeating: "é", count: 500))], count: 300))
        #expect(throws: PathFailure.self) { try JSONPath("$..s").evaluate(["items": more]) }
    }

    @Test func unionsThatMultiplyAreBoundedToo() throws {
        let union = "[" + Array(repeating: "0", count: 20).joined(separator: ",") + "]"
        let path = try JSONPath("$" + String(repeating: union, count: 8))
        var value: JSON = 1
        for _ in 0..<8 { value = [value] }
        // 20^8 matches of `1`: the visit count ends it.
        #expect(throws: PathFailure.self) { try path.evaluate(value) }
    }

    // MARK: YAML

    @Test func aYAMLFileWithAByteOrderMarkLoads() {
        let loaded = DefinitionLoader.load(text: "\u{FEFF}StartAt: A\nStates:\n  A: {Type: Succeed}\n", fileName: "bom.asl.yaml")
        #expect(loaded.isValid, "\(loaded.lines())")
        #expect(loaded.stateCount == 1)
    }

    @Test(arguments: [
        ("1.0e400", "the YAML number 1.0e400 is too large for a 64-bit double"),
        ("-1e999", "the YAML number -1e999 is too large for a 64-bit double"),
        (".inf", "the YAML number .inf has no JSON form"),
        ("-.inf", "the YAML number -.inf has no JSON form"),
        ("+.Inf", "the YAML number +.Inf has no JSON form"),
        (".nan", "the YAML number .nan has no JSON form"),
        (".NaN", "the YAML number .NaN has no JSON form"),
        ("!!float .inf", "the YAML number .inf has no JSON form"),
        ("0x1FFFFFFFFFFFFFFFF", "the YAML integer 0x1FFFFFFFFFFFFFFFF is beyond a 64-bit integer"),
    ])
    func yamlNumbersWithoutAJSONFormAreLocatedErrors(scalar: String, message: String) {
        let text = "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Result:\n      n: \(scalar)\n    End: true\n"
        let line = firstLine(text, fileName: "n.asl.yaml")
        #expect(line.hasPrefix("n.asl.yaml:6:10: error INVALID_JSON_DESCRIPTION: \(message)"), "\(line)")
        #expect(line.hasSuffix("(at $.States.A.Result.n)"), "\(line)")
    }

    @Test func quotedOrInvalidNumbersInYAMLStayText() throws {
        let text = "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Result: {a: '.inf', b: \".nan\", c: -.nan, d: 0xZZ, e: 1e}\n    End: true\n"
        let loaded = DefinitionLoader.load(text: text, fileName: "t.asl.yaml")
        let result = try #require(loaded.document?.value["States"]?["A"]?["Result"])
        #expect(result == ["a": ".inf", "b": ".nan", "c": "-.nan", "d": "0xZZ", "e": "1e"])
    }

    @Test(arguments: [
        ("Result: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000), "nested more than 1000 levels deep"),
        ("Result: " + String(repeating: "[", count: 600) + String(repeating: "]", count: 600), "nesting is deeper than 512 levels"),
        ("Result: " + String(repeating: "{a: ", count: 600) + "1" + String(repeating: "}", count: 600), "nesting is deeper than 512 levels"),
    ])
    func deeplyNestedYAMLIsALocatedError(result: String, message: String) {
        let text = "StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n    " + result + "\n"
        let line = firstLine(text, fileName: "deep.asl.yaml")
        #expect(line.hasPrefix("deep.asl.yaml:6:"), "\(line.prefix(200))")
        #expect(line.contains(message), "\(line.prefix(300))")
    }

    @Test func deeplyNestedYAMLBlocksAreALocatedError() {
        var text = "StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n    Result:\n"
        for level in 0..<3_000 { text += String(repeating: " ", count: 6 + level) + "- \n" }
        let line = firstLine(text, fileName: "deep.asl.yaml")
        #expect(line.hasPrefix("deep.asl.yaml:1003:"), "\(line.prefix(200))")
        #expect(line.contains("nested more than 1000 levels deep"), "\(line.prefix(300))")
    }

    @Test func aliasesChainedPastTheDepthLimitAreRefused() {
        var text = "a0: &a0 [x]\n"
        for level in 1..<2_000 { text += "a\(level): &a\(level) [*a\(level - 1)]\n" }
        let line = firstLine(text, fileName: "alias.yaml")
        #expect(line.contains("error INVALID_JSON_DESCRIPTION: nesting is deeper than 512 levels; flatten the document"), "\(line.prefix(300))")
    }

    @Test func aBillionLaughsBombStopsAtTheValueLimit() {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let line = firstLine(text, fileName: "lol.yaml")
        #expect(line.contains("more than 250000 values once aliases are expanded"), "\(line)")
    }

    // MARK: Definitions

    /// A definition whose state `P` nests `levels` Parallel (or Map) states, each in the one before.
    func nestedMachine(_ levels: Int, map: Bool) -> JSON {
        var state: JSON = ["Type": "Pass", "End": true]
        var name = "Leaf"
        for level in 0..<levels {
            let inner: JSON = ["StartAt": .string(name), "States": .object(JSONObject([(name, state)]))]
            state = map ? ["Type": "Map", "ItemProcessor": inner, "End": true] : ["Type": "Parallel", "Branches": [inner], "End": true]
            name = "S\(level)"
        }
        return ["StartAt": .string(name), "States": .object(JSONObject([(name, state)]))]
    }

    @Test func parallelAndMapNestedAsDeepAsTheParserAllowsValidate() {
        let parallel = DefinitionLoader.load(text: JSONPrinter.compact(nestedMachine(126, map: false)))
        #expect(parallel.isValid && parallel.stateCount == 127, "\(parallel.lines().prefix(3))")
        let map = DefinitionLoader.load(text: JSONPrinter.compact(nestedMachine(169, map: true)))
        #expect(map.isValid && map.stateCount == 170, "\(map.lines().prefix(3))")
    }

    @Test func aDefinitionValueDeeperThanTheParserAllowsIsRefusedBeforeItIsWalked() {
        let loaded = DefinitionLoader.load(json: nestedMachine(5_000, map: false))
        #expect(loaded.lines() == ["<definition>: error INVALID_JSON_DESCRIPTION: nesting is deeper than 512 levels; flatten the document (at $)"])
    }

    @Test func aLongLineOfUnclosedPlaceholdersIsReadOnce() {
        let text = "{\"StartAt\": " + String(repeating: "${", count: 200_000) + "}"
        let line = firstLine(text)
        #expect(line.hasPrefix("hostile.asl.json:1:13: error INVALID_JSON_DESCRIPTION: unexpected '$'"), "\(line)")
    }
}

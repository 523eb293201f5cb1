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

    @Test func formatWritesEveryKindOfValueAsJavaWould() throws {
        let input: JSON = ["min": .number(.int(Int64.min)), "max": .number(.int(Int64.max)), "neg": -40, "zero": 0,
                           "d": 2.5, "s": "héllo 😀", "long": .string(String(repeating: "ab", count: 40)), "t": true, "n": nil]
        #expect(try run("States.Format('{}|{}|{}|{}', $.min, $.max, $.neg, $.zero)", input: input)
            == "-9223372036854775808|9223372036854775807|-40|0")
        #expect(try run("States.Format('{}:{}:{}:{}', $.d, $.t, $.n, $.s)", input: input) == "2.5:true:null:héllo 😀")
        #expect(try run("States.Format('<{}>', $.long)", input: input) == .string("<" + String(repeating: "ab", count: 40) + ">"))
        #expect(try run("States.Format('{}{}', 7, 'é')") == "7é")
        #expect(try run("States.Format('no placeholders')") == "no placeholders")
        #expect(try run("States.Format('{}', '')") == "")
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
        #expect(try run("States.Base64Encode('')") == "")
        #expect(try run("States.Base64Encode('a')") == "YQ==")
        #expect(try run("States.Base64Encode('abc')") == "YWJj")
        #expect(try run("States.Base64Encode('héllo wörld')") == "aMOpbGxvIHfDtnJsZA==")
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

    /// Lengths around the 55/56/64-byte (and 111/112/128-byte) padding boundaries, where the
    /// length field spills into an extra block; expected digests from Python's hashlib.
    @Test(arguments: [55, 56, 63, 64, 111, 112, 119, 120, 200])
    func hashesAcrossBlockBoundaries(length: Int) throws {
        let text = String((0..<length).map { Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(($0 * 7) % 26))) })
        let expected = Self.digests[length]!
        for (algorithm, digest) in expected {
            #expect(try run("States.Hash($.s, '\(algorithm)')", input: ["s": .string(text)]) == .string(digest))
        }
        #expect(try run("States.Base64Decode(States.Base64Encode($.s))", input: ["s": .string(text)]) == .string(text))
    }

    static let digests: [Int: [String: String]] = [
        55: [
            "MD5": "a423850901cc19bda820e14169e8a7ae",
            "SHA-1": "8e3c5340fffe31264a9d27d62544909ec10d7737",
            "SHA-256": "7cda990214cc40c5e59b2a5f09f1c34da7ea4a7d44479d36b150ea7c04aa009a",
            "SHA-384": "71d911a8c2ee94b82060c9b9843953a9fd545238401b101a0779b522851a15fa2ff5d7cb5d0d85bc29c04fd17d60e0dc",
            "SHA-512": "2b99c4d106c919d0ebf0e01d3cdf7b514ac6cd0910d19eb1f7749bcfc704cc742c5f89676f0efdac2636fcfa535a59d2adb2b7af20b09e1d3f36a7ccb77761ca",
        ],
        56: [
            "MD5": "a6be95aef9ae896877681971e82c050d",
            "SHA-1": "dd95883bff80770f68bda678786c64aa79fb86e4",
            "SHA-256": "642b572edefc37c5664b4b95a7a83bdc5617dc06b241bfac5c8094b10fec734e",
            "SHA-384": "b0ef65eb96ff7c84c341594ac116bbffddba55864c300f21d7b0278573bbfe9c06954a1fce94f91ed4a5b3bbf53a0544",
            "SHA-512": "0c2bb7c181a44a2837f20e02ed2578ed1880458de9733f4ad205ba140d524373f7a83c4ab673ef8d4118039be3eaf6b999494d35b32234f3ca95348a63ec36a0",
        ],
        63: [
            "MD5": "6ab137c840ef42e0281dc86e4b9cbe3b",
            "SHA-1": "3c9d207daf0bdc4c4e4cb75b96eb74231a11969e",
            "SHA-256": "125d5830922e3666b5891332b54f12d328861b7ec30fec51a03fa27bbe549642",
            "SHA-384": "e6d73fc4cdc81555fced3e54c9680a3930ac080fcd7b6912fefc1a090b9e95881882b5aec88134fe8c081fffd93e8707",
            "SHA-512": "7d2d26af2865dea0bc86441d6d30469e5f6553018e5dde1f9e70e15667048087abefdcb8e6bc5634189d357fc5c9934cf4a7d25aa7561fe8bf69f3d771c5e4e6",
        ],
        64: [
            "MD5": "ce6e22000dda0f845d5f3e3600099e15",
            "SHA-1": "95e0f141dcbf424ea4f274d5bb42b33f51f4da80",
            "SHA-256": "15c32cfa73534b3c34a1244e4331e3757b34daf267f6a7322d471c849e3a5c65",
            "SHA-384": "82142c1b1a3dad4f570654d0b2593854f9a64ba0b5443651c5129fa6e9e17629e4f5489d616ed8b7d42268263bb4b988",
            "SHA-512": "c5ca44a841154096380fa9c25edbf6e7c52156dd1b2c2e85587abfc1bcdad3a89e2024b8bde6b9f5d857a96d795bd39dc44d641c006d94b9520050dc6729fdb6",
        ],
        111: [
            "MD5": "2f06df180fa98babc085132d1c52ba65",
            "SHA-1": "935dc98cc3db92043120285dc72fc3696c972922",
            "SHA-256": "888a303ecd2f72177594653e6d9ffcf8a2ee4ea87d7dac4a0106f3ea104081a3",
            "SHA-384": "cbcf256622fee82492cf3d79dde8d1f3e3c05673ab6805850ca85d7ae454d1cdc3993f531a4afaf3c6ee70228da408bc",
            "SHA-512": "d2d22f6bbb3c8ab7a49930e164c8e8c3c6c86cc4db983e71cd424cff44bebdf4015f99a8997aef7c4541543f2526040c1e32803e08f85f7bde12ebfa67fa009a",
        ],
        112: [
            "MD5": "196cd8c8097c3c3f585b1c4d1ec118b2",
            "SHA-1": "fa2b297b01b3c44aacde92205ebabf516aa11eea",
            "SHA-256": "a280ecfc734634a32d0ced2b6c269c62852d6e499451005f8b4170644f17995f",
            "SHA-384": "e833373e26897dd9b3901ab8bff18c42dbc98af34ae14e56591a84f82a65c621d0c19ffdc30afacaae1f825dd6fb205b",
            "SHA-512": "2524802bc09dfb40bab975773620a87a77fecbced91c35e1b4a266d83d112dd9b63314cbcf9bbb4b9accd72294d3edb53c8f8008dbb402a0ab71f65f0caccbc7",
        ],
        119: [
            "MD5": "f7276e47af32f9d59574739bdc428eaf",
            "SHA-1": "462fbd2c395f6bf85645b9302babe74308946556",
            "SHA-256": "a1913d07c18ff09efb38be9e5317b92e7a4cf103f6fb7448257c30c7cab59462",
            "SHA-384": "fd0f7ea1c39af8a51c1ef3258623a6279bcad82410c0fc79bafbbadc7108022fb2d152613b419a0397078cccec54abff",
            "SHA-512": "634d2c45c6e04ebc7b9cb3b7ce0cf3ad49822e82d18e4b0e7b27fa58a6d8d82d70abbd15203db6b27101d96e4e77908420d0d83b89c54797b6dbe468b1b2e42a",
        ],
        120: [
            "MD5": "3445203299c6a62212b8e4f4fe014ff2",
            "SHA-1": "e76f87f98667f9cfd0fce8df03ffb8bedc860d4d",
            "SHA-256": "f9fe9011baded2c49c901e5d4d74f66a00f057070e9e9d641b566eeea45f3be3",
            "SHA-384": "2012eeb2cb521f0ad0e6d9930fa781a8cf4e840024673af511bac6880891cb1319bb601383f25459474d9a14f1effb0f",
            "SHA-512": "e21ea0fc2fd33074b85ec95ea9a4616dd113ef96299f773ef32a3dd972d5bc6bbb10c9cf9d05c3c06ca4bd84d1940bf8d7d88964b679d3903e447315ab9f721c",
        ],
        200: [
            "MD5": "d27be98c0360203cb6850bdb1b599db4",
            "SHA-1": "9327f3559b8d2b6a2cbf751ca2679062b07faae2",
            "SHA-256": "6e8a846bf11e767a5b51b6d9176ef155dccf864f7a4974eec3799a2aef0577a9",
            "SHA-384": "04416ee934e9c67486af6724ed9308d440138da1adec67d2e71f46a3b97b9547e60a60cecbe770f8c6c9ca21e08f0792",
            "SHA-512": "745c581a906336c32dc0e654de2ebde82e1594d11bd2bcdbaf32433a6b89edb5edf64c018f44bc730c06c681e88a1633f19128bda6245980e964f4ce6f763468",
        ],
    ]

    @Test func mathRoundsEachOperandHalfUp() throws {
        #expect(try run("States.MathAdd(-1.49, -1.5)") == -2)
        #expect(try run("States.MathAdd(2.5, 0)") == 3)
        #expect(try run("States.MathAdd(-2.5, 0)") == -2)
        #expect(try run("States.MathAdd($.n, -1)", input: ["n": 10]) == 9)
    }

    @Test func mathAddTakesThirtyTwoBitOperandsAndNeverWrapsAround() throws {
        #expect(try run("States.MathAdd(2147483647, 2147483647)") == 4_294_967_294)
        #expect(try run("States.MathAdd(-2147483648, -2147483648)") == -4_294_967_296)
        for operands in ["9223372036854775807, 1", "1, 2147483648", "-2147483649, 0", "1e300, 0"] {
            let error = failure("States.MathAdd(\(operands))")
            #expect(error?.error == "States.IntrinsicFailure")
            #expect(error?.cause.contains("must be an integer from -2147483648 to 2147483647") == true, "\(operands)")
        }
    }

    @Test func mathRandomAcceptsTheWholeRangeOfLongs() throws {
        let value = try #require(try run("States.MathRandom(-9223372036854775808, 9223372036854775807)").intValue)
        #expect(value < .max)
        #expect(try run("States.MathRandom(9223372036854775806, 9223372036854775807)") == 9_223_372_036_854_775_806)
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

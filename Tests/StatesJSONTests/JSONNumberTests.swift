import Testing
import StatesJSON

@Suite struct JSONNumberTests {
    /// Java's `Double.toString`, which Jackson (and so AWS) uses for doubles.
    @Test(arguments: [
        (1.0, "1.0"), (1.5, "1.5"), (0.1, "0.1"), (1.1, "1.1"), (-1.5, "-1.5"),
        (0.0, "0.0"), (-0.0, "-0.0"),
        (1e20, "1.0E20"), (1.23e-7, "1.23E-7"), (-2.5e-10, "-2.5E-10"),
        (0.001, "0.001"), (0.0001, "1.0E-4"), (9_999_999.0, "9999999.0"), (1e7, "1.0E7"),
        (123456.789, "123456.789"), (1.7976931348623157e308, "1.7976931348623157E308"),
        (9.223372036854776e18, "9.223372036854776E18"), (100.0, "100.0"), (12345678.5, "1.23456785E7"),
    ])
    func doublesPrintAsJacksonDoes(value: Double, text: String) {
        #expect(JSONPrinter.format(.double(value)) == text)
    }

    @Test func integersPrintTheirDigits() {
        #expect(JSONPrinter.format(.int(3)) == "3")
        #expect(JSONPrinter.format(.int(.max)) == "9223372036854775807")
        #expect(JSONPrinter.format(.int(.min)) == "-9223372036854775808")
        #expect(JSON.double(3.0).description == "3")  // arithmetic results normalise to integers
        #expect(JSON.number(.normalized(2.5)).description == "2.5")
    }

    /// Cases recorded on AWS: a Lambda returning `0.0` comes back as `0.0`; JsonToString of
    /// 1.1 is "1.1"; StringToJson of "-0" is 0.
    @Test func corpusEvidence() throws {
        #expect(JSONPrinter.compact(try JSON.parse(#"{"Payload":0.0}"#)) == #"{"Payload":0.0}"#)
        #expect(JSONPrinter.compact(try JSON.parse("1.1")) == "1.1")
        #expect(JSONPrinter.compact(try JSON.parse("-0")) == "0")
        #expect(JSONPrinter.compact(try JSON.parse("[0,1,1.1,true]")) == "[0,1,1.1,true]")
    }

    @Test func textRoundTripsThroughParseAndPrint() throws {
        let text = "[1.0,1.5,1e20,-0.0,1.23e-7,100000000000000000000,9223372036854775807,"
            + "-9223372036854775808,9223372036854775808,-9223372036854775809]"
        let printed = JSONPrinter.compact(try JSON.parse(text))
        #expect(printed == "[1.0,1.5,1.0E20,-0.0,1.23E-7,1.0E20,9223372036854775807,"
            + "-9223372036854775808,9.223372036854776E18,-9.223372036854776E18]")
        #expect(JSONPrinter.compact(try JSON.parse(printed)) == printed)
    }

    @Test func integersBeyond64BitsBecomeTheNearestDouble() throws {
        #expect(try JSON.parse("9223372036854775807") == .number(.int(.max)))
        #expect(try JSON.parse("9223372036854775808") == .number(.double(9_223_372_036_854_775_808)))
        #expect(try JSON.parse("123456789012345678901234567890").doubleValue == 1.2345678901234568e29)
    }

    @Test func decimalsParseToTheCorrectlyRoundedDouble() throws {
        let cases: [(String, Double)] = [
            ("0.1", 0.1), ("3.14159265358979323846264338327950288", .pi), ("2.2250738585072014e-308", 2.2250738585072014e-308),
            ("1.7976931348623157e308", 1.7976931348623157e308), ("5e-324", .leastNonzeroMagnitude), ("123456789012345.678", 123456789012345.678),
            ("0.000001", 1e-6), ("1E22", 1e22), ("1e23", 1e23), ("9007199254740993.0", 9007199254740992),
            ("-0.0", -0.0), ("1e-400", 0),
        ]
        for (text, expected) in cases {
            let parsed = try JSON.parse(text).doubleValue
            #expect(parsed == expected, "\(text)")
            #expect(parsed?.sign == expected.sign, "\(text)")
        }
    }

    @Test func byteCountMatchesThePrintedText() throws {
        let v = try JSON.parse(#"{"a":[1,-20,3.5,1e20,true,false,null],"é\n":"tab\there \u0001 \"q\" 😀","":{}}"#)
        let text = JSONPrinter.compact(v)
        #expect(JSONPrinter.compactByteCount(v) == text.utf8.count)
        #expect(JSONPrinter.compactByteCount(v, exceeds: text.utf8.count) == false)
        #expect(JSONPrinter.compactByteCount(v, exceeds: text.utf8.count - 1) == true)
    }

    @Test func stringsEscapeAsJacksonDoes() {
        let v: JSON = ["q\"b\\s/\u{1}\u{1F}\u{7F}é\n\t\r\u{8}\u{C}"]
        #expect(JSONPrinter.compact(v) == #"["q\"b\\s/\u0001\u001F"# + "\u{7F}é" + #"\n\t\r\b\f"]"#)
    }

    /// The printer scans eight bytes at a time: each escapable byte must be found at every
    /// offset within a word, next to plain ASCII and to multi-byte text alike.
    @Test func escapesAreFoundAtEveryOffsetOfALongString() throws {
        for special in ["\"", "\\", "\n", "\u{1}", "\u{1F}"] {
            for offset in 0..<20 {
                let text = String(repeating: "a", count: offset) + special + "é😀 plain text after it"
                let printed = JSONPrinter.compact(.string(text))
                #expect(try JSON.parse(printed) == .string(text), "\(offset)")
                #expect(JSONPrinter.compactByteCount(.string(text)) == printed.utf8.count, "\(offset)")
                #expect(!printed.utf8.contains { $0 < 0x20 })
            }
        }
    }

    @Test func prettyPrinterIndentsTwoSpaces() throws {
        let v = try JSON.parse(#"{"a":[1,{"b":null}],"c":{},"d":[]}"#)
        #expect(JSONPrinter.pretty(v) == """
            {
              "a": [
                1,
                {
                  "b": null
                }
              ],
              "c": {},
              "d": []
            }
            """)
    }
}

@Suite struct JSONNumberComparisonTests {
    @Test func integersAndDoublesCompareExactly() {
        let big: Int64 = 9_007_199_254_740_993  // 2^53 + 1 has no double
        #expect(JSONNumber.int(3) == .double(3.0))
        #expect(JSONNumber.int(0) == .double(-0.0))
        #expect(JSONNumber.int(big) != .double(9_007_199_254_740_992))
        #expect(JSONNumber.int(big) > .double(9_007_199_254_740_992))
        #expect(JSONNumber.double(9_007_199_254_740_992) < .int(big))
        #expect(JSONNumber.int(.max) < .double(9.223372036854775808e18))
        #expect(JSONNumber.int(2) < .double(2.5) && JSONNumber.double(2.5) < .int(3))
        #expect(JSONNumber.int(-3) < .double(-2.5) && JSONNumber.double(-3.5) < .int(-3))
        #expect(Set<JSONNumber>([.int(3), .double(3.0), .double(3.5)]).count == 2)
        #expect(JSONNumber.double(1e300).intValue == nil && JSONNumber.double(-4.0).intValue == -4)
    }
}

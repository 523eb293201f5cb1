import Testing
@testable import JSONata

/// `$number` of strings, JavaScript's `Number()` of text, and `$power`/`$sqrt`, as the
/// reference answers them.
@Suite struct NumberCastTests {
    func cast(_ s: String) -> Double? { try? NumberFunctions.number(fromString: s) }

    @Test(arguments: [
        ("0", 0), ("1e2", 100), ("1e0", 1), ("0123", 123), ("000.00123000", 0.00123), ("0B101", 5), ("0O12", 10),
        ("-0", 0), ("00", 0), ("1e-400", 0), ("0x1F", 31), ("0xFFFFFFFFFFFFFFFFFFFF", 1.2089258196146292e24),
        ("-12.5E+3", -12500), ("0b" + String(repeating: "1", count: 60), 1152921504606846976),
    ] as [(String, Double)])
    func castsNumberText(text: String, value: Double) {
        #expect(cast(text) == value)
    }

    @Test(arguments: ["10e500", "1/2", "1234 hello", "", " 12", "12 ", "Infinity", "-Infinity", "+12", ".5", "5.",
                      "-0x10", "0x", "-", "1e", "NaN", "１", "1_000"])
    func rejectsOtherText(text: String) {
        #expect(throws: JSONataError("D3030", value: .string(text), index: 1)) { try NumberFunctions.number(fromString: text) }
    }

    /// The reference's prefixed-number test anchors only its first and last alternatives, so
    /// these pass it and `Number()` then reads them: NaN, or a number despite the spaces.
    @Test func prefixedTextLooselyMatched() {
        #expect(cast("0x1G")?.isNaN == true)
        #expect(cast("abc0o7xyz")?.isNaN == true)
        #expect(cast("1 0b1")?.isNaN == true)
        #expect(cast(" 0o17 ") == 15)
        #expect(cast("0x10 ") == 16)
        #expect(cast("\t0b11") == 3)
        #expect(JSONataError("D3030", value: .string("1/2")).message == "Unable to cast value to a number: \"1/2\"")
    }

    @Test(arguments: [
        ("", 0), ("  12  ", 12), ("\u{A0}12\u{3000}", 12), ("\u{FEFF}7", 7), ("+1.5", 1.5), ("-.5", -0.5), ("5.", 5),
        ("0x1F", 31), ("0X1f", 31), ("0b101", 5), ("0o17", 15), ("Infinity", .infinity), ("-Infinity", -.infinity),
        ("+Infinity", .infinity), ("1e400", .infinity), ("1.5e-3", 0.0015), ("00012", 12),
        // Hex digits beyond 53 bits round to nearest, ties to even.
        ("0x20000000000001", 9007199254740992), ("0x20000000000003", 9007199254740996),
        ("0x2000000000000100000001", 3.868562622766814e25),
    ] as [(String, Double)])
    func javaScriptNumberOfText(text: String, value: Double) {
        #expect(JSNumber.parse(text) == value)
    }

    @Test(arguments: ["1e", "-0x1F", "0o18", "infinity", "1_0", "0x", "abc", "1 2", "--1", "e5", "."])
    func javaScriptNaNText(text: String) {
        #expect(JSNumber.parse(text).isNaN)
    }

    @Test func power() throws {
        #expect(try NumberFunctions.power(4, 0.5) == 2)
        #expect(try NumberFunctions.power(10, -2) == 0.01)
        #expect(try NumberFunctions.power(2, -3) == 0.125)
        #expect(try NumberFunctions.power(7, 2) == 49)
        #expect(try NumberFunctions.power(.nan, 0) == 1)
        for (base, exponent) in [(-8, 1.0 / 3), (2, 1024), (0, -1), (-2, 0.5), (1, .infinity), (-1, -.infinity)] as [(Double, Double)] {
            #expect(throws: JSONataError("D3061", value: .number(base), value2: .number(exponent), index: 1)) {
                try NumberFunctions.power(base, exponent)
            }
        }
        // JavaScript's 1 ** NaN is NaN, where C's pow gives 1.
        let error = #expect(throws: JSONataError.self) { try NumberFunctions.power(1, .nan) }
        #expect(error?.code == "D3061")
        #expect(JSONataError("D3061", value: .number(2), value2: .number(1024)).message
            == "The power function has resulted in a value that cannot be represented as a JSON number: base=2, exponent=1024")
    }

    @Test func squareRoot() throws {
        #expect(try NumberFunctions.sqrt(4) == 2)
        #expect(try NumberFunctions.sqrt(2) == 1.4142135623730951)
        #expect(try NumberFunctions.sqrt(-0.0) == 0)
        #expect(throws: JSONataError("D3060", value: .number(-1), index: 1)) { try NumberFunctions.sqrt(-1) }
        #expect(JSONataError("D3060", value: .number(-1)).message == "The sqrt function cannot be applied to a negative number: -1")
    }
}

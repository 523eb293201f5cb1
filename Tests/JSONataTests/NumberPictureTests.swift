import Testing
@testable import JSONata

/// `$formatNumber` writes numbers to XPath pictures exactly as jsonata-js 2.2.2 does; every
/// expected text here is what the reference printed.
@Suite struct NumberPictureTests {
    func format(_ value: Double, _ picture: String, _ options: [String: String] = [:]) -> String {
        do {
            return try NumberPicture.format(value, picture: picture, options: options)
        } catch {
            return "error " + error.code
        }
    }

    @Test(arguments: [
        (12345678.9, "9,999.99", "12,345,678.90"), (123412345678.9, "9,9,99.99", "123412345,6,78.90"),
        (123.9, "9999", "0124"), (0.14, "01%", "14%"), (-6, "000", "-006"), (1234.5678, "00.000e0", "12.346e2"),
        (1234.5678, "00.000e000", "12.346e002"), (0.234, "0.0e0", "2.3e-1"), (0.234, "#.00e0", "0.23e0"),
        (0.123, "#.e9", "0.1e0"), (0.234, ".00e0", ".23e0"), (2392.14 * -36.58, "000,000.000###;###,###.000###", "87,504.4812"),
        (2.14 * 86.58, "PREFIX##00.000###SUFFIX", "PREFIX185.2812SUFFIX"), (2, "000.000", "002.000"),
        (0, "0e0", "0e0"), (-42, "0e0", "-4e1"), (42, "0e0", "4e1"), (0, "0.00e0", "0.00e0"),
    ] as [(Double, String, String)])
    func suiteCases(value: Double, picture: String, text: String) {
        #expect(format(value, picture) == text)
    }

    @Test func suiteCasesWithOptions() {
        #expect(format(0.14, "###pm", ["per-mille": "pm"]) == "140pm")
        #expect(format(1234.5678, "①①.①①①e①", ["zero-digit": "\u{245F}"]) == "①②.③④⑥e②")
        #expect(format(0.1, "AeAAA", ["zero-digit": "A"]) == "Be-AAB")
    }

    @Test(arguments: [
        (1234567.891, "#,##0.00", "1,234,567.89"), (1234567.891, "#,##0.###", "1,234,567.891"),
        // Irregular grouping repeats nothing; the fractional part's separators count from the point.
        (1234567.891, "#,##,##0", "12,34,568"), (1234567.891, "0,00,000", "12,34,568"), (1234567, "#,###,#", "123,456,7"),
        (1234567.891, "#,###,##0.0,0,0", "1,234,567.8,9,1"), (0.5, "#,##0.0,0", "0.5,0"),
        (12345678901234567168, "#,##0", "12,345,678,901,234,567,168"), (1234.5, "#", "1234"), (-1234.5, "#", "-1234"),
        // The reference finds a fractional separator after the first only by searching the integer part.
        (1234567.1234567, "#.###,###,#", "1234567.123,4567"), (1, "0.0,0,0", "1.0,00"),
    ] as [(Double, String, String)])
    func grouping(value: Double, picture: String, text: String) {
        #expect(format(value, picture) == text)
    }

    @Test(arguments: [
        (0.5, "#", "0"), (0, "#", "0"), (0, "#.#", ".0"), (0, "0.0", "0.0"), (0.001, "#.##", ".0"), (12, "#.00", "12.00"),
        (0.5, ".0", ".5"), (1e-7, "#.##########", ".0000001"), (123.456, "#,##0.0000000000", "123.4560000000"),
        (0.1, "0.00000000000000000000", "0.10000000000000000555"), (-0.0, "0.0", "0.0"), (-0.001, "0.00", "-0.00"),
    ] as [(Double, String, String)])
    func mandatoryAndOptionalDigits(value: Double, picture: String, text: String) {
        #expect(format(value, picture) == text)
    }

    /// Rounding is `$round`'s: half to even on the number as printed, so 0.125 goes down.
    @Test(arguments: [
        (0.125, "0.00", "0.12"), (0.135, "0.00", "0.14"), (2.5, "0", "2"), (3.5, "0", "4"), (-2.5, "0", "-2"),
        (1.005, "0.00", "1.00"), (2.675, "0.00", "2.68"), (9.995, "0.00", "10.00"), (99.995, "#,##0.00", "100.00"),
    ] as [(Double, String, String)])
    func rounding(value: Double, picture: String, text: String) {
        #expect(format(value, picture) == text)
    }

    @Test(arguments: [
        (1234.5678, "0.000e0", "1.235e3"), (1234.5678, "#.000e0", "0.123e4"), (1234.5678, "##0.0#e00", "1.23e03"),
        (0.00012345, "0.00e0", "1.23e-4"), (-0.00012345, "0.00e0", "-1.23e-4"), (123456789, "0.0e0", "1.2e8"),
        // The mantissa may reach 10^(integer digits) itself, and rounding may carry past it.
        (100, "00e0", "100e0"), (99.99, "0.0e0", "10.0e1"), (1e21, "0.0e0", "10.0e20"),
        (.leastNonzeroMagnitude, "0.0e0", "4.9e-324"), (1.7976931348623157e308, "0.00e0", "1.80e308"),
        (1234, "#e0", "0.e4"), (0.0001234, "#.#e0", "0.1e-3"),
    ] as [(Double, String, String)])
    func exponents(value: Double, picture: String, text: String) {
        #expect(format(value, picture) == text)
    }

    @Test(arguments: [
        (123.456, "#,##0.00;(#,##0.00)", "123.46"), (-123.456, "#,##0.00;(#,##0.00)", "(123.46)"),
        (-123.456, "#,##0.00", "-123.46"), (0.256, "#0.0%", "25.6%"), (0.256, "#0.0‰", "256.0‰"),
        (1234.5, "$#,##0.00 USD", "$1,234.50 USD"), (1234.5, "#,##0.00 €", "1,234.50 €"),
    ] as [(Double, String, String)])
    func subPicturesPercentAndAffixes(value: Double, picture: String, text: String) {
        #expect(format(value, picture) == text)
    }

    @Test func everyPropertyCanBeReplaced() {
        #expect(format(-123.456, "#,##0.00", ["minus-sign": "\u{2212}"]) == "\u{2212}123.46")
        #expect(format(1234.5, "#.##0,00", ["decimal-separator": ",", "grouping-separator": "."]) == "1.234,50")
        #expect(format(1234.5, "# ##0,00", ["decimal-separator": ",", "grouping-separator": " "]) == "1 234,50")
        #expect(format(0.256, "#0pc", ["percent": "pc"]) == "26pc")
        #expect(format(1234.5, "０.００", ["zero-digit": "０"]) == "１２３４.５０")
        #expect(format(1234.5, "#,##٠.٠٠", ["zero-digit": "٠"]) == "١,٢٣٤.٥٠")
        #expect(format(1234.5, "x,xx0.00", ["digit": "x"]) == "1,234.50")
        #expect(format(-1234.5, "#,##0.00|(#,##0.00)", ["pattern-separator": "|"]) == "(1,234.50)")
        #expect(format(1234.5678, "0.00E0", ["exponent-separator": "E"]) == "1.23E3")
        // `infinity` and `NaN` are accepted and unused, as in the reference; unknown names are ignored.
        #expect(format(1234.5, "#,##0.00", ["infinity": "inf", "NaN": "nan", "unknown": "?"]) == "1,234.50")
    }

    /// A property of several characters is never one active character, so the picture's
    /// own `.` becomes passive; only searched-for properties (percent, per-mille) work as text.
    @Test func multiCharacterProperties() {
        #expect(format(1234.5, "#,##0.00", ["decimal-separator": "dp"]) == "error D3086")
        #expect(format(1234.5, "#gg##0.00", ["grouping-separator": "gg"]) == "error D3086")
        #expect(format(1234.5678, "0.00x10^0", ["exponent-separator": "x10^"]) == "error D3093")
    }

    /// The point of JavaScript's fixed text becomes the decimal separator through `replace`,
    /// whose `$` patterns apply; a separator longer than one character can only appear
    /// there (never in the picture), and the text's zero stripping then misses it.
    @Test func oddPropertiesBehaveAsInTheReference() {
        #expect(format(1234, "#e0", ["decimal-separator": "ds"]) == "0dse4")
        #expect(format(1234, "#e0", ["decimal-separator": "$&"]) == "00.e4")
        #expect(format(1234, "#e0", ["decimal-separator": "$$"]) == "00$e4")
        #expect(format(1234, "#e0", ["decimal-separator": "[$`|$']"]) == "00[0|1]e4")
        // No digit family at all: the digits vanish.
        #expect(format(12, "#", ["zero-digit": ""]) == "")
        // The family counts up from the zero's code unit and wraps past U+FFFF.
        #expect(format(12.5, "#.#", ["zero-digit": "\u{FFFF}"]) == "\u{0}\u{1}.\u{4}")
        // An empty pattern separator splits the picture into its characters.
        #expect(format(5, "00", ["pattern-separator": ""]) == "5")
        #expect(format(-5, "0#", ["pattern-separator": ""]) == "5")
        #expect(format(5, "000", ["pattern-separator": ""]) == "error D3080")
    }

    @Test func infinityAndNaNPrintAsJavaScriptWrites() {
        #expect(format(.infinity, "0") == "Infinity")
        // NaN takes the negative sub-picture, as `NaN >= 0` is false.
        #expect(format(.nan, "0") == "-NaN")
        #expect(format(.nan, "#,##0.00") == "-NaN.00")
        #expect(format(.nan, "0e0") == "-NaNe0")
    }

    /// Where the reference never finishes or JavaScript refuses, an error instead.
    @Test func whatTheReferenceCannotFinishIsAnError() {
        #expect(format(.infinity, "0e0") == "error D1001")
        #expect(format(1, "0." + String(repeating: "#", count: 101)) == "error RangeError")
        #expect(format(1, "0." + String(repeating: "#", count: 100)) == "1")
    }

    @Test(arguments: [
        ("#;#;#", "D3080"), ("0;0;0", "D3080"), ("#.0.0", "D3081"), ("0..0", "D3081"), ("0%%", "D3082"),
        ("#0‰‰", "D3083"), ("#0%‰", "D3084"), ("", "D3085"), (";", "D3085"), ("0;", "D3085"),
        ("0+.e0", "D3086"), ("%%", "D3086"), ("‰‰", "D3086"), ("%‰", "D3086"), ("---", "D3086"), ("abc", "D3086"),
        ("a0b0", "D3086"), ("0 0", "D3086"), ("0,.e0", "D3087"), ("#,.0", "D3087"), ("#.,0", "D3087"),
        ("0,", "D3088"), ("##0,", "D3088"), ("0,,0", "D3089"), ("0#", "D3090"), ("#0.#0e0", "D3091"), ("0.#0", "D3091"),
        ("#0.0e0%", "D3092"), ("#0.0‰e0", "D3092"), ("0e", "D3093"), ("0eA", "D3093"), ("0.0e-0", "D3093"),
    ] as [(String, String)])
    func pictureErrors(picture: String, code: String) {
        #expect(format(20, picture) == "error " + code)
    }

    @Test func errorsReadAsTheReferenceWordsThem() {
        #expect(throws: JSONataError("D3080")) { try NumberPicture("#;#;#") }
        #expect(JSONataError("D3089").message == "The sub-picture must not contain two adjacent instances of the 'grouping-separator' character")
    }

    @Test func aPictureIsAnalysedOnceAndFormatsManyNumbers() throws {
        let picture = try NumberPicture("#,##0.00;(#,##0.00)")
        #expect(try picture.format(1234.5) == "1,234.50")
        #expect(try picture.format(-0.5) == "(0.50)")
        #expect(try picture.format(0) == "0.00")
    }
}

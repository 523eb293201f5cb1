import Testing
@testable import JSONata

/// `$formatInteger` and `$parseInteger` with XPath integer pictures, as jsonata-js 2.2.2 writes
/// and reads them (every expected text is what the reference printed).
@Suite struct IntegerPictureTests {
    func format(_ value: Double, _ picture: String) -> String {
        do {
            return try IntegerPicture.format(value, picture: picture)
        } catch {
            return "error " + error.code
        }
    }

    func parse(_ text: String, _ picture: String) -> Double? {
        try? IntegerPicture.parse(text, picture: picture)
    }

    @Test(arguments: [
        (7, "000", "007"), (-12.5, "0", "-13"), (1234, "#0", "1234"), (1e21, "0", "1e+21"),
        // Any Unicode decimal family, the digits of the number moved into it.
        (12345, "٠", "١٢٣٤٥"), (2024, "０", "２０２４"),
    ] as [(Double, String, String)])
    func decimalDigits(value: Double, picture: String, text: String) {
        #expect(format(value, picture) == text)
    }

    @Test func digitsFromTwoFamiliesAreRefused() {
        #expect(format(1, "0٠") == "error D3131")
        #expect((try? IntegerPicture.parse("1", picture: "0٠")) == nil)
    }

    @Test(arguments: [
        // Equal intervals of one character repeat across the number.
        (1234567, "#,##0", "1,234,567"), (1234567, "0,0", "1,2,3,4,5,6,7"), (1234567, "# ##0", "1 234 567"),
        // Otherwise each separator stands only where the picture puts it.
        (123456789, "#,##,##0", "1234,56,789"), (1234567890, "#:###,##0", "1234:567,890"),
        // A number shorter than a separator's place loses digits, as in the reference.
        (1234, "#,##,##0", ",4"), (12, "#:###,##0", ",:12"),
    ] as [(Double, String, String)])
    func groupingSeparators(value: Double, picture: String, text: String) {
        #expect(format(value, picture) == text)
    }

    @Test(arguments: [
        (1, "0;o", "1st"), (2, "0;o", "2nd"), (23, "0;o", "23rd"), (11, "0;o", "11th"), (112, "0;o", "112th"),
        (1234, "#,##0;o", "1,234th"), (42, "000;o", "042nd"),
    ] as [(Double, String, String)])
    func decimalOrdinals(value: Double, picture: String, text: String) {
        #expect(format(value, picture) == text)
    }

    @Test(arguments: [
        (0, "w", "zero"), (123, "w", "one hundred and twenty-three"), (90, "w;o", "ninetieth"),
        (100, "w;o", "one hundredth"), (1_000_001, "Ww", "One Million and One"), (-1234, "W;o", "-ONE THOUSAND, TWO HUNDRED AND THIRTY-FOURTH"),
        (5, "Ww;o", "Fifth"), (1e15, "w", "one thousand trillion"),
        (9_007_199_254_740_992, "w", "nine thousand and seven trillion, one hundred and ninety-nine billion, two hundred and fifty-four million, seven hundred and forty thousand, nine hundred and ninety-two"),
    ] as [(Double, String, String)])
    func words(value: Double, picture: String, text: String) {
        #expect(format(value, picture) == text)
    }

    @Test(arguments: [
        (1984, "I", "MCMLXXXIV"), (4444, "i", "mmmmcdxliv"), (0, "I", ""),
        (1, "a", "a"), (26, "a", "z"), (27, "A", "AA"), (702, "a", "zz"), (-27, "A", "-AA"), (0, "a", ""),
    ] as [(Double, String, String)])
    func romanNumeralsAndLetters(value: Double, picture: String, text: String) {
        #expect(format(value, picture) == text)
    }

    @Test func hugeRomanNumeralsAreRefusedRatherThanBuilt() {
        #expect(format(1e15, "I") == "error U1001")
    }

    @Test func otherSequencesAreNotSupported() {
        for picture in ["ww", "x", "", ";o", "#", "Ii"] {
            #expect(format(5, picture) == "error D3130", "\(picture)")
        }
        #expect((try? IntegerPicture.parse("12", picture: "x")) == nil)
    }

    @Test(arguments: [
        ("0123", "0000", 123.0), ("1,234,567", "#,##0", 1234567), ("1234:567,890", "#:###,##0", 1234567890),
        ("123rd", "000;o", 123), ("١٢٣٤٠", "###١", 12340), ("0x1A", "0", 26),
        // A regular pattern drops only commas, so its own separator stops the reading.
        ("1.234", "#.##0", 1),
        ("MCMLXXXIV", "I", 1984), ("xcix", "i", 99), ("", "I", 0), ("FZPH", "A", 123456), ("aa", "a", 27),
        ("three thousand, seven hundred and thirty-first", "w;o", 3731), ("NINETY-NINE", "W", 99),
        ("one thousand trillion", "w", 1e15), ("twenty one", "w", 21),
    ] as [(String, String, Double)])
    func parsing(text: String, picture: String, value: Double) {
        #expect(parse(text, picture) == value)
    }

    @Test func unreadableTextIsNotANumber() {
        for (text, picture) in [("foo", "w"), ("abc", "0"), ("", "0"), ("xcix", "I"), ("a thousand", "w")] {
            #expect(parse(text, picture)?.isNaN == true, "\(text) \(picture)")
        }
    }
}

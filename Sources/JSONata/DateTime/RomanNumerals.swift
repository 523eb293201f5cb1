#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Roman numerals, lower case: `mcmlxxxiv`.
enum RomanNumerals {
    private static let numerals: [(value: Double, text: String)] = [
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
        (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ]

    /// The largest number written: the reference runs out of stack well before ten million.
    static let limit = 10_000_000.0

    /// `value` (whole, not negative) in numerals, empty for zero.
    static func text(_ value: Double) throws(JSONataError) -> String {
        guard !(value >= limit) else {
            throw JSONataError("U1001", detail: "Stack overflow: \(JSNumber.string(value)) is too large to write in Roman numerals (the limit is \(JSNumber.string(limit)))")
        }
        guard value >= 1 else { return "" }
        var rest = value, text = ""
        for numeral in numerals {
            while rest >= numeral.value {
                text += numeral.text
                rest -= numeral.value
            }
        }
        return text
    }

    /// The value of upper-case numerals; a smaller numeral before a larger one is taken away.
    /// NaN when a character is not a numeral.
    static func value(of text: String) -> Double {
        var total = 0.0, largest = 1.0
        for u in text.unicodeScalars.reversed() {
            let value: Double
            switch u {
            case "M": value = 1000
            case "D": value = 500
            case "C": value = 100
            case "L": value = 50
            case "X": value = 10
            case "V": value = 5
            case "I": value = 1
            default: return .nan
            }
            if value < largest {
                total -= value
            } else {
                largest = value
                total += value
            }
        }
        return total
    }
}

/// Spreadsheet-style letters: `a` ... `z`, `aa`, `ab`, ...
enum LetterNumbering {
    /// `value` (whole, not negative) in letters starting at `a` (a code point), empty for zero.
    static func text(_ value: Double, a: UInt32) throws(JSONataError) -> String {
        guard value.isFinite else {
            throw JSONataError("U1001", detail: "\(JSNumber.string(value)) cannot be written in letters")
        }
        var letters: [Unicode.Scalar] = []
        var rest = value
        while rest > 0 {
            letters.append(Unicode.Scalar(a + UInt32((rest - 1).truncatingRemainder(dividingBy: 26)))!)
            rest = ((rest - 1) / 26).rounded(.down)
        }
        return String(String.UnicodeScalarView(letters.reversed()))
    }

    /// The value of letters counted from `a` (a code point); any character counts by its
    /// distance from `a`, as the reference reads them.
    static func value(of text: String, a: UInt32) -> Double {
        var total = 0.0
        for (i, unit) in text.utf16.reversed().enumerated() {
            total += (Double(unit) - Double(a) + 1) * pow(26, Double(i))
        }
        return total
    }
}

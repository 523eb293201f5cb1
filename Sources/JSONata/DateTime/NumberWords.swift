#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Integers in English words, as the reference writes and reads them: `One Hundred and
/// Twenty-Three`, `Twenty-Third`; magnitudes stop at trillion, so larger numbers repeat it
/// (`One Thousand Trillion`).
enum NumberWords {
    private static let units = ["Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
                                "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen",
                                "Nineteen"]
    private static let unitOrdinals = ["Zeroth", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth",
                                       "Ninth", "Tenth", "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth",
                                       "Sixteenth", "Seventeenth", "Eighteenth", "Nineteenth"]
    private static let tens = ["Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"]
    private static let magnitudes = ["Thousand", "Million", "Billion", "Trillion"]

    /// `value` (whole, not negative) in title-case words; nil for a value that is not a
    /// finite number.
    static func words(_ value: Double, ordinal: Bool) -> String? {
        guard value.isFinite, value >= 0 else { return nil }
        return words(value, afterMore: false, ordinal: ordinal)
    }

    /// `afterMore`: larger parts have been written already, so this part is joined on.
    private static func words(_ n: Double, afterMore: Bool, ordinal: Bool) -> String {
        if n <= 19 {
            let i = Int(n)
            return (afterMore ? " and " : "") + (ordinal ? unitOrdinals[i] : units[i])
        }
        if n < 100 {
            let rest = n.truncatingRemainder(dividingBy: 10)
            var text = (afterMore ? " and " : "") + tens[Int(n / 10) - 2]
            if rest > 0 {
                text += "-" + words(rest, afterMore: false, ordinal: ordinal)
            } else if ordinal {
                text = String(text.dropLast()) + "ieth"
            }
            return text
        }
        let scale: Double, name: String
        if n < 1000 {
            (scale, name) = (100, "Hundred")
        } else {
            let magnitude = min(Int((log10(n) / 3).rounded(.down)), magnitudes.count)
            (scale, name) = (pow(10, Double(magnitude * 3)), magnitudes[magnitude - 1])
        }
        let count = (n / scale).rounded(.down)
        let rest = n - count * scale
        var text = (afterMore ? ", " : "") + words(count, afterMore: false, ordinal: false) + " " + name
        if rest > 0 {
            text += words(rest, afterMore: true, ordinal: ordinal)
        } else if ordinal {
            text += "th"
        }
        return text
    }

    /// The value of each word, cardinal and ordinal, lower case.
    static let values: [(word: String, value: Double)] = {
        var table: [(String, Double)] = []
        for (i, word) in units.enumerated() { table.append((word.lowercased(), Double(i))) }
        for (i, word) in unitOrdinals.enumerated() { table.append((word.lowercased(), Double(i))) }
        for (i, word) in tens.enumerated() {
            let value = Double(i + 2) * 10
            table.append((word.lowercased(), value))
            table.append((String(word.lowercased().dropLast()) + "ieth", value))
        }
        // The reference lists Hundred with the tens, so it also reads "hundreieth".
        table.append(("hundred", 100))
        table.append(("hundreieth", 100))
        table.append(("hundredth", 100))
        for (i, word) in magnitudes.enumerated() {
            let value = pow(10, Double(i + 1) * 3)
            table.append((word.lowercased(), value))
            table.append((word.lowercased() + "th", value))
        }
        return table
    }()

    private static let lookup = Dictionary(values, uniquingKeysWith: { first, _ in first })

    /// The number `text` spells out; NaN when a word is not a number word.
    static func value(of text: String) -> Double {
        var segments: [Double] = [0]
        for word in split(text.lowercased()) {
            guard let value = lookup[word] else { return .nan }
            if value < 100 {
                var top = segments.removeLast()
                if top >= 1000 {
                    segments.append(top)
                    top = 0
                }
                segments.append(top + value)
            } else {
                segments.append(segments.removeLast() * value)
            }
        }
        return segments.reduce(0, +)
    }

    /// The words of `text`, split at `, `, ` and `, white space, `\` and `-`.
    private static func split(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var words: [String] = [], current = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let u = scalars[i]
            var skip = 0
            if u == ",", i + 1 < scalars.count, JSNumber.isWhiteSpace(scalars[i + 1]) {
                skip = 2
            } else if JSNumber.isWhiteSpace(u), i + 4 < scalars.count, String(String.UnicodeScalarView(scalars[(i + 1)...(i + 3)])) == "and",
                      JSNumber.isWhiteSpace(scalars[i + 4]) {
                skip = 5
            } else if JSNumber.isWhiteSpace(u) || u == "\\" || u == "-" {
                skip = 1
            }
            if skip > 0 {
                words.append(String(current))
                current = String.UnicodeScalarView()
                i += skip
            } else {
                current.append(u)
                i += 1
            }
        }
        words.append(String(current))
        return words
    }
}

/// Numbers written the way JavaScript writes them (`Number.prototype.toString()`), which is how
/// the reference prints every number it returns: `1e+21`, `0.30000000000000004`, `1.5e-7`, `3`.
enum JSNumber {
    /// The shortest text that reads back as `d`, in JavaScript's layout.
    static func string(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        if d == 0 { return "0" }
        if d == d.rounded(), abs(d) < 1e21, abs(d) < 9.007_199_254_740_992e15 {
            return String(Int64(d))
        }
        let (digits, exponent) = shortestDigits(abs(d))
        return (d < 0 ? "-" : "") + layout(digits: digits, pointAt: exponent)
    }

    /// The shortest round-tripping decimal digits of a positive finite `d` and the position of
    /// the decimal point: `d = 0.DIGITS × 10^point`.
    static func shortestDigits(_ d: Double) -> (digits: [UInt8], point: Int) {
        // Swift's description is the shortest round-tripping form, in one of two layouts:
        // `123.45` or `1.2345e+20` / `5e-324`.
        let text = d.description
        var digits: [UInt8] = []
        var point = 0
        var seenPoint = false
        var exponent = 0
        var i = text.utf8.startIndex
        let utf8 = text.utf8
        while i < utf8.endIndex {
            let c = utf8[i]
            if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                exponent = Int(String(text[text.index(after: i)...]))!
                break
            }
            if c == UInt8(ascii: ".") {
                seenPoint = true
            } else {
                digits.append(c - UInt8(ascii: "0"))
                if !seenPoint { point += 1 }
            }
            i = utf8.index(after: i)
        }
        // Drop leading zeros (0.00123) and trailing zeros (120.0).
        while let first = digits.first, first == 0, digits.count > 1 {
            digits.removeFirst()
            point -= 1
        }
        while let last = digits.last, last == 0, digits.count > 1 { digits.removeLast() }
        return (digits, point + exponent)
    }

    /// ECMAScript's Number::toString layout of `0.DIGITS × 10^point`.
    static func layout(digits: [UInt8], pointAt n: Int) -> String {
        let k = digits.count
        let chars = digits.map { Character(Unicode.Scalar($0 + UInt8(ascii: "0"))) }
        if k <= n && n <= 21 {
            return String(chars) + String(repeating: "0", count: n - k)
        }
        if 0 < n && n <= 21 {
            return String(chars[..<n]) + "." + String(chars[n...])
        }
        if -6 < n && n <= 0 {
            return "0." + String(repeating: "0", count: -n) + String(chars)
        }
        let e = n - 1
        let sign = e < 0 ? "-" : "+"
        let mantissa = k == 1 ? String(chars) : String(chars[..<1]) + "." + String(chars[1...])
        return mantissa + "e" + sign + String(abs(e))
    }
}

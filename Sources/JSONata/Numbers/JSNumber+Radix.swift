extension JSNumber {
    /// `d.toString(radix)` for a whole number `d` (what `$formatBase` prints after rounding),
    /// radix 2...36, with V8's digits: radix 10 is the ordinary `toString` (`1e+21`); other
    /// radices write every integer digit, and beyond 2^53 the places a double cannot hold
    /// come out as zeros, as V8 writes them (`(2**60).toString(7)` ends in zeros).
    static func string(_ d: Double, radix: Int) -> String {
        guard radix != 10, d.isFinite else { return string(d) }
        let r = Double(radix)
        var integer = abs(d).rounded(.down)
        var reversed: [UInt8] = []
        // While the quotient is at least 2^53 its last digit is not represented: V8 divides
        // (rounding) and writes a zero.
        while integer / r >= 9_007_199_254_740_992 {
            integer /= r
            reversed.append(UInt8(ascii: "0"))
        }
        repeat {
            let remainder = integer.truncatingRemainder(dividingBy: r)
            reversed.append(digitCharacters[Int(remainder)])
            integer = (integer - remainder) / r
        } while integer > 0
        if d < 0 { reversed.append(UInt8(ascii: "-")) }
        return String(decoding: reversed.reversed(), as: UTF8.self)
    }

    private static let digitCharacters = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)
}

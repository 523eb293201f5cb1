extension JSONReader {
    /// Powers of ten a double holds exactly; with a mantissa below 2^53 one multiply or divide by
    /// them rounds once, so the result is the correctly rounded double (Clinger's fast path).
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    @inline(__always)
    private func isDigit(_ i: Int) -> Bool {
        i < end && base[i] &- UInt8(ascii: "0") < 10
    }

    /// Reads a number: an exact `Int64` when the text is an integer that fits, else a double.
    ///
    /// Integers beyond 64 bits become the nearest double, as the brief for this module settles;
    /// printing that double gives text that reads back to the same value.
    mutating func readNumber() throws(JSONParseError) -> JSONNumber {
        let start = index
        var i = index
        let negative = base[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        guard isDigit(i) else { throw error("invalid number; expected a digit after '-'", at: i) }

        // Up to 19 significant digits fit a UInt64; more send us to the slow path.
        var mantissa: UInt64 = 0
        var significant = 0
        var truncated = false
        var fractionDigits = 0
        if base[i] == UInt8(ascii: "0") {
            i += 1
            if isDigit(i) { throw error("invalid number; leading zeros are not allowed", at: start) }
        } else {
            while isDigit(i) {
                if significant < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(base[i] &- UInt8(ascii: "0"))
                    significant += 1
                } else {
                    truncated = true
                }
                i += 1
            }
        }
        var isInteger = true
        if i < end && base[i] == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            guard isDigit(i) else { throw error("invalid number; expected a digit after '.'", at: i) }
            while isDigit(i) {
                if significant < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(base[i] &- UInt8(ascii: "0"))
                    if mantissa != 0 { significant += 1 }
                    fractionDigits += 1
                } else {
                    truncated = true
                }
                i += 1
            }
        }
        var exponent = 0
        if i < end && (base[i] | 0x20) == UInt8(ascii: "e") {
            isInteger = false
            i += 1
            var negativeExponent = false
            if i < end && (base[i] == UInt8(ascii: "+") || base[i] == UInt8(ascii: "-")) {
                negativeExponent = base[i] == UInt8(ascii: "-")
                i += 1
            }
            guard isDigit(i) else { throw error("invalid number; expected a digit in the exponent", at: i) }
            while isDigit(i) {
                // Saturate: anything this large is out of range (or zero) either way.
                if exponent < 100_000 { exponent = exponent * 10 + Int(base[i] &- UInt8(ascii: "0")) }
                i += 1
            }
            if negativeExponent { exponent = -exponent }
        }
        index = i

        if isInteger && !truncated {
            if negative {
                if mantissa <= UInt64(Int64.max) { return .int(-Int64(mantissa)) }
                if mantissa == UInt64(Int64.max) + 1 { return .int(.min) }
            } else if mantissa <= UInt64(Int64.max) {
                return .int(Int64(mantissa))
            }
        }
        if !truncated && mantissa <= 1 << 53 {
            let power = exponent - fractionDigits
            if power >= -22 && power <= 22 {
                var d = Double(mantissa)
                if power >= 0 { d *= Self.exactPowersOfTen[power] } else { d /= Self.exactPowersOfTen[-power] }
                return .double(negative ? -d : d)
            }
        }
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: i - start), as: UTF8.self)
        guard let d = Double(text), d.isFinite else {
            throw error("number \(text) is too large for a 64-bit double", at: start)
        }
        return .double(d)
    }
}

extension JSNumber {
    /// JavaScript's `Number(text)`: surrounding white space is ignored, the empty text is 0,
    /// `0x`/`0o`/`0b` integers and signed decimals (`5.`, `.5`, `-1e3`, `Infinity`) are read,
    /// correctly rounded; anything else is NaN.
    static func parse(_ text: some StringProtocol) -> Double {
        let scalars = Array(text.unicodeScalars)
        var start = 0, end = scalars.count
        while start < end && isWhiteSpace(scalars[start]) { start += 1 }
        while end > start && isWhiteSpace(scalars[end - 1]) { end -= 1 }
        let body = scalars[start..<end]
        guard let first = body.first else { return 0 }
        if body.count > 2 && first == "0", let radix = radix(of: body[body.startIndex + 1]) {
            return integer(body.dropFirst(2), radix: radix) ?? .nan
        }
        return decimal(body) ?? .nan
    }

    /// ECMAScript's WhiteSpace and LineTerminator code points.
    static func isWhiteSpace(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029,
             0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    private static func radix(of marker: Unicode.Scalar) -> Int? {
        switch marker {
        case "x", "X": return 16
        case "o", "O": return 8
        case "b", "B": return 2
        default: return nil
        }
    }

    /// An unsigned decimal literal with an optional sign; nil when `body` is not one.
    private static func decimal(_ body: ArraySlice<Unicode.Scalar>) -> Double? {
        var rest = body[...]
        var negative = false
        if let sign = rest.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            rest = rest.dropFirst()
        }
        if rest.elementsEqual("Infinity".unicodeScalars) { return negative ? -.infinity : .infinity }
        var text = negative ? "-" : ""
        var intDigits = 0, fracDigits = 0
        while let c = rest.first, isDigit(c) {
            text.unicodeScalars.append(c)
            intDigits += 1
            rest = rest.dropFirst()
        }
        if rest.first == "." {
            text += "."
            rest = rest.dropFirst()
            while let c = rest.first, isDigit(c) {
                text.unicodeScalars.append(c)
                fracDigits += 1
                rest = rest.dropFirst()
            }
        }
        guard intDigits + fracDigits > 0 else { return nil }
        if let e = rest.first, e == "e" || e == "E" {
            text += "e"
            rest = rest.dropFirst()
            if let sign = rest.first, sign == "+" || sign == "-" {
                text.unicodeScalars.append(sign)
                rest = rest.dropFirst()
            }
            var expDigits = 0
            while let c = rest.first, isDigit(c) {
                text.unicodeScalars.append(c)
                expDigits += 1
                rest = rest.dropFirst()
            }
            guard expDigits > 0 else { return nil }
        }
        guard rest.isEmpty else { return nil }
        return Double(text)
    }

    /// Digits in a power-of-two radix, rounded to the nearest double (ties to even) as V8 does;
    /// nil when a digit is out of range or there are none.
    static func integer(_ digits: some Collection<Unicode.Scalar>, radix: Int) -> Double? {
        guard !digits.isEmpty else { return nil }
        let bitsPerDigit = radix.trailingZeroBitCount
        var bits: [Bool] = []
        for c in digits {
            guard let v = hexDigitValue(c.value).map(Int.init), v < radix else { return nil }
            for b in (0..<bitsPerDigit).reversed() { bits.append(v >> b & 1 == 1) }
        }
        guard let top = bits.firstIndex(of: true) else { return 0 }
        let significant = bits[top...]
        // Keep 53 bits; round the rest half to even.
        var mantissa: UInt64 = 0
        for bit in significant.prefix(53) { mantissa = mantissa << 1 | (bit ? 1 : 0) }
        var exponent = max(significant.count - 53, 0)
        if significant.count > 53 {
            let dropped = significant.dropFirst(53)
            let half = dropped.first!
            let sticky = dropped.dropFirst().contains(true)
            if half && (sticky || mantissa & 1 == 1) {
                mantissa += 1
                if mantissa == 1 << 53 {
                    mantissa >>= 1
                    exponent += 1
                }
            }
        }
        guard exponent < 1100 else { return .infinity }
        return Double(sign: .plus, exponent: exponent, significand: Double(mantissa))
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

    /// The value of an ASCII hex digit (either case), given its code point.
    static func hexDigitValue(_ code: UInt32) -> UInt8? {
        switch code {
        case 0x30...0x39: return UInt8(code - 0x30)
        case 0x41...0x46: return UInt8(code - 0x41 + 10)
        case 0x61...0x66: return UInt8(code - 0x61 + 10)
        default: return nil
        }
    }
}

extension JSNumber {
    /// JavaScript's `parseInt(text)` without a radix: white space, a sign, then the longest run
    /// of decimal digits (hexadecimal after `0x`); NaN when there is no digit.
    static func parseInt(_ text: some StringProtocol) -> Double {
        var scalars = Array(text.unicodeScalars)[...]
        while let first = scalars.first, isWhiteSpace(first) { scalars = scalars.dropFirst() }
        var sign = 1.0
        if let first = scalars.first, first == "-" || first == "+" {
            if first == "-" { sign = -1 }
            scalars = scalars.dropFirst()
        }
        var radix = 10.0
        if scalars.count >= 2, scalars.first == "0", let x = scalars.dropFirst().first, x == "x" || x == "X" {
            radix = 16
            scalars = scalars.dropFirst(2)
        }
        var value = 0.0, any = false
        for u in scalars {
            let digit: UInt32
            switch u.value {
            case 0x30...0x39: digit = u.value - 0x30
            case 0x41...0x46: digit = u.value - 0x41 + 10
            case 0x61...0x66: digit = u.value - 0x61 + 10
            default: digit = 99
            }
            guard Double(digit) < radix else { break }
            value = value * radix + Double(digit)
            any = true
        }
        return any ? sign * value : .nan
    }
}

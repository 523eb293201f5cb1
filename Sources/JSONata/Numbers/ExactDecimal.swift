/// The exact decimal value of a double, every digit of it: `0.1` is
/// `0.1000000000000000055511151231257827021181583404541015625`.
///
/// JavaScript's `toFixed` and `toPrecision` round this exact value (half up), not the shortest
/// text that reads back, so `(1.005).toFixed(2)` is `"1.00"` and
/// `(1234567890123.125).toPrecision(15)` is `"1234567890123.13"`. Double arithmetic cannot
/// see these digits; a small big integer can.
struct ExactDecimal: Equatable {
    /// Significant digits (0...9), without leading or trailing zeros; empty for zero.
    var digits: [UInt8]
    /// The value is `0.DIGITS × 10^point`.
    var point: Int

    static let zero = ExactDecimal(digits: [], point: 0)

    init(digits: [UInt8], point: Int) {
        self.digits = digits
        self.point = point
    }

    /// The exact value of `|d|`; `d` must be finite.
    init(magnitudeOf d: Double) {
        guard d != 0, d.isFinite else { self = .zero; return }
        // |d| = m × 2^e with m odd.
        var m = d.significandBitPattern
        var e: Int
        if d.exponentBitPattern == 0 {
            e = -1074
        } else {
            m |= 1 << 52
            e = Int(d.exponentBitPattern) - 1075
        }
        let zeros = m.trailingZeroBitCount
        m >>= UInt64(zeros)
        e += zeros
        var n = BigDigits(m)
        if e >= 0 {
            n.shiftLeft(e)
            self.init(integer: n.decimalDigits(), fractionDigits: 0)
        } else {
            // m / 2^k = m × 5^k / 10^k
            n.multiply(byPowerOfFive: -e)
            self.init(integer: n.decimalDigits(), fractionDigits: -e)
        }
    }

    /// `text` holds the integer's digits, `fractionDigits` of which lie after the point.
    private init(integer text: [UInt8], fractionDigits: Int) {
        var digits = text
        while digits.last == 0 { digits.removeLast() }
        self.digits = digits
        self.point = text.count - fractionDigits
    }

    /// Rounded half up (away from zero, as the magnitude grows) to `keep` significant digits
    /// counted from the first digit; `keep` may be zero or negative (nothing kept: the result
    /// is zero or one unit of the first dropped place).
    func roundedHalfUp(keeping keep: Int) -> ExactDecimal {
        guard keep < digits.count else { return self }
        guard keep >= 0 else { return .zero }
        let up = digits[keep] >= 5
        var kept = Array(digits[..<keep])
        var point = self.point
        if up {
            var i = kept.count - 1
            while i >= 0 && kept[i] == 9 {
                kept[i] = 0
                i -= 1
            }
            if i >= 0 {
                kept[i] += 1
            } else {
                kept.insert(1, at: 0)
                point += 1
            }
        }
        while kept.last == 0 { kept.removeLast() }
        return kept.isEmpty ? .zero : ExactDecimal(digits: kept, point: point)
    }

    /// The double nearest to this value (correctly rounded, as JavaScript reads decimal text).
    var nearestDouble: Double {
        guard !digits.isEmpty else { return 0 }
        var text = "0."
        text.unicodeScalars.append(contentsOf: digits.map { Unicode.Scalar($0 + UInt8(ascii: "0")) })
        text += "e" + String(point)
        return Double(text) ?? .nan
    }
}

/// A non-negative integer in base 2^32, little-endian: just enough arithmetic for `ExactDecimal`.
private struct BigDigits {
    var limbs: [UInt32]

    init(_ value: UInt64) {
        limbs = [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)]
        trim()
    }

    private mutating func trim() {
        while limbs.last == 0 { limbs.removeLast() }
    }

    mutating func shiftLeft(_ bits: Int) {
        let words = bits / 32, rest = UInt32(bits % 32)
        if rest > 0 {
            var carry: UInt32 = 0
            for i in limbs.indices {
                let v = limbs[i]
                limbs[i] = v << rest | carry
                carry = v >> (32 - rest)
            }
            if carry != 0 { limbs.append(carry) }
        }
        limbs.insert(contentsOf: repeatElement(0, count: words), at: 0)
    }

    mutating func multiply(by factor: UInt32) {
        var carry: UInt64 = 0
        for i in limbs.indices {
            let v = UInt64(limbs[i]) * UInt64(factor) + carry
            limbs[i] = UInt32(truncatingIfNeeded: v)
            carry = v >> 32
        }
        if carry != 0 { limbs.append(UInt32(carry)) }
    }

    mutating func multiply(byPowerOfFive k: Int) {
        var k = k
        // 5^13 is the largest power of five below 2^32.
        while k >= 13 {
            multiply(by: 1_220_703_125)
            k -= 13
        }
        var rest: UInt32 = 1
        for _ in 0..<k { rest *= 5 }
        multiply(by: rest)
    }

    /// Divides in place, returning the remainder.
    private mutating func divide(by divisor: UInt32) -> UInt32 {
        var remainder: UInt64 = 0
        for i in limbs.indices.reversed() {
            let v = remainder << 32 | UInt64(limbs[i])
            limbs[i] = UInt32(v / UInt64(divisor))
            remainder = v % UInt64(divisor)
        }
        trim()
        return UInt32(remainder)
    }

    /// The decimal digits, most significant first, without leading zeros.
    func decimalDigits() -> [UInt8] {
        var n = self
        var chunks: [UInt32] = []
        while !n.limbs.isEmpty { chunks.append(n.divide(by: 1_000_000_000)) }
        var out: [UInt8] = []
        for (i, chunk) in chunks.reversed().enumerated() {
            var nine = [UInt8](repeating: 0, count: 9)
            var c = chunk
            for j in (0..<9).reversed() {
                nine[j] = UInt8(c % 10)
                c /= 10
            }
            if i == 0 {
                out += nine.drop { $0 == 0 }
            } else {
                out += nine
            }
        }
        return out
    }
}

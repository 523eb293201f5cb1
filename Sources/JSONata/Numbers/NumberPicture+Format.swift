#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension NumberPicture {
    /// The number written to this picture (F&O §4.7.5, bullets as the reference numbers them).
    ///
    /// Where the reference cannot finish, this throws instead: an infinite value with an
    /// exponent in the picture (the reference loops forever) is D1001, and more than 100
    /// fractional digits (JavaScript's `toFixed` refuses) is a `RangeError` with its message.
    func format(_ value: Double) throws(JSONataError) -> String {
        let p = properties
        let family = p.digitFamily
        // bullet 2
        let pic = value >= 0 ? positive : negative
        // bullet 3
        var mantissa = value
        if pic.picture.jsContains(p.percent) {
            mantissa = value * 100
        } else if pic.picture.jsContains(p.perMille) {
            mantissa = value * 1000
        }
        // bullet 5
        var exponent: Int?
        if pic.minimumExponentSize != 0 {
            guard !mantissa.isInfinite else { throw JSONataError("D1001", value: .number(value)) }
            let maxMantissa = pow(10, Double(pic.scalingFactor))
            let minMantissa = pow(10, Double(pic.scalingFactor - 1))
            var e = 0
            if mantissa != 0 {
                while abs(mantissa) < minMantissa {
                    mantissa *= 10
                    e -= 1
                }
                while abs(mantissa) > maxMantissa {
                    mantissa /= 10
                    e += 1
                }
            }
            exponent = e
        }
        // bullet 6
        let rounded = NumberFunctions.round(mantissa, precision: Double(pic.maximumFractionalPartSize))
        // bullet 7
        func digits(_ v: Double, _ places: Int) throws(JSONataError) -> UTF16Text {
            guard places <= 100 else {
                throw JSONataError("RangeError", detail: "toFixed() digits argument must be between 0 and 100")
            }
            let text = Array(JSNumber.toFixed(abs(v), places).utf16)
            guard p.zeroDigit != [0x30] else { return text }
            return text.flatMap { u -> UTF16Text in
                guard (0x30...0x39).contains(u) else { return [u] }
                let index = Int(u - 0x30)
                return index < family.count ? [family[index]] : []
            }
        }
        var s = try digits(rounded, pic.maximumFractionalPartSize)
        if s.contains(0x2E) {
            s = s.jsReplacingFirst([0x2E], with: p.decimalSeparator)
        } else {
            s += p.decimalSeparator
        }
        while !s.isEmpty && s.jsCharAt(0) == p.zeroDigit { s.removeFirst() }
        while !s.isEmpty && s.jsCharAt(s.count - 1) == p.zeroDigit { s.removeLast() }
        // bullets 8 and 9
        var point = s.jsIndex(of: p.decimalSeparator)
        let padLeft = pic.minimumIntegerPartSize - point
        let padRight = pic.minimumFractionalPartSize - (s.count - point - 1)
        if padLeft > 0 { s = repeated(p.zeroDigit, padLeft) + s }
        if padRight > 0 { s += repeated(p.zeroDigit, padRight) }
        point = s.jsIndex(of: p.decimalSeparator)
        // bullet 10
        if pic.regularGrouping > 0 {
            let groups = Int((Double(point - 1) / Double(pic.regularGrouping)).rounded(.down))
            if groups >= 1 {
                for group in 1...groups {
                    s = inserting(p.groupingSeparator, into: s, at: point - group * pic.regularGrouping)
                }
            }
        } else {
            for position in pic.integerGroupingPositions {
                s = inserting(p.groupingSeparator, into: s, at: point - position)
                point += 1
            }
        }
        // bullet 11
        point = s.jsIndex(of: p.decimalSeparator)
        for position in pic.fractionalGroupingPositions {
            s = inserting(p.groupingSeparator, into: s, at: position + point + 1)
        }
        // bullet 12
        point = s.jsIndex(of: p.decimalSeparator)
        if !pic.picture.jsContains(p.decimalSeparator) || point == s.count - 1 {
            s = s.jsSubstring(0, s.count - 1)
        }
        // bullet 13
        if let exponent {
            var e = try digits(Double(exponent), 0)
            let pad = pic.minimumExponentSize - e.count
            if pad > 0 { e = repeated(p.zeroDigit, pad) + e }
            s += p.exponentSeparator + (exponent < 0 ? p.minusSign : []) + e
        }
        // bullet 14
        return (pic.prefix + s + pic.suffix).string
    }

    private func repeated(_ text: UTF16Text, _ times: Int) -> UTF16Text {
        Array([UTF16Text](repeating: text, count: times).joined())
    }

    /// `[s.slice(0, at), separator, s.slice(at)].join('')`, negative positions from the end.
    private func inserting(_ separator: UTF16Text, into s: UTF16Text, at: Int) -> UTF16Text {
        s.jsSlice(0, at) + separator + s.jsSlice(at)
    }
}

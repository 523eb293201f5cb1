extension JSNumber {
    /// The text `$string` gives a number, and so `&`, `$join` of cast values and `$string` of
    /// arrays and objects: the reference writes non-integers as `Number(n.toPrecision(15))`, so
    /// `0.1 + 0.2` reads `0.3` and `22/7` reads `3.14285714285714`; integers print in full
    /// (`1e+21`). Infinity and NaN are the caller's to reject (D3001, D1001).
    static func castString(_ d: Double) -> String {
        guard d.isFinite, d != d.rounded(.towardZero) else { return string(d) }
        return string(toPrecision(d, 15))
    }

    /// `Number(d.toPrecision(digits))`: `d` rounded to `digits` significant decimal digits, half
    /// up on its exact decimal value (as ECMAScript specifies), then read back as a double.
    /// `digits` below 1 counts as 1 (JavaScript would throw a RangeError outside 1...100).
    static func toPrecision(_ d: Double, _ digits: Int) -> Double {
        guard d.isFinite else { return d }
        guard d != 0 else { return 0 }
        let digits = max(digits, 1)
        // Within 15 digits the shortest round-tripping text is already that rounding: it lies
        // within half an ulp of `d`, far less than half a unit in the 15th place.
        if shortestDigits(abs(d)).digits.count <= digits { return d }
        let rounded = ExactDecimal(magnitudeOf: d).roundedHalfUp(keeping: digits).nearestDouble
        return d < 0 ? -rounded : rounded
    }

    /// `d.toFixed(fractionDigits)`: the exact value rounded half up to that many places, with
    /// every digit written (`(0.1).toFixed(20)` is `0.10000000000000000555`); from 1e21 up,
    /// and for Infinity and NaN, the plain `toString` text. A negative `d` that rounds to zero
    /// keeps its sign (`-0.00`), as JavaScript's does.
    static func toFixed(_ d: Double, _ fractionDigits: Int) -> String {
        guard d.isFinite, abs(d) < 1e21 else { return string(d) }
        let f = max(fractionDigits, 0)
        let exact = ExactDecimal(magnitudeOf: d)
        let rounded = exact.roundedHalfUp(keeping: exact.point + f)
        var text = d < 0 ? "-" : ""
        // The digit at place p (p = 0 the first before the point) is digits[point - 1 - p].
        let intCount = max(rounded.point, 1)
        for i in 0..<(intCount + f) {
            if i == intCount { text += "." }
            let index = i - (intCount - rounded.point)
            let digit = index >= 0 && index < rounded.digits.count ? rounded.digits[index] : 0
            text.unicodeScalars.append(Unicode.Scalar(digit + UInt8(ascii: "0")))
        }
        return text
    }
}

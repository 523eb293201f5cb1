#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The numeric functions whose results hold a subtlety of the reference: `$round`,
/// `$formatBase`, `$power`, `$sqrt`. (`$abs`, `$floor` and `$ceil` are Swift's `abs`,
/// `rounded(.down)` and `rounded(.up)`.) Undefined arguments are the evaluator's.
enum NumberFunctions {
    /// `$round(x, precision)`: half to even at `precision` decimal places. The reference moves
    /// the point by rewriting the exponent of the number's text (`2.675` becomes `"2.675e2"`,
    /// read as exactly 267.5) rather than multiplying, so it rounds the number as printed:
    /// `$round(2.675, 2)` is 2.68 and `$round(1.005, 2)` is 1. A precision of 0 or NaN means
    /// none; a fractional one makes that text unreadable, so the result is NaN, as in the
    /// reference. Never returns -0.
    static func round(_ x: Double, precision: Double? = nil) -> Double {
        let p = precision ?? 0
        let shifts = p != 0 && !p.isNaN
        let value = shifts ? shifted(x, by: p) : x
        var result = jsRound(value)
        if abs(result - value) == 0.5 && abs(result.truncatingRemainder(dividingBy: 2)) == 1 {
            result -= 1
        }
        if shifts { result = shifted(result, by: -p) }
        return result == 0 ? 0 : result
    }

    /// `+(mantissa + "e" + (exponent + places))` over the JavaScript text of `x`.
    private static func shifted(_ x: Double, by places: Double) -> Double {
        let text = JSNumber.string(x)
        guard let e = text.firstIndex(of: "e") else {
            return JSNumber.parse(text + "e" + JSNumber.string(places))
        }
        let exponent = JSNumber.parse(text[text.index(after: e)...])
        return JSNumber.parse(text[..<e] + "e" + JSNumber.string(exponent + places))
    }

    /// JavaScript's `Math.round`: the nearest integer, halves toward +∞.
    static func jsRound(_ x: Double) -> Double {
        guard x.isFinite else { return x }
        let floor = x.rounded(.down)
        return x - floor >= 0.5 ? floor + 1 : floor
    }

    /// `$formatBase(value, radix)`: both rounded half to even first (so `$formatBase(99.5, 2.5)`
    /// is `1100100`); a radix outside 2...36 after rounding is D3100, which names it.
    static func formatBase(_ value: Double, radix: Double? = nil) throws(JSONataError) -> String {
        let n = round(value)
        let r = radix.map { round($0) } ?? 10
        // NaN passes the reference's range test and then fails inside toString; D3100 says why.
        guard r >= 2 && r <= 36 else { throw JSONataError("D3100", value: .number(r)) }
        return JSNumber.string(n, radix: Int(r))
    }

    /// `$power(base, exponent)`: JavaScript's `Math.pow`; a result that is not a finite number
    /// is D3061.
    ///
    /// The digits are the C library's `pow`, correctly rounded. V8 computes `Math.pow` with its
    /// own fdlibm-derived routine, which is off by one unit in the last place for about one
    /// argument pair in ten (`$power(10, -4)` is `0.00009999999999999999` in the reference,
    /// `0.0001` here); only the special values are made to agree.
    static func power(_ base: Double, _ exponent: Double) throws(JSONataError) -> Double {
        let result: Double
        if exponent.isNaN || (exponent.isInfinite && abs(base) == 1) {
            result = .nan
        } else {
            result = pow(base, exponent)
        }
        guard result.isFinite else {
            throw JSONataError("D3061", value: .number(base), value2: .number(exponent), index: 1)
        }
        return result
    }

    /// `$sqrt(x)`: D3060 for a negative `x`.
    static func sqrt(_ x: Double) throws(JSONataError) -> Double {
        guard !(x < 0) else { throw JSONataError("D3060", value: .number(x), index: 1) }
        return x.squareRoot()
    }
}

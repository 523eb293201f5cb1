extension JSONPrinter {
    /// A number as AWS prints it.
    ///
    /// Step Functions runs on the JVM and writes JSON with Jackson: an integer prints its digits
    /// and a double prints as Java's `Double.toString` (shortest digits that read back; plain
    /// notation with at least one fraction digit for magnitudes in [1e-3, 1e7), else `d.dddEn`).
    /// So `.double(1.0)` prints `1.0`, as AWS echoes a Lambda result of `0.0` back as `0.0`.
    /// Arithmetic that yields a whole number should build it with `JSONNumber.normalized`, which
    /// gives `.int` and prints `3`. Not-a-number and infinities have no JSON form and print `null`.
    public static func format(_ n: JSONNumber) -> String {
        switch n {
        case .int(let i): return String(i)
        case .double(let d): return javaDoubleText(d)
        }
    }

    static func javaDoubleText(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
        let (digits, point) = shortestDigits(d.magnitude)
        var out = d.sign == .minus ? "-" : ""
        if point >= -2 && point <= 7 {
            if point <= 0 {
                out += "0." + String(repeating: "0", count: -point) + digits
            } else if point >= digits.utf8.count {
                out += digits + String(repeating: "0", count: point - digits.utf8.count) + ".0"
            } else {
                let split = digits.utf8.index(digits.startIndex, offsetBy: point)
                out += digits[..<split] + "." + digits[split...]
            }
        } else {
            let first = digits.prefix(1)
            let rest = digits.dropFirst()
            out += first + "." + (rest.isEmpty ? "0" : rest) + "E" + String(point - 1)
        }
        return out
    }

    /// The shortest significant digits that read back as `d` (positive, finite, non-zero), and
    /// where the decimal point goes: the value is `0.DIGITS × 10^point`.
    ///
    /// Swift's own `description` already finds the shortest round-trip digits; this only takes
    /// its layout (`1.5`, `1e-07`, `1.2345e+20`) apart.
    static func shortestDigits(_ d: Double) -> (digits: String, point: Int) {
        let text = d.description.utf8
        var digits: [UInt8] = []
        var point = 0
        var seenPoint = false
        var exponent = 0
        var iterator = text.makeIterator()
        while let c = iterator.next() {
            if c == UInt8(ascii: ".") {
                seenPoint = true
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                var negative = false
                while let e = iterator.next() {
                    if e == UInt8(ascii: "-") { negative = true } else if e != UInt8(ascii: "+") {
                        exponent = exponent * 10 + Int(e - UInt8(ascii: "0"))
                    }
                }
                if negative { exponent = -exponent }
            } else {
                digits.append(c)
                if !seenPoint { point += 1 }
            }
        }
        // Leading zeros (0.00123) move the point left; trailing zeros (1500.0) carry nothing.
        var lead = 0
        while lead < digits.count - 1 && digits[lead] == UInt8(ascii: "0") { lead += 1 }
        digits.removeFirst(lead)
        point -= lead
        while digits.count > 1 && digits.last == UInt8(ascii: "0") { digits.removeLast() }
        return (String(decoding: digits, as: UTF8.self), point + exponent)
    }
}

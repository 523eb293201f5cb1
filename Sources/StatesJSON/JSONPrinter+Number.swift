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
        var out: [UInt8] = []
        writeNumber(n, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func writeDouble(_ d: Double, into out: inout [UInt8]) {
        guard d.isFinite else { return out.append(contentsOf: "null".utf8) }
        if d == 0 { return out.append(contentsOf: (d.sign == .minus ? "-0.0" : "0.0").utf8) }
        if d.sign == .minus { out.append(UInt8(ascii: "-")) }
        // Swift's `description` already finds the shortest digits that read back; only its
        // layout (`1.5`, `1e-07`, `1.2345e+20`) differs from Java's, so take it apart and relay.
        var text = d.magnitude.description
        text.withUTF8 { text in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { digits in
                var count = 0
                var point = 0  // the value is 0.DIGITS × 10^point
                var seenPoint = false
                var i = 0
                while i < text.count {
                    let c = text[i]
                    i += 1
                    if c == UInt8(ascii: ".") {
                        seenPoint = true
                    } else if c == UInt8(ascii: "e") {
                        point += exponent(text, from: i)
                        break
                    } else {
                        digits[count] = c
                        count += 1
                        if !seenPoint { point += 1 }
                    }
                }
                // Leading zeros (0.00123) move the point left; trailing zeros (1500.0) carry nothing.
                var first = 0
                while first < count - 1 && digits[first] == UInt8(ascii: "0") { first += 1 }
                point -= first
                while count - first > 1 && digits[count - 1] == UInt8(ascii: "0") { count -= 1 }
                let significant = UnsafeBufferPointer(rebasing: digits[first..<count])
                layOut(significant, point: point, into: &out)
            }
        }
    }

    private static func exponent(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var value = 0
        var negative = false
        for c in text[start...] {
            if c == UInt8(ascii: "-") { negative = true } else if c != UInt8(ascii: "+") {
                value = value * 10 + Int(c &- UInt8(ascii: "0"))
            }
        }
        return negative ? -value : value
    }

    /// Java's layout of `0.DIGITS × 10^point`.
    private static func layOut(_ digits: UnsafeBufferPointer<UInt8>, point: Int, into out: inout [UInt8]) {
        let zero = UInt8(ascii: "0")
        if point >= -2 && point <= 7 {
            if point <= 0 {
                out.append(contentsOf: "0.".utf8)
                out.append(contentsOf: repeatElement(zero, count: -point))
                out.append(contentsOf: digits)
            } else if point >= digits.count {
                out.append(contentsOf: digits)
                out.append(contentsOf: repeatElement(zero, count: point - digits.count))
                out.append(contentsOf: ".0".utf8)
            } else {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[..<point]))
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[point...]))
            }
        } else {
            out.append(digits[0])
            out.append(UInt8(ascii: "."))
            if digits.count > 1 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[1...]))
            } else {
                out.append(zero)
            }
            out.append(UInt8(ascii: "E"))
            writeNumber(.int(Int64(point - 1)), into: &out)
        }
    }
}

// Stand-in until the exact version lands from the number-formatting branch.
extension JSNumber {
    static func toPrecision(_ d: Double, _ p: Int) -> Double {
        guard d.isFinite, d != 0 else { return d }
        var (digits, point) = shortestDigits(abs(d))
        if digits.count <= p { return d }
        let roundUp = digits[p] >= 5
        digits = Array(digits[..<p])
        if roundUp {
            var i = p - 1
            while i >= 0 {
                if digits[i] == 9 { digits[i] = 0; i -= 1 } else { digits[i] += 1; break }
            }
            if i < 0 { digits.insert(1, at: 0); digits.removeLast(); point += 1 }
        }
        let text = "0." + String(digits.map { Character(Unicode.Scalar($0 + 48)) }) + "e\(point)"
        return (d < 0 ? -1 : 1) * (Double(text) ?? d)
    }
}

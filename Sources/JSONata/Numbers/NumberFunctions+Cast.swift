extension NumberFunctions {
    /// `$number` of a string. The reference accepts JSON-like decimals (`-?digits(.digits)?`
    /// with an optional exponent; leading zeros allowed, no `+`, no surrounding space, no
    /// `Infinity`) whose value is finite, and `0x`/`0o`/`0b` integers; anything else is D3030.
    ///
    /// Its test for the prefixed forms is `/^(0[xX][0-9A-Fa-f]+)|(0[oO][0-7]+)|(0[bB][0-1]+)$/`,
    /// whose alternatives anchor separately: a text that starts `0x1`, contains `0o7` or ends
    /// `0b1` passes and is then read by `Number()`, so `"0x1G"` gives NaN rather than D3030,
    /// and `" 0o17 "` gives 15. Reproduced here.
    static func number(fromString s: String) throws(JSONataError) -> Double {
        if isDecimalText(s) {
            let value = JSNumber.parse(s)
            if value.isFinite { return value }
        }
        if passesPrefixedTest(Array(s.utf16)) { return JSNumber.parse(s) }
        throw JSONataError("D3030", value: .string(s), index: 1)
    }

    /// `^-?[0-9]+(\.[0-9]+)?([Ee][-+]?[0-9]+)?$`
    private static func isDecimalText(_ s: String) -> Bool {
        var rest = s.utf8[...]
        func digits() -> Bool {
            let count = rest.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            rest = rest.dropFirst(count)
            return count > 0
        }
        if rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
        guard digits() else { return false }
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            guard digits() else { return false }
        }
        if rest.first == UInt8(ascii: "e") || rest.first == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            if rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
            guard digits() else { return false }
        }
        return rest.isEmpty
    }

    /// The reference's prefixed-integer test, alternative by alternative (see above).
    private static func passesPrefixedTest(_ u: [UInt16]) -> Bool {
        let zero: UInt16 = 0x30
        // ^0[xX][0-9A-Fa-f]+
        if u.count >= 3, u[0] == zero, u[1] == 0x78 || u[1] == 0x58, JSNumber.hexDigitValue(UInt32(u[2])) != nil { return true }
        // 0[oO][0-7]+ anywhere
        if u.count >= 3 {
            for i in 0..<(u.count - 2) where u[i] == zero && (u[i + 1] == 0x6F || u[i + 1] == 0x4F) {
                if (0x30...0x37).contains(u[i + 2]) { return true }
            }
        }
        // 0[bB][01]+$
        let run = u.reversed().prefix { $0 == 0x30 || $0 == 0x31 }.count
        let marker = u.count - run - 1
        return run > 0 && marker >= 1 && (u[marker] == 0x62 || u[marker] == 0x42) && u[marker - 1] == zero
    }
}

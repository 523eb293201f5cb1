/// A light syntax check of intrinsic function calls (`States.Format('{}', $.x)`).
enum IntrinsicSyntax {
    static let functions: Set<String> = [
        "States.Format", "States.StringToJson", "States.JsonToString", "States.Array", "States.ArrayPartition",
        "States.ArrayContains", "States.ArrayRange", "States.ArrayGetItem", "States.ArrayLength", "States.ArrayUnique",
        "States.Base64Encode", "States.Base64Decode", "States.Hash", "States.JsonMerge", "States.MathRandom",
        "States.MathAdd", "States.StringSplit", "States.UUID",
    ]

    /// Why `text` is not a well-formed call, or nil.
    static func problem(in text: String) -> String? {
        let chars = Array(text.unicodeScalars)
        var i = 0
        return call(chars, &i) ?? (i == chars.count ? nil : "unexpected text after the closing ')' at column \(i + 1)")
    }

    /// Reads one call starting at `i`; leaves `i` after its `)`.
    static func call(_ chars: [Unicode.Scalar], _ i: inout Int) -> String? {
        let start = i
        while i < chars.count, chars[i] != "(" { i += 1 }
        let name = String(String.UnicodeScalarView(chars[start..<i]))
        guard i < chars.count else { return "expected '(' after '\(name)'" }
        guard functions.contains(name) else { return "'\(name)' is not an intrinsic function" }
        i += 1
        var depth = 1
        var inString = false
        while i < chars.count {
            let c = chars[i]
            if inString {
                if c == "\\" { i += 1 } else if c == "'" { inString = false }
            } else if c == "'" {
                inString = true
            } else if c == "(" {
                depth += 1
            } else if c == ")" {
                depth -= 1
                if depth == 0 { i += 1; return nil }
            }
            i += 1
        }
        return inString ? "a quoted string is not closed" : "'(' is not closed"
    }
}

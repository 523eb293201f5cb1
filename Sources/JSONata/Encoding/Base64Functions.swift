import StatesJSON

/// `$base64encode` and `$base64decode` as the reference runs them in Node: through
/// `Buffer.from(text, "binary")` and `toString("binary")`, that is Latin-1, not UTF-8.
/// Each UTF-16 code unit becomes one byte, its low eight bits (`"é"` is `6Q==`, `"€"` is `rA==`,
/// `"😀"` is `PQA=`), and each decoded byte one character U+0000–U+00FF (`"w6k="` is `"Ã©"`).
/// Decoding never fails: Node skips what is not Base64 and stops at the first `=`.
/// Undefined arguments are the evaluator's.
enum Base64Functions {
    static func base64encode(_ s: String) -> String {
        Base64.encode(s.utf16.map { UInt8(truncatingIfNeeded: $0) })
    }

    static func base64decode(_ s: String) -> String {
        // Node reads a two-byte string's code units by their low byte too, so "Ł" (U+0141) is "A".
        let bytes = Base64.decodeForgiving(s.utf16.lazy.map { UInt8(truncatingIfNeeded: $0) })
        var out = ""
        out.unicodeScalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
        return out
    }
}

/// Turns JSON Pointers into the `$.States.Pay.Retry[0]` notation people read in ASL tooling.
public enum ASLPath {
    /// The reference tokens of a JSON Pointer, unescaped (`/a~1b/0` → `["a/b", "0"]`).
    public static func tokens(of pointer: String) -> [String] {
        guard !pointer.isEmpty else { return [] }
        return pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { token in
            String(token).replacing("~1", with: "/").replacing("~0", with: "~")
        }
    }

    /// The ASL-style path of `pointer` in `document`: array elements as `[n]`, member names
    /// as `.Name` or `['Odd name']`. Without the document, all-digit tokens count as indexes.
    public static func path(of pointer: String, in document: JSON?) -> String {
        var out = "$"
        var node = document
        for token in tokens(of: pointer) {
            let isIndex: Bool
            switch node {
            case .array?: isIndex = true
            case .object?: isIndex = false
            default: isIndex = !token.isEmpty && token.allSatisfy(\.isASCIIDigit)
            }
            if isIndex {
                out += "[\(token)]"
                node = Int(token).flatMap { node?[$0] }
            } else {
                out += member(token)
                node = node?[token]
            }
        }
        return out
    }

    static func member(_ name: String) -> String {
        if let first = name.unicodeScalars.first, isIdentifierStart(first),
           name.unicodeScalars.allSatisfy({ isIdentifierStart($0) || ("0"..."9").contains($0) }) {
            return "." + name
        }
        var quoted = ""
        for c in name {
            switch c {
            case "'": quoted += "\\'"
            case "\\": quoted += "\\\\"
            default: quoted.append(c)
            }
        }
        return "['\(quoted)']"
    }

    static func isIdentifierStart(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || s == "_"
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

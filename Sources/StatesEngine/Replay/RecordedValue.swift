/// Comparison of recorded values against local ones. Recordings published for testing (the
/// conformance corpus) replace non-deterministic values by placeholders such as `<uuid:1>`:
/// one matches any value, and inside a string any substring.
public enum RecordedValue {
    public static func matches(_ recorded: JSON, _ local: JSON) -> Bool {
        switch (recorded, local) {
        case (.string(let e), _) where isPlaceholder(Substring(e)): return true
        case (.string(let e), .string(let a)): return stringMatches(e, a)
        case (.array(let e), .array(let a)): return e.count == a.count && zip(e, a).allSatisfy(matches)
        case (.object(let e), .object(let a)):
            return e.count == a.count && e.allSatisfy { k, v in a[k].map { matches(v, $0) } ?? false }
        default: return recorded == local
        }
    }

    static func isPlaceholder(_ s: Substring) -> Bool {
        s.count > 2 && s.first == "<" && s.last == ">"
            && !s.dropFirst().dropLast().contains { $0 == "<" || $0 == ">" || $0 == "\"" || $0 == " " || $0 == "\n" || $0 == "\t" }
    }

    static func stringMatches(_ recorded: String, _ local: String) -> Bool {
        guard recorded.contains("<") else { return recorded == local }
        var literals: [Substring] = []
        var start = recorded.startIndex
        var i = recorded.startIndex
        while i < recorded.endIndex {
            if recorded[i] == "<", let close = recorded[i...].firstIndex(of: ">"), isPlaceholder(recorded[i...close]) {
                literals.append(recorded[start..<i])
                i = recorded.index(after: close)
                start = i
                continue
            }
            i = recorded.index(after: i)
        }
        literals.append(recorded[start...])
        if literals.count == 1 { return recorded == local }
        guard local.hasPrefix(literals[0]) else { return false }
        var rest = local.dropFirst(literals[0].count)
        for (n, literal) in literals.enumerated().dropFirst() {
            if n == literals.count - 1 { return rest.hasSuffix(literal) }
            guard let end = endOfFirst(literal, in: rest) else { return false }
            rest = rest[end...]
        }
        return true
    }

    static func endOfFirst(_ needle: Substring, in haystack: Substring) -> Substring.Index? {
        if needle.isEmpty { return haystack.startIndex }
        var start = haystack.startIndex
        while start < haystack.endIndex {
            if haystack[start...].hasPrefix(needle) { return haystack.index(start, offsetBy: needle.count) }
            start = haystack.index(after: start)
        }
        return nil
    }
}

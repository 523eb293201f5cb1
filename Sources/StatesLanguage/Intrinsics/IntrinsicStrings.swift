/// States.StringSplit.
enum IntrinsicStrings {
    /// Splits at any of the delimiter's characters and drops empty pieces, like Java's StringTokenizer
    /// (`", , ,"` split at `","` gives `[" ", " "]`).
    static func split(_ args: IntrinsicArguments) throws(ExecutionError) -> JSON {
        try args.expectCount(2)
        let s = try args.string(0)
        let delimiters = Set(try args.string(1))
        var pieces: [JSON] = []
        var current = ""
        for c in s {
            if delimiters.contains(c) {
                if !current.isEmpty { pieces.append(.string(current)) }
                current = ""
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { pieces.append(.string(current)) }
        return .array(pieces)
    }
}

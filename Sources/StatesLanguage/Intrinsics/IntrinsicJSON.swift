/// States.StringToJson, States.JsonToString and States.JsonMerge.
enum IntrinsicJSON {
    static func stringToJson(_ args: IntrinsicArguments) throws(ExecutionError) -> JSON {
        try args.expectCount(1)
        let s = try args.string(0)
        // AWS turns blank text into null rather than failing.
        if isBlank(s) { return .null }
        do {
            return try JSON.parse(s)
        } catch {
            throw args.failure("Invalid arguments in States.StringToJson: the string '\(s)' is not valid JSON")
        }
    }

    /// Whether `s` is empty or all whitespace; JSON text starts with a visible ASCII byte, so
    /// that settles almost every call without walking its characters.
    static func isBlank(_ s: String) -> Bool {
        if let first = s.utf8.first, first > 0x20, first < 0x80 { return false }
        return s.allSatisfy(\.isWhitespace)
    }

    static func jsonToString(_ args: IntrinsicArguments) throws(ExecutionError) -> JSON {
        try args.expectCount(1)
        return .string(JSONPrinter.compact(args[0]))
    }

    static func jsonMerge(_ args: IntrinsicArguments) throws(ExecutionError) -> JSON {
        try args.expectCount(3)
        var left = try args.object(0)
        let right = try args.object(1)
        guard case .bool(let deep) = args[2] else { throw args.typeMismatch(2, expected: "boolean") }
        guard !deep else { throw args.failure("Invalid arguments in States.JsonMerge: deep merging is not supported, the third argument must be false") }
        for (k, v) in right { left[k] = v }
        return .object(left)
    }
}

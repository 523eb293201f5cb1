/// States.StringToJson, States.JsonToString and States.JsonMerge.
enum IntrinsicJSON {
    static func stringToJson(_ args: IntrinsicArguments) throws(ExecutionError) -> JSON {
        try args.expectCount(1)
        let s = try args.string(0)
        // AWS turns blank text into null rather than failing.
        if s.allSatisfy(\.isWhitespace) { return .null }
        do {
            return try JSON.parse(s)
        } catch {
            throw args.failure("Invalid arguments in States.StringToJson: the string '\(s)' is not valid JSON")
        }
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

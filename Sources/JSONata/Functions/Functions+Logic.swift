extension Functions {
    static let logic: [Builtin] = [
        Builtin("boolean", "<x-:b>", arity: 1) { (_, args) throws(JSONataError) in
            try checkNumbers(args[0])
            return Evaluator.boolean(args[0]).map(Value.bool) ?? .undefined
        },
        Builtin("not", "<x-:b>", arity: 1) { (_, args) throws(JSONataError) in
            if args[0].isUndefined { return .undefined }
            try checkNumbers(args[0])
            return .bool(!Evaluator.truthy(args[0]))
        },
        Builtin("exists", "<x:b>", arity: 1) { (_, args) throws(JSONataError) in
            .bool(!args[0].isUndefined)
        },
        Builtin("error", "<s?:x>", arity: 1) { (_, args) throws(JSONataError) in
            var message = "$error() function evaluated"
            if case .string(let s) = args[0], !s.isEmpty { message = s }
            throw JSONataError("D3137", detail: message)
        },
        Builtin("assert", "<bs?:x>", arity: 2) { (_, args) throws(JSONataError) in
            if case .bool(true) = args[0] { return .undefined }
            var message = "$assert() statement failed"
            if case .string(let s) = args[1], !s.isEmpty { message = s }
            throw JSONataError("D3141", detail: message)
        },
        Builtin("type", "<x:s>", arity: 1) { (_, args) throws(JSONataError) in
            switch args[0] {
            case .undefined: return .undefined
            case .null: return .string("null")
            case .number(let n):
                try Evaluator.checkFinite(n)
                return .string(n.isNaN ? "object" : "number")
            case .string: return .string("string")
            case .bool: return .string("boolean")
            case .array, .json(.array): return .string("array")
            case .function: return .string("function")
            case .node(let n): return .string(n.isArray ? "array" : "object")
            case .object, .json: return .string("object")
            }
        },
    ]

    /// `$boolean` reads numbers with the reference's `isNumeric`, which refuses infinities.
    private static func checkNumbers(_ value: Value) throws(JSONataError) {
        switch value {
        case .number(let n): try Evaluator.checkFinite(n)
        case .array(let s): for item in s.items { try checkNumbers(item) }
        default: break
        }
    }
}

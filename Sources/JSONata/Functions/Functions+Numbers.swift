extension Functions {
    static let numbers: [Builtin] = [
        Builtin("number", "<(nsb)-:n>", arity: 1) { (_, args) throws(JSONataError) in
            switch args[0] {
            case .undefined: return .undefined
            case .number: return args[0]
            case .bool(let b): return .number(b ? 1 : 0)
            case .string(let s):
                return .number(try NumberFunctions.number(fromString: s))
            default:
                throw JSONataError("D3030", value: args[0].insert, index: 1)
            }
        },
        unary("floor") { $0.rounded(.down) },
        unary("ceil") { $0.rounded(.up) },
        unary("abs") { Swift.abs($0) },
        Builtin("round", "<n-n?:n>", arity: 2) { (_, args) throws(JSONataError) in
            guard case .number(let n) = args[0] else { return .undefined }
            var precision: Double?
            if case .number(let p) = args[1] { precision = p }
            return .number(NumberFunctions.round(n, precision: precision))
        },
        Builtin("sqrt", "<n-:n>", arity: 1) { (_, args) throws(JSONataError) in
            guard case .number(let n) = args[0] else { return .undefined }
            return .number(try NumberFunctions.sqrt(n))
        },
        Builtin("power", "<n-n:n>", arity: 2) { (_, args) throws(JSONataError) in
            guard case .number(let base) = args[0] else { return .undefined }
            guard case .number(let exponent) = args[1] else { return .undefined }
            return .number(try NumberFunctions.power(base, exponent))
        },
        Builtin("random", "<:n>", arity: 0) { (call, _) throws(JSONataError) in
            .number(call.evaluator.nextRandom())
        },
        Builtin("formatNumber", "<n-so?:s>", arity: 3) { (_, args) throws(JSONataError) in
            guard case .number(let n) = args[0] else { return .undefined }
            guard case .string(let picture) = args[1] else { return .undefined }
            var options: [String: String] = [:]
            try args[2].forEachMember { (key, value) throws(JSONataError) in
                if case .string(let s) = value { options[key] = s }
            }
            return .string(try NumberPicture.format(n, picture: picture, options: options))
        },
        Builtin("formatBase", "<n-n?:s>", arity: 2) { (_, args) throws(JSONataError) in
            guard case .number(let n) = args[0] else { return .undefined }
            var radix: Double?
            if case .number(let r) = args[1] { radix = r }
            return .string(try NumberFunctions.formatBase(n, radix: radix))
        },
        Builtin("formatInteger", "<n-s:s>", arity: 2) { (_, args) throws(JSONataError) in
            guard case .number(let n) = args[0] else { return .undefined }
            guard case .string(let picture) = args[1] else { return .undefined }
            return .string(try IntegerPicture.format(n, picture: picture))
        },
        Builtin("parseInteger", "<s-s:n>", arity: 2) { (_, args) throws(JSONataError) in
            guard case .string(let s) = args[0] else { return .undefined }
            guard case .string(let picture) = args[1] else { return .undefined }
            return .number(try IntegerPicture.parse(s, picture: picture))
        },
    ]

    private static func unary(_ name: String, _ f: @escaping @Sendable (Double) -> Double) -> Builtin {
        Builtin(name, "<n-:n>", arity: 1) { (_, args) throws(JSONataError) in
            guard case .number(let n) = args[0] else { return .undefined }
            return .number(f(n))
        }
    }
}

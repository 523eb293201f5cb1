import Glibc

extension Functions {
    static let numbers: [Builtin] = [
        Builtin("number", "<(nsb)-:n>", arity: 1) { (_, args) throws(JSONataError) in
            switch args[0] {
            case .undefined: return .undefined
            case .number: return args[0]
            case .bool(let b): return .number(b ? 1 : 0)
            case .string(let s):
                if let n = NumberText.number(from: s) { return .number(n) }
                throw JSONataError("D3030", value: .string(s), index: 1)
            default:
                throw JSONataError("D3030", value: args[0].insert, index: 1)
            }
        },
        unary("floor") { $0.rounded(.down) },
        unary("ceil") { $0.rounded(.up) },
        unary("abs") { Swift.abs($0) },
        Builtin("round", "<n-n?:n>", arity: 2) { (_, args) throws(JSONataError) in
            guard case .number(let n) = args[0] else { return .undefined }
            var precision = 0
            if case .number(let p) = args[1], p.isFinite { precision = Int(p.rounded(.towardZero)) }
            return .number(NumberText.round(n, precision: precision))
        },
        Builtin("sqrt", "<n-:n>", arity: 1) { (_, args) throws(JSONataError) in
            guard case .number(let n) = args[0] else { return .undefined }
            if n < 0 { throw JSONataError("D3060", value: .number(n), index: 1) }
            return .number(n.squareRoot())
        },
        Builtin("power", "<n-n:n>", arity: 2) { (_, args) throws(JSONataError) in
            guard case .number(let base) = args[0] else { return .undefined }
            guard case .number(let exponent) = args[1] else { return .undefined }
            let result = jsPow(base, exponent)
            if !result.isFinite {
                throw JSONataError("D3061", value: .number(base), value2: .number(exponent), index: 1)
            }
            return .number(result)
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
            var radix = 10.0
            if case .number(let r) = args[1] { radix = NumberText.round(r, precision: 0) }
            guard radix >= 2 && radix <= 36 else { throw JSONataError("D3100", value: .number(radix)) }
            return .string(NumberText.formatBase(n, radix: Int(radix)))
        },
        Builtin("formatInteger", "<n-s:s>", arity: 2) { (_, args) throws(JSONataError) in
            guard case .number(let n) = args[0] else { return .undefined }
            guard case .string(let picture) = args[1] else { return .undefined }
            return .string(try IntegerPicture.format(n, picture: picture))
        },
        Builtin("parseInteger", "<s-s:n>", arity: 2) { (_, args) throws(JSONataError) in
            guard case .string(let s) = args[0] else { return .undefined }
            guard case .string(let picture) = args[1] else { return .undefined }
            return try IntegerPicture.parse(s, picture: picture).map(Value.number) ?? .undefined
        },
    ]

    private static func unary(_ name: String, _ f: @escaping @Sendable (Double) -> Double) -> Builtin {
        Builtin(name, "<n-:n>", arity: 1) { (_, args) throws(JSONataError) in
            guard case .number(let n) = args[0] else { return .undefined }
            return .number(f(n))
        }
    }

    /// JavaScript's `Math.pow` (which differs from C's `pow` for a base of ±1 and an infinite
    /// or NaN exponent).
    static func jsPow(_ base: Double, _ exponent: Double) -> Double {
        if exponent.isNaN { return .nan }
        if Swift.abs(base) == 1 && exponent.isInfinite { return .nan }
        return Glibc.pow(base, exponent)
    }
}

/// A built-in function: its signature, how many parameters it declares (which decides what a
/// higher-order function passes it), and its body.
struct Builtin: Sendable {
    typealias Body = @Sendable (Call, [Value]) throws(JSONataError) -> Value

    let name: String
    let signature: Signature
    let arity: Int
    let body: Body

    init(_ name: String, _ signature: String, arity: Int, _ body: @escaping Body) {
        self.name = name
        // Signatures are fixed texts of this module; a bad one is a programming error.
        self.signature = try! Signature(signature)
        self.arity = arity
        self.body = body
    }
}

/// Every built-in function, by name (without `$`).
enum Builtins {
    /// The functions of a dialect: Step Functions adds its own and has no `$eval`.
    static func table(for dialect: JSONataExpression.Dialect) -> [String: Builtin] {
        dialect == .jsonata ? table : stepFunctionsTable
    }

    static let stepFunctionsTable: [String: Builtin] = {
        var t = table
        t["eval"] = nil
        for builtin in Functions.stepFunctions { t[builtin.name] = builtin }
        return t
    }()

    static let table: [String: Builtin] = {
        var table: [String: Builtin] = [:]
        let groups = [
            Functions.aggregation, Functions.strings, Functions.regexFunctions, Functions.encodings,
            Functions.numbers, Functions.logic, Functions.arrays, Functions.objects,
            Functions.higherOrder, Functions.dateTime, Functions.evaluation,
        ]
        for group in groups {
            for builtin in group { table[builtin.name] = builtin }
        }
        return table
    }()
}

/// The function library, one extension per topic.
enum Functions {}

extension Functions {
    /// `$string`'s conversion, and what `&` concatenates: strings as they are, functions as
    /// "", anything else as JSON with numbers to 15 significant digits.
    static func string(_ value: Value, prettify: Bool = false) throws(JSONataError) -> String {
        switch value {
        case .undefined: return ""
        case .string(let s): return s
        case .function: return ""
        case .number(let n) where !n.isFinite: throw JSONataError("D3001", value: .number(n))
        case .array(let s) where s.flags.contains(.outerWrapper) && !s.items.isEmpty:
            return try string(s.items[0], prettify: prettify)
        default:
            return try Stringify.roundedText(value, indent: prettify ? 2 : 0)
        }
    }

    /// JavaScript's truthiness (what a `$sort` comparator's answer is read as).
    static func jsTruthy(_ value: Value) -> Bool {
        switch value {
        case .undefined, .null: return false
        case .bool(let b): return b
        case .number(let n): return n != 0 && !n.isNaN
        case .string(let s): return !s.isEmpty
        default: return true
        }
    }

    /// An integer argument as JavaScript's ToIntegerOrInfinity reads it.
    static func integer(_ value: Value) -> Int? {
        guard case .number(let n) = value, !n.isNaN else { return nil }
        if n >= 9.0e15 { return Int(9.0e15) }
        if n <= -9.0e15 { return -Int(9.0e15) }
        return Int(n.rounded(.towardZero))
    }
}

extension Evaluator {
    func evalBinary(_ expr: Expr, _ input: Value, _ env: Frame) throws(JSONataError) -> Value {
        let lhs = try eval(expr.lhs!, input, env)
        let op = expr.text
        if op == "and" || op == "or" {
            do {
                let l = Self.truthy(lhs)
                if op == "and" {
                    return .bool(l ? Self.truthy(try eval(expr.rhs!, input, env)) : false)
                }
                return .bool(l ? true : Self.truthy(try eval(expr.rhs!, input, env)))
            } catch {
                throw error.located(expr.position, token: op)
            }
        }
        let rhs = try eval(expr.rhs!, input, env)
        do {
            switch op {
            case "+", "-", "*", "/", "%": return try Self.arithmetic(lhs, rhs, op)
            case "=": return try Self.equality(lhs, rhs, negate: false)
            case "!=": return try Self.equality(lhs, rhs, negate: true)
            case "<", "<=", ">", ">=": return try Self.comparison(lhs, rhs, op)
            case "&": return .string(try Functions.string(lhs) + Functions.string(rhs))
            case "..": return try Self.range(lhs, rhs)
            case "in": return Self.includes(lhs, rhs)
            default: return .undefined
            }
        } catch {
            throw error.located(expr.position, token: op)
        }
    }

    func evalUnary(_ expr: Expr, _ input: Value, _ env: Frame) throws(JSONataError) -> Value {
        switch expr.text {
        case "-":
            let value = try eval(expr.expression!, input, env)
            switch value {
            case .undefined: return .undefined
            case .number(let n) where !n.isNaN:
                try Self.checkFinite(n)
                return .number(-n)
            default:
                throw JSONataError("D1002", position: expr.position, token: "-", value: value.insert)
            }
        case "[":
            var result: [Value] = []
            for item in expr.expressions {
                let value = try eval(item, input, env)
                if value.isUndefined { continue }
                if item.kind == .unary && item.text == "[" {
                    result.append(value)
                } else {
                    // the reference's `append`: arrays are spliced in
                    appendFlattened(value, to: &result)
                }
            }
            return .array(Seq(result, flags: expr.consArray ? .cons : []))
        case "{":
            if expr.hasLiteralKeys && !input.seqFlags.contains(.tupleStream) {
                return try literalObject(expr, input, env)
            }
            return try groupBy(Expr.Group(pairs: expr.pairs, position: expr.position), input, env)
        default:
            return .undefined
        }
    }

    // MARK: - Arithmetic

    static func arithmetic(_ lhs: Value, _ rhs: Value, _ op: String) throws(JSONataError) -> Value {
        var l = 0.0
        var r = 0.0
        switch lhs {
        case .undefined: break
        case .number(let n) where !n.isNaN:
            try checkFinite(n)
            l = n
        default: throw JSONataError("T2001", value: lhs.insert)
        }
        switch rhs {
        case .undefined: break
        case .number(let n) where !n.isNaN:
            try checkFinite(n)
            r = n
        default: throw JSONataError("T2002", value: rhs.insert)
        }
        if lhs.isUndefined || rhs.isUndefined { return .undefined }
        switch op {
        case "+": return .number(l + r)
        case "-": return .number(l - r)
        case "*": return .number(l * r)
        case "/": return .number(l / r)
        default: return .number(l.truncatingRemainder(dividingBy: r))
        }
    }

    // MARK: - Comparison

    static func equality(_ lhs: Value, _ rhs: Value, negate: Bool) throws(JSONataError) -> Value {
        if lhs.isUndefined || rhs.isUndefined { return .bool(false) }
        let equal = deepEqual(lhs, rhs)
        return .bool(negate ? !equal : equal)
    }

    /// The reference's deep equality: arrays in order, objects as sets of members, numbers
    /// and strings by value, functions by identity.
    static func deepEqual(_ a: Value, _ b: Value) -> Bool {
        if let same = scalarEqual(a, b) { return same }
        if case .json(.object(let x)) = a, case .json(.object(let y)) = b, x.isIdentical(to: y) { return true }
        if case .node(let x) = a, case .node(let y) = b, x.document === y.document, x.index == y.index { return true }
        return structurallyEqual(a, b)
    }

    /// Equality when either side is a scalar or a function (nil for two containers).
    private static func scalarEqual(_ a: Value, _ b: Value) -> Bool? {
        switch (a, b) {
        case (.undefined, .undefined), (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return sameText(x, y)
        case (.function(let x), .function(let y)): return x === y
        default:
            let containers = (a.isArray || a.isObject) && (b.isArray || b.isObject)
            return containers ? nil : false
        }
    }

    private static func structurallyEqual(_ a: Value, _ b: Value) -> Bool {
        if let xs = a.arrayElements, let ys = b.arrayElements {
            guard xs.count == ys.count else { return false }
            for i in 0..<xs.count where !deepEqual(xs[i], ys[i]) { return false }
            return true
        }
        guard a.isObject, b.isObject else { return false }
        let ka = a.objectKeys
        let kb = b.objectKeys
        guard ka.count == kb.count else { return false }
        for key in ka {
            guard let y = b.member(key), let x = a.member(key), deepEqual(x, y) else { return false }
        }
        return true
    }

    /// Strings compare by their code units, as in JavaScript (Swift's `==` would also equate
    /// canonically equivalent texts).
    @inline(__always)
    static func sameText(_ x: String, _ y: String) -> Bool {
        x.utf8.elementsEqual(y.utf8)
    }

    /// JavaScript's string order: by UTF-16 code units.
    static func textPrecedes(_ x: String, _ y: String) -> Bool {
        x.utf16.lexicographicallyPrecedes(y.utf16)
    }

    static func comparison(_ lhs: Value, _ rhs: Value, _ op: String) throws(JSONataError) -> Value {
        func comparable(_ v: Value) -> Bool {
            switch v {
            case .undefined, .string, .number: return true
            default: return false
            }
        }
        guard comparable(lhs), comparable(rhs) else {
            let bad = (lhs.isString || lhs.isNumber) ? rhs : lhs
            throw JSONataError("T2010", value: bad.insert)
        }
        if lhs.isUndefined || rhs.isUndefined { return .undefined }
        switch (lhs, rhs) {
        case (.number(let x), .number(let y)):
            switch op {
            case "<": return .bool(x < y)
            case "<=": return .bool(x <= y)
            case ">": return .bool(x > y)
            default: return .bool(x >= y)
            }
        case (.string(let x), .string(let y)):
            let less = textPrecedes(x, y)
            let same = sameText(x, y)
            switch op {
            case "<": return .bool(less)
            case "<=": return .bool(less || same)
            case ">": return .bool(!less && !same)
            default: return .bool(!less)
            }
        default:
            throw JSONataError("T2009", value: lhs.insert, value2: rhs.insert)
        }
    }

    /// `in`: whether the left value is one of the right's (JavaScript's `===` on each).
    static func includes(_ lhs: Value, _ rhs: Value) -> Value {
        if lhs.isUndefined || rhs.isUndefined { return .bool(false) }
        let candidates = rhs.arrayElements ?? [rhs]
        for c in candidates where strictlyEqual(c, lhs) { return .bool(true) }
        return .bool(false)
    }

    /// JavaScript's `===`: values for scalars, identity for containers and functions.
    static func strictlyEqual(_ a: Value, _ b: Value) -> Bool {
        if let same = scalarEqual(a, b) { return same }
        switch (a, b) {
        case (.object(let x), .object(let y)): return x === y
        case (.json(.object(let x)), .json(.object(let y))): return x.isIdentical(to: y)
        case (.node(let x), .node(let y)): return x.isObject && x.document === y.document && x.index == y.index
        default: return false
        }
    }

    // MARK: - Range

    /// The reference allocates at most 10 000 000 items for `[a..b]`.
    static let maxRange = 10_000_000.0

    static func range(_ lhs: Value, _ rhs: Value) throws(JSONataError) -> Value {
        func integer(_ v: Value, _ code: String) throws(JSONataError) -> Double? {
            switch v {
            case .undefined: return nil
            case .number(let n) where n.isFinite && n.rounded(.towardZero) == n: return n
            default: throw JSONataError(code, value: v.insert)
            }
        }
        let l = try integer(lhs, "T2003")
        let r = try integer(rhs, "T2004")
        guard let l, let r, l <= r else { return .undefined }
        let size = r - l + 1
        if size > maxRange { throw JSONataError("D2014", value: .number(size)) }
        var items: [Value] = []
        items.reserveCapacity(Int(size))
        var x = l
        while x <= r {
            items.append(.number(x))
            x += 1
        }
        return .array(.sequence(items))
    }
}

extension JSONataError {
    /// The error placed at an operator, as the reference places every error its operands raise.
    func located(_ position: Int, token: String) -> JSONataError {
        var e = self
        e.position = position
        e.token = token
        return e
    }
}

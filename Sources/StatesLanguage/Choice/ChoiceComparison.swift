/// The data-test operators of Choice rules, as pure functions. A value of the wrong type never
/// matches (AWS answers false rather than failing: `NumericEquals` on a string is false).
public enum ChoiceComparison {
    /// Every comparison operator name (each also exists with a `Path` suffix), then the type tests.
    public static let comparisonOperators: [String] = [
        "StringEquals", "StringLessThan", "StringGreaterThan", "StringLessThanEquals", "StringGreaterThanEquals",
        "StringMatches", "NumericEquals", "NumericLessThan", "NumericGreaterThan", "NumericLessThanEquals",
        "NumericGreaterThanEquals", "BooleanEquals", "TimestampEquals", "TimestampLessThan", "TimestampGreaterThan",
        "TimestampLessThanEquals", "TimestampGreaterThanEquals",
    ]
    /// The type tests, whose operand is a boolean.
    public static let typeTestOperators: [String] = ["IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp"]

    /// Whether `name` is an operator this module evaluates (with or without `Path`).
    public static func isOperator(_ name: String) -> Bool {
        typeTestOperators.contains(name) || comparisonOperators.contains(name)
            || (name.hasSuffix("Path") && name != "StringMatchesPath" && comparisonOperators.contains(String(name.dropLast(4))))
    }

    /// Evaluates one operator. `value` is the Variable's value (nil: the path matched nothing, which
    /// only the Is* operators accept), `operand` the rule's value, or for a `...Path` operator the value
    /// its path selected.
    public static func evaluate(operator name: String, value: JSON?, operand: JSON) throws(ExecutionError) -> Bool {
        if typeTestOperators.contains(name) {
            guard case .bool(let expected) = operand else {
                throw ExecutionError(StatesErrorName.runtime, cause: "The operator \(name) expects a boolean value but got \(JSONPrinter.compact(operand))")
            }
            return typeTest(name, value) == expected
        }
        let base = name.hasSuffix("Path") ? String(name.dropLast(4)) : name
        guard comparisonOperators.contains(base) else {
            throw ExecutionError(StatesErrorName.runtime, cause: "Unknown comparison operator \(name)")
        }
        guard let value else {
            throw ExecutionError(StatesErrorName.runtime, cause: "The Variable of a \(name) rule matched nothing")
        }
        return compare(base, value, operand)
    }

    static func typeTest(_ name: String, _ value: JSON?) -> Bool {
        guard let value else { return false }
        switch name {
        case "IsPresent": return true
        case "IsNull": return value.isNull
        case "IsNumeric": return value.numberValue != nil
        case "IsString": return value.stringValue != nil
        case "IsBoolean": return value.boolValue != nil
        case "IsTimestamp": return value.stringValue.flatMap(Timestamp.init) != nil
        default: return false
        }
    }

    static func compare(_ base: String, _ value: JSON, _ operand: JSON) -> Bool {
        guard let test = Test(base) else { return false }
        return compare(test, value, operand)
    }

    /// A comparison operator (without `Path`), looked up once.
    struct Test: Sendable {
        enum Kind: Sendable { case string, stringMatches, numeric, boolean, timestamp }
        enum Relation: Sendable { case equals, lessThan, greaterThan, lessThanEquals, greaterThanEquals }
        let kind: Kind
        let relation: Relation

        init?(_ base: String) {
            let rest: Substring
            if base == "StringMatches" {
                kind = .stringMatches
                relation = .equals
                return
            } else if base == "BooleanEquals" {
                kind = .boolean
                relation = .equals
                return
            } else if base.hasPrefix("String") {
                kind = .string
                rest = base.dropFirst(6)
            } else if base.hasPrefix("Numeric") {
                kind = .numeric
                rest = base.dropFirst(7)
            } else if base.hasPrefix("Timestamp") {
                kind = .timestamp
                rest = base.dropFirst(9)
            } else {
                return nil
            }
            switch rest {
            case "Equals": relation = .equals
            case "LessThan": relation = .lessThan
            case "GreaterThan": relation = .greaterThan
            case "LessThanEquals": relation = .lessThanEquals
            case "GreaterThanEquals": relation = .greaterThanEquals
            default: return nil
            }
        }

        func holds(_ order: Int) -> Bool {
            switch relation {
            case .equals: return order == 0
            case .lessThan: return order < 0
            case .greaterThan: return order > 0
            case .lessThanEquals: return order <= 0
            case .greaterThanEquals: return order >= 0
            }
        }
    }

    static func compare(_ test: Test, _ value: JSON, _ operand: JSON) -> Bool {
        switch test.kind {
        case .string:
            guard case .string(let v) = value, case .string(let o) = operand else { return false }
            if test.relation == .equals { return v.utf16.elementsEqual(o.utf16) }
            return test.holds(javaCompare(v, o))
        case .stringMatches:
            guard case .string(let v) = value, case .string(let o) = operand else { return false }
            return StringPattern.matches(v, pattern: o)
        case .numeric:
            guard case .number(let v) = value, case .number(let o) = operand else { return false }
            return test.holds(v < o ? -1 : (v == o ? 0 : 1))
        case .boolean:
            guard case .bool(let v) = value, case .bool(let o) = operand else { return false }
            return v == o
        case .timestamp:
            guard case .string(let vs) = value, case .string(let os) = operand,
                  let v = Timestamp(vs), let o = Timestamp(os)
            else { return false }
            return test.holds(v < o ? -1 : (v == o ? 0 : 1))
        }
    }

    /// Strings order by UTF-16 code units, as Java's String.compareTo does.
    static func javaCompare(_ a: String, _ b: String) -> Int {
        var i = a.utf16.makeIterator(), j = b.utf16.makeIterator()
        while true {
            switch (i.next(), j.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case (let x?, let y?): if x != y { return x < y ? -1 : 1 }
            }
        }
    }
}

/// StringMatches patterns: `*` matches any run of characters; `\*` is a literal star and `\\` a
/// literal backslash.
enum StringPattern {
    enum Token: Equatable {
        case literal(Character)
        case star
    }

    static func tokens(_ pattern: String) -> [Token] {
        var out: [Token] = []
        var escaping = false
        for c in pattern {
            if escaping {
                out.append(.literal(c))
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else if c == "*" {
                out.append(.star)
            } else {
                out.append(.literal(c))
            }
        }
        if escaping { out.append(.literal("\\")) }
        return out
    }

    static func matches(_ text: String, pattern: String) -> Bool {
        let p = tokens(pattern)
        let s = Array(text)
        // Greedy matching with backtracking to the last star: linear in practice.
        var si = 0, pi = 0
        var starP = -1, starS = 0
        while si < s.count {
            if pi < p.count, case .literal(let c) = p[pi], c == s[si] {
                si += 1
                pi += 1
            } else if pi < p.count, p[pi] == .star {
                starP = pi
                starS = si
                pi += 1
            } else if starP >= 0 {
                pi = starP + 1
                starS += 1
                si = starS
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == .star { pi += 1 }
        return pi == p.count
    }
}

extension ChoiceComparison {
    /// Evaluates a data-test rule against the context: resolves `variable` (Is* operators accept a path
    /// that matches nothing; the others fail with `States.Runtime` `Invalid path ...`), and for a
    /// `...Path` operator resolves `operand` as a path too.
    public static func evaluate(operator name: String, variable: JSONPath, operand: JSON, in context: EvaluationContext) throws(ExecutionError) -> Bool {
        let value: JSON?
        if typeTestOperators.contains(name) {
            value = variable.valueIfPresent(in: context)
        } else {
            value = try variable.select(in: context)
        }
        var resolvedOperand = operand
        if name.hasSuffix("Path"), case .string(let text) = operand {
            let path: JSONPath
            do { path = try JSONPath(text) } catch {
                throw ExecutionError(StatesErrorName.runtime, cause: "Invalid path '\(text)' : \(error.message)")
            }
            resolvedOperand = try path.select(in: context)
        }
        return try evaluate(operator: name, value: value, operand: resolvedOperand)
    }
}

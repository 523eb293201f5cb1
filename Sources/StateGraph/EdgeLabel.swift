import StatesLanguage

/// Short text for the label of an edge: a Choice condition as an expression, or a Catch's errors.
public enum EdgeLabel {
    /// A Choice condition as one line, e.g. `$.total > 100`, `IsPresent $.x`, `And($.a == 1, …)`.
    public static func text(for condition: ChoiceCondition) -> String {
        switch condition {
        case .and(let parts): return "And(" + parts.map(text(for:)).joined(separator: ", ") + ")"
        case .or(let parts): return "Or(" + parts.map(text(for:)).joined(separator: ", ") + ")"
        case .not(let inner): return "Not(" + text(for: inner) + ")"
        case .jsonata(let value):
            if case .string(let s) = value { return jsonataBody(s) }
            return literal(value)
        case .comparison(let variable, let op, let operand):
            return comparison(variable: variable, op: op, operand: operand)
        }
    }

    /// The error names a catcher matches, comma-separated.
    static func text(forErrors errors: [String]) -> String {
        errors.isEmpty ? "catch" : errors.joined(separator: ", ")
    }

    private static func comparison(variable: String, op: String, operand: JSON) -> String {
        if op.hasPrefix("Is") {
            if case .bool(false) = operand { return "!\(op) \(variable)" }
            return "\(op) \(variable)"
        }
        let isPath = op.hasSuffix("Path")
        let base = isPath ? String(op.dropLast(4)) : op
        let right: String
        if isPath, case .string(let path) = operand {
            right = path
        } else {
            right = literal(operand)
        }
        for (suffix, symbol) in symbols where base.hasSuffix(suffix) {
            return "\(variable) \(symbol) \(right)"
        }
        if base == "StringMatches" { return "\(variable) ~ \(right)" }
        return "\(variable) \(base) \(right)"
    }

    // Longer suffixes first: `LessThanEquals` must not be read as `…Equals`.
    private static let symbols: [(String, String)] = [
        ("GreaterThanEquals", ">="), ("LessThanEquals", "<="),
        ("GreaterThan", ">"), ("LessThan", "<"), ("Equals", "=="),
    ]

    private static func literal(_ value: JSON) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n):
            if let i = n.intValue { return String(i) }
            return String(n.doubleValue)
        case .string(let s): return "\"" + s + "\""
        case .array: return "[…]"
        case .object: return "{…}"
        }
    }

    private static func jsonataBody(_ s: String) -> String {
        var body = Substring(s)
        if body.hasPrefix("{%") { body = body.dropFirst(2) }
        if body.hasSuffix("%}") { body = body.dropLast(2) }
        return collapseSpaces(String(body))
    }

    /// Newlines and runs of blanks become one space: a label is one row.
    static func collapseSpaces(_ s: String) -> String {
        var result = ""
        var lastWasSpace = true
        for c in s {
            if c.isWhitespace {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
            } else {
                result.append(c)
                lastWasSpace = false
            }
        }
        while result.last == " " { result.removeLast() }
        return result
    }
}

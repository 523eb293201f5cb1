/// What a path field may contain.
enum PathKind {
    /// `ResultPath`: a single node under `$`; no wildcards, filters, variables or context.
    case resultPath
    /// `InputPath` and `OutputPath`: any JSONPath, or `null`.
    case input
    /// `ItemsPath` and the `…Path` twins of fields (`SecondsPath`, `TimeoutSecondsPath`): a single
    /// node, which may start at a variable or the context object.
    case reference
    /// `Variable`, comparison operands and `.$` template values: any JSONPath, context or variable path.
    case value

    var allowsNull: Bool { self == .resultPath || self == .input }
    var noun: String { singleNode ? "reference path" : "path" }
    var singleNode: Bool { self == .resultPath || self == .reference }
}

/// A syntax check of JSONPath text, as strict as Step Functions is at definition time.
enum PathSyntax {
    /// Why `text` is not a valid path of `kind`, or nil when it is.
    static func problem(in text: String, kind: PathKind) -> String? {
        // Step Functions ignores spaces around a path (deployed definitions rely on it).
        let chars = Array(text.trimmingSpaces().unicodeScalars)
        guard chars.first == "$" else { return "a path must start with '$'" }
        var i = 1
        if i < chars.count, chars[i] == "$" {
            if kind == .resultPath { return "'ResultPath' cannot refer to the context object ('$$')" }
            i += 1
        } else if i < chars.count, isNameStart(chars[i]) {
            if kind == .resultPath { return "'ResultPath' cannot refer to a variable" }
            while i < chars.count, isNameStart(chars[i]) || ("0"..."9").contains(chars[i]) { i += 1 }
        }
        while i < chars.count {
            switch chars[i] {
            case ".":
                i += 1
                if i < chars.count, chars[i] == "." {
                    if kind.singleNode { return "'..' at column \(i) selects many nodes; a reference path must select one" }
                    i += 1
                }
                // `$.[0]` and `$.a.[0]`: AWS accepts a bracket right after the dot.
                if i < chars.count, chars[i] == "[" { continue }
                guard i < chars.count, chars[i] != "." else {
                    return "expected a field name after '.' at column \(i + 1)"
                }
                if chars[i] == "*" {
                    if kind.singleNode { return "'*' at column \(i + 1) selects many nodes; a reference path must select one" }
                    i += 1
                    continue
                }
                while i < chars.count, chars[i] != ".", chars[i] != "[" {
                    if chars[i] == "]" || chars[i] == " " { return "unexpected '\(chars[i])' at column \(i + 1)" }
                    i += 1
                }
            case "[":
                guard let close = closingBracket(chars, from: i) else { return "'[' at column \(i + 1) is not closed" }
                let inner = String(String.UnicodeScalarView(chars[(i + 1)..<close]))
                if let problem = bracketProblem(inner, kind: kind, column: i + 1) { return problem }
                i = close + 1
            default:
                return "unexpected '\(chars[i])' at column \(i + 1); expected '.' or '['"
            }
        }
        return nil
    }

    static func isNameStart(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_"
    }

    /// The index of the `]` that closes the `[` at `open`, skipping quoted text and nested brackets.
    static func closingBracket(_ chars: [Unicode.Scalar], from open: Int) -> Int? {
        var depth = 0
        var quote: Unicode.Scalar?
        var i = open
        while i < chars.count {
            let c = chars[i]
            if let q = quote {
                if c == "\\" { i += 1 } else if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "[" || c == "(" {
                depth += 1
            } else if c == "]" || c == ")" {
                depth -= 1
                if depth == 0 { return c == "]" ? i : nil }
            }
            i += 1
        }
        return nil
    }

    static func bracketProblem(_ inner: String, kind: PathKind, column: Int) -> String? {
        let text = inner.trimmingSpaces()
        if text.isEmpty { return "'[]' at column \(column) is empty" }
        let isQuoted = text.count >= 2 && (text.first == "'" && text.last == "'" || text.first == "\"" && text.last == "\"")
        let isIndex = text.allSatisfy(\.isASCIIDigit)
        if isQuoted || isIndex { return nil }
        if kind.singleNode { return "'[\(text)]' at column \(column) selects many nodes; a reference path must select one" }
        if text == "*" || text.hasPrefix("?(") || text.hasPrefix("(") { return nil }
        // Slices (`1:3`, `-1:`) and unions (`0,2`, `'a','b'`).
        let allowed = Set("0123456789-:, '\"_").union("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        if text.allSatisfy({ allowed.contains($0) }) && (text.contains(":") || text.contains(",") || text.hasPrefix("-")) {
            return nil
        }
        return "'[\(text)]' at column \(column) is not an index, a quoted name, '*', a slice or a filter"
    }
}

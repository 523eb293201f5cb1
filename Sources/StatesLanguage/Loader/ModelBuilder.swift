/// Turns a parsed definition into the typed model, reporting every field that is missing,
/// mistyped or out of place instead of stopping at the first.
///
/// Each `load…` method returns what it could build; a required field that is missing gets a
/// neutral placeholder (an empty name, a zero) so that later checks still see the rest.
struct ModelBuilder {
    var sink: DiagnosticSink

    init(document: JSONDocument) {
        sink = DiagnosticSink(document: document)
    }

    mutating func schemaError(_ message: String, at pointer: String) {
        sink.error(.schemaValidationFailed, message, at: pointer)
    }

    /// A schema error about a value the model then does without (it keeps the field's default,
    /// or nothing): a definition with one is not run, since it would not run as written.
    mutating func valueError(_ message: String, at pointer: String) {
        sink.error(.schemaValidationFailed, message, at: pointer, replacesValue: true)
    }

    // MARK: Typed access to members

    mutating func object(_ value: JSON, at p: String, what: String) -> JSONObject? {
        if case .object(let o) = value { return o }
        schemaError("\(what) must be an object, not \(article(value))", at: p)
        return nil
    }

    mutating func require(_ o: JSONObject, _ key: String, at p: String, in what: String) -> JSON? {
        if let v = o[key] { return v }
        schemaError("\(what) is missing the required field '\(key)'", at: p)
        return nil
    }

    mutating func string(_ o: JSONObject, _ key: String, at p: String, required what: String? = nil) -> String? {
        let value: JSON?
        if let what { value = require(o, key, at: p, in: what) } else { value = o[key] }
        guard let value else { return nil }
        if case .string(let s) = value { return s }
        schemaError("'\(key)' must be a string, not \(article(value))", at: pointer(p, key))
        return nil
    }

    mutating func bool(_ o: JSONObject, _ key: String, at p: String) -> Bool? {
        guard let value = o[key] else { return nil }
        if case .bool(let b) = value { return b }
        schemaError("'\(key)' must be a boolean, not \(article(value))", at: pointer(p, key))
        return nil
    }

    mutating func memberObject(_ o: JSONObject, _ key: String, at p: String) -> JSONObject? {
        guard let value = o[key] else { return nil }
        return object(value, at: pointer(p, key), what: "'\(key)'")
    }

    mutating func array(_ o: JSONObject, _ key: String, at p: String, required what: String? = nil) -> [JSON]? {
        let value: JSON?
        if let what { value = require(o, key, at: p, in: what) } else { value = o[key] }
        guard let value else { return nil }
        if case .array(let a) = value { return a }
        schemaError("'\(key)' must be an array, not \(article(value))", at: pointer(p, key))
        return nil
    }

    /// An integer member within `range`; the message names the range in words.
    mutating func integer(_ o: JSONObject, _ key: String, at p: String, in range: ClosedRange<Int64>) -> Int64? {
        guard let value = o[key], !standsIn(value, for: key, at: pointer(p, key)) else { return nil }
        return integer(value, key: key, at: pointer(p, key), in: range)
    }

    mutating func integer(_ value: JSON, key: String, at p: String, in range: ClosedRange<Int64>) -> Int64? {
        if let message = integerProblem(value, key: key, in: range) {
            valueError(message, at: p)
            return nil
        }
        return value.intValue
    }

    func integerProblem(_ value: JSON, key: String, in range: ClosedRange<Int64>) -> String? {
        guard let n = value.numberValue else { return "'\(key)' must be \(describe(range)), not \(article(value))" }
        guard let i = n.intValue, range.contains(i) else {
            return "'\(key)' must be \(describe(range)), not \(JSONPrinter.format(n))"
        }
        return nil
    }

    /// A path member: a string, or `null` where the field allows it.
    mutating func pathSetting(_ o: JSONObject, _ key: String, at p: String, kind: PathKind) -> PathSetting {
        guard let value = o[key] else { return .absent }
        switch value {
        case .null where kind.allowsNull: return .null
        case .string(let s):
            checkPath(s, kind: kind, field: key, at: pointer(p, key))
            return .path(s)
        default:
            schemaError("'\(key)' must be a \(kind.allowsNull ? "path string or null" : "path string"), not \(article(value))",
                        at: pointer(p, key))
            return .absent
        }
    }

    mutating func checkPath(_ text: String, kind: PathKind, field: String, at p: String) {
        sink.checkPath(text, kind: kind, field: field, at: p)
    }

    /// `Assign`: an object whose keys name variables (`name` or, in JSONPath, `name.$`).
    mutating func assignment(_ o: JSONObject, at p: String) -> JSON? {
        guard let members = memberObject(o, "Assign", at: p) else { return nil }
        let ap = pointer(p, "Assign")
        for key in members.keys {
            let name = key.hasSuffix(".$") ? String(key.dropLast(2)) : key
            if name == "states" {
                schemaError("'states' is reserved and cannot be assigned as a variable", at: pointer(ap, key))
            } else if name.isEmpty || name.count > 80 {
                schemaError("a variable name must have 1 to 80 characters, not \(name.count)", at: pointer(ap, key))
            }
        }
        return .object(members)
    }

    /// Reports every member that `allowed` does not list.
    mutating func checkFields(_ o: JSONObject, allowed: Set<String>, at p: String, in what: String) {
        for key in o.keys where !allowed.contains(key) {
            schemaError("'\(key)' is not a field of \(what)", at: pointer(p, key))
        }
    }
}

/// The text of a JSONata expression field (`{% … %}`), without its delimiters.
func jsonataExpression(_ value: JSON) -> String? {
    guard case .string(let s) = value, s.hasPrefix("{%"), s.hasSuffix("%}"), s.utf8.count >= 4 else { return nil }
    return String(s.dropFirst(2).dropLast(2)).trimmingSpaces()
}

/// "a string", "an object", "null": how messages name what was found.
func article(_ value: JSON) -> String {
    switch value {
    case .null: return "null"
    case .array, .object: return "an \(value.typeName)"
    default: return "a \(value.typeName)"
    }
}

func describe(_ range: ClosedRange<Int64>) -> String {
    switch (range.lowerBound, range.upperBound) {
    case (0, .max): return "a non-negative integer"
    case (1, .max): return "a positive integer"
    case (let lo, let hi): return "an integer from \(lo) to \(hi)"
    }
}

extension String {
    /// The text without spaces, tabs and line breaks at either end.
    public func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}

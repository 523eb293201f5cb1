/// CloudFormation's intrinsic functions, followed as far as they can be without deploying.
///
/// What only a deployment knows (a `Ref`, an attribute) becomes a placeholder in `Fn::Sub`'s
/// own syntax: `{"Ref": "Queue"}` reads `${Queue}`, `{"Fn::GetAtt": ["Fn", "Arn"]}` reads
/// `${Fn.Arn}`, so the definition shows where each value will come from.
enum CloudFormationIntrinsic {
    /// The text an intrinsic stands for: `Ref` and `Fn::GetAtt` as placeholders, `Fn::Sub` with
    /// its string variables substituted, `Fn::Join` joined. Nil for other values and functions.
    static func text(of value: JSON) -> String? {
        guard case .object(let object) = value, object.count == 1, let name = object.keys.first, let argument = object.values.first else {
            return nil
        }
        switch name {
        case "Ref":
            return argument.stringValue.map { "${\($0)}" }
        case "Fn::GetAtt":
            if let parts = argument.arrayValue?.compactMap({ $0.stringValue }), parts.count == 2 { return "${\(parts[0]).\(parts[1])}" }
            return argument.stringValue.map { "${\($0)}" }
        case "Fn::Sub":
            if let body = argument.stringValue { return substitute(body, [:], unescaping: true) }
            guard let pair = argument.arrayValue, pair.count == 2, let body = pair[0].stringValue else { return nil }
            return substitute(body, substitutions(pair[1]), unescaping: true)
        case "Fn::Join":
            guard let pair = argument.arrayValue, pair.count == 2, let separator = pair[0].stringValue,
                  let parts = pair[1].arrayValue else { return nil }
            return parts.map(partText).joined(separator: separator)
        default:
            return nil
        }
    }

    /// A part of an `Fn::Join` as text: functions asldb cannot follow read `${Fn::Name}`.
    static func partText(_ value: JSON) -> String {
        if let text = scalarText(value) ?? text(of: value) { return text }
        if case .object(let object) = value, object.count == 1, let name = object.keys.first { return "${\(name)}" }
        return JSONPrinter.compact(value)
    }

    /// Variables given as `{Name: value}` (`DefinitionSubstitutions`, `Fn::Sub`'s second item)
    /// whose text is known: strings, numbers, booleans and `Fn::Sub` strings. Any other value
    /// leaves its `${Name}` in place, which names the value better than any stand-in could.
    static func substitutions(_ variables: JSON?) -> [String: String] {
        var out: [String: String] = [:]
        for (name, value) in variables?.objectValue ?? [:] {
            if let text = scalarText(value) {
                out[name] = text
            } else if case .object(let object) = value, object.count == 1, object.keys.first == "Fn::Sub",
                      let text = text(of: value) {
                out[name] = text
            }
        }
        return out
    }

    static func scalarText(_ value: JSON) -> String? {
        switch value {
        case .string(let s): return s
        case .number, .bool: return JSONPrinter.compact(value)
        default: return nil
        }
    }

    /// `text` with each `${Name}` that `values` knows replaced; with `unescaping` (inside `Fn::Sub`)
    /// `${!Name}` becomes the literal `${Name}`.
    static func substitute(_ text: String, _ values: [String: String], unescaping: Bool = false) -> String {
        guard text.contains("${") else { return text }
        var out = ""
        var rest = text[...]
        while let open = rest.firstRange(of: "${") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                rest = rest[open.lowerBound...]
                break
            }
            let name = rest[open.upperBound..<close]
            if unescaping, name.hasPrefix("!") {
                out += "${" + name.dropFirst() + "}"
            } else if let value = values[String(name)] {
                out += value
            } else {
                out += rest[open.lowerBound...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// A definition as the state machine receives it: `${Name}` placeholders in every string
    /// substituted from `values` and, for a definition given as an object in a template (where
    /// CloudFormation evaluates them), the intrinsics asldb can follow turned into text.
    static func resolved(_ value: JSON, _ values: [String: String], intrinsics: Bool = true, unescaping: Bool = false) -> JSON {
        switch value {
        case .string(let s):
            return .string(substitute(s, values, unescaping: unescaping))
        case .array(let elements):
            return .array(elements.map { resolved($0, values, intrinsics: intrinsics, unescaping: unescaping) })
        case .object(let object):
            if intrinsics, let text = text(of: value) { return .string(substitute(text, values)) }
            var out = object
            for (key, member) in object { out[key] = resolved(member, values, intrinsics: intrinsics, unescaping: unescaping) }
            return .object(out)
        default:
            return value
        }
    }
}

/// Turns a YAML scalar into the JSON value it stands for.
///
/// Plain scalars follow the YAML 1.2 core schema, not YAML 1.1: `yes`, `on` and `2024-01-01` stay
/// strings, because a Choice rule comparing with `StringEquals: yes` means the text, and
/// timestamps are strings in ASL. A quoted or block scalar is always a string.
enum YAMLScalar {
    /// The tags YAML defines for scalars (`!!str`, ...), by their full names.
    static let stringTag = "tag:yaml.org,2002:str"
    static let intTag = "tag:yaml.org,2002:int"
    static let floatTag = "tag:yaml.org,2002:float"
    static let boolTag = "tag:yaml.org,2002:bool"
    static let nullTag = "tag:yaml.org,2002:null"

    /// The value of a scalar whose text is `text`; `plain` when it was written without quotes or a
    /// block indicator, `tag` the explicit tag ("" when there is none).
    static func value(_ text: String, plain: Bool, tag: String) -> JSON {
        switch tag {
        case "": return plain ? resolved(text) : .string(text)
        case intTag, floatTag: return number(text).map(JSON.number) ?? .string(text)
        case boolTag: return bool(text).map(JSON.bool) ?? .string(text)
        case nullTag: return .null
        // `!!str`, `!` and tags YAML does not define (`!Sub`, `!!timestamp`) keep the text.
        default: return .string(text)
        }
    }

    /// The core schema's reading of a plain scalar.
    static func resolved(_ text: String) -> JSON {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        default: break
        }
        if let b = bool(text) { return .bool(b) }
        if let n = number(text) { return .number(n) }
        return .string(text)
    }

    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// An integer (decimal, `0o17`, `0x1F`) or a float in the core schema's forms, read the way the
    /// JSON parser reads numbers so `3` stays an exact integer and `3.0` a double. Infinity and
    /// NaN are not JSON numbers, so `.inf` and `.nan` are not numbers here either.
    static func number(_ text: String) -> JSONNumber? {
        let utf8 = Array(text.utf8)
        guard !utf8.isEmpty else { return nil }
        if utf8.count > 2, utf8[0] == UInt8(ascii: "0") {
            let digits = String(decoding: utf8[2...], as: UTF8.self)
            switch utf8[1] {
            case UInt8(ascii: "o"): return Int64(digits, radix: 8).map(JSONNumber.int)
            case UInt8(ascii: "x"): return Int64(digits, radix: 16).map(JSONNumber.int)
            default: break
            }
        }
        guard let normalized = jsonNumberText(utf8), case .number(let n)? = try? JSON.parse(normalized) else { return nil }
        return n
    }

    /// The core schema's decimal forms rewritten in JSON's grammar: no `+`, no leading zeros,
    /// digits on both sides of the point (`+.5` → `0.5`, `007` → `7`, `1.` → `1.0`).
    static func jsonNumberText(_ bytes: [UInt8]) -> String? {
        var i = 0
        var out = ""
        if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            if bytes[i] == UInt8(ascii: "-") { out = "-" }
            i += 1
        }
        func digits() -> String {
            var d = ""
            while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) {
                d.append(Character(Unicode.Scalar(bytes[i])))
                i += 1
            }
            return d
        }
        var whole = digits()
        var fraction: String?
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            fraction = digits()
        }
        guard !whole.isEmpty || !(fraction ?? "").isEmpty else { return nil }
        while whole.count > 1, whole.hasPrefix("0") { whole.removeFirst() }
        out += whole.isEmpty ? "0" : whole
        if let fraction { out += "." + (fraction.isEmpty ? "0" : fraction) }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            out += "e"
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
                out.append(Character(Unicode.Scalar(bytes[i])))
                i += 1
            }
            let exponent = digits()
            guard !exponent.isEmpty else { return nil }
            out += exponent
        }
        return i == bytes.count ? out : nil
    }
}

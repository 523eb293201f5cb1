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

    /// A number YAML reads that JSON cannot hold: infinity, NaN, or one beyond a double's range.
    struct Unrepresentable: Error {
        var message: String
    }

    /// The value of a scalar whose text is `text`; `plain` when it was written without quotes or a
    /// block indicator, `tag` the explicit tag ("" when there is none).
    static func value(_ text: String, plain: Bool, tag: String) throws(Unrepresentable) -> JSON {
        switch tag {
        case "": return plain ? try resolved(text) : .string(text)
        case intTag, floatTag: return try number(text).map(JSON.number) ?? .string(text)
        case boolTag: return bool(text).map(JSON.bool) ?? .string(text)
        case nullTag: return .null
        // `!!str`, `!` and tags YAML does not define (`!Sub`, `!!timestamp`) keep the text.
        default: return .string(text)
        }
    }

    /// The core schema's reading of a plain scalar.
    static func resolved(_ text: String) throws(Unrepresentable) -> JSON {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        default: break
        }
        if let b = bool(text) { return .bool(b) }
        if let n = try number(text) { return .number(n) }
        return .string(text)
    }

    /// The core schema's infinities and NaN (`.inf`, `-.Inf`, `.NAN`, ...).
    static func isInfinityOrNaN(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "+" || body.first == "-" { body = body.dropFirst() }
        switch body {
        case ".inf", ".Inf", ".INF": return true
        case ".nan", ".NaN", ".NAN": return text == String(body)
        default: return false
        }
    }

    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// An integer (decimal, `0o17`, `0x1F`) or a float in the core schema's forms, read the way the
    /// JSON parser reads numbers so `3` stays an exact integer and `3.0` a double; nil for text
    /// that is not a number. Infinity, NaN and numbers beyond a double's range are YAML numbers
    /// that JSON has no form for: quietly keeping them as text would change the definition's
    /// meaning, so they are refused.
    static func number(_ text: String) throws(Unrepresentable) -> JSONNumber? {
        if isInfinityOrNaN(text) {
            throw Unrepresentable(message: "the YAML number \(text) has no JSON form (JSON has no infinity or NaN); "
                                  + "write a finite number, or quote it to mean the text")
        }
        let utf8 = Array(text.utf8)
        guard !utf8.isEmpty else { return nil }
        if utf8.count > 2, utf8[0] == UInt8(ascii: "0") {
            let digits = String(decoding: utf8[2...], as: UTF8.self)
            let radix: Int
            switch utf8[1] {
            case UInt8(ascii: "o"): radix = 8
            case UInt8(ascii: "x"): radix = 16
            default: radix = 0
            }
            if radix != 0 {
                guard digits.allSatisfy({ $0.hexDigitValue.map { $0 < radix } ?? false }) else { return nil }
                guard let value = Int64(digits, radix: radix) else {
                    throw Unrepresentable(message: "the YAML integer \(text) is beyond a 64-bit integer; write it in decimal")
                }
                return .int(value)
            }
        }
        guard let normalized = jsonNumberText(utf8) else { return nil }
        guard case .number(let n)? = try? JSON.parse(normalized) else {
            throw Unrepresentable(message: "the YAML number \(text) is too large for a 64-bit double, so JSON cannot hold it; "
                                  + "write a smaller number, or quote it to mean the text")
        }
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

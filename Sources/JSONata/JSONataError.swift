/// An error from compiling or evaluating a JSONata expression, as the reference reports it:
/// a code (`S0201`, `T2001`, `D3030`, `U1001`, ...), the position in the expression, and the
/// inserts its message names.
///
/// The message is built from the code in one place (`JSONataError.template(for:)`), so a code
/// always reads the same; Step Functions quotes these texts in its error causes.
public struct JSONataError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A value inserted into a message. `{{value}}` in a template prints it as JSON.stringify
    /// would; `{{{value}}}` prints it bare.
    public enum Insert: Sendable, Hashable {
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
        /// Text already written as JSON (an object or array).
        case json(String)
        /// JavaScript's `undefined`.
        case undefined

        /// The insert as `JSON.stringify` writes it.
        public var stringified: String {
            switch self {
            case .string(let s): return JSONataError.quoted(s)
            case .number(let d): return d.isFinite ? JSNumber.string(d) : "null"
            case .bool(let b): return b ? "true" : "false"
            case .null: return "null"
            case .json(let text): return text
            case .undefined: return "undefined"
            }
        }

        /// The insert as JavaScript's string conversion writes it.
        public var bare: String {
            switch self {
            case .string(let s): return s
            case .number(let d): return JSNumber.string(d)
            case .bool(let b): return b ? "true" : "false"
            case .null: return "null"
            case .json(let text): return text
            case .undefined: return "undefined"
            }
        }
    }

    /// The code, e.g. `T2001`.
    public var code: String
    /// Offset in the expression, in UTF-16 code units, just past the offending token (as the
    /// reference counts); nil when the error has no place.
    public var position: Int?
    /// The offending token or function name.
    public var token: String?
    /// The offending value.
    public var value: Insert?
    /// A second value (`{{value2}}`, `{{exp}}`).
    public var value2: Insert?
    /// The argument number, for signature errors (`{{index}}`).
    public var index: Int?
    /// A type name, for signature errors (`{{type}}`).
    public var type: String?
    /// Free text for the codes whose template is only `{{{message}}}` (D3137, D3141) and for
    /// codes without a template.
    public var detail: String?

    public init(_ code: String, position: Int? = nil, token: String? = nil, value: Insert? = nil,
                value2: Insert? = nil, index: Int? = nil, type: String? = nil, detail: String? = nil)
    {
        self.code = code
        self.position = position
        self.token = token
        self.value = value
        self.value2 = value2
        self.index = index
        self.type = type
        self.detail = detail
    }

    /// The message, as the reference words it for this code.
    public var message: String {
        guard let template = Self.template(for: code) else { return detail ?? code }
        return Self.fill(template, self)
    }

    /// `CODE: message`.
    public var description: String { "\(code): \(message)" }

    private static func fill(_ template: String, _ e: JSONataError) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let triple = rest[open...].hasPrefix("{{{")
            let double = rest[open...].hasPrefix("{{")
            guard double else { out.append("{"); rest = rest[rest.index(after: open)...]; continue }
            let nameStart = rest.index(open, offsetBy: triple ? 3 : 2)
            let closer = triple ? "}}}" : "}}"
            guard let close = rest[nameStart...].firstRange(of: closer) else { out += rest[open...]; return out }
            let name = String(rest[nameStart..<close.lowerBound])
            out += insert(named: name, of: e, bare: triple)
            rest = rest[close.upperBound...]
        }
        out += rest
        return out
    }

    private static func insert(named name: String, of e: JSONataError, bare: Bool) -> String {
        let v: Insert?
        switch name {
        case "token", "functionName": v = e.token.map(Insert.string)
        case "value": v = e.value
        case "value2", "exp": v = e.value2
        case "index": v = e.index.map { .number(Double($0)) }
        case "type": v = e.type.map(Insert.string)
        case "message": v = e.detail.map(Insert.string)
        default: v = nil
        }
        let insert = v ?? .undefined
        return bare ? insert.bare : insert.stringified
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}

/// A JSON Pointer that does not parse, or that names no place in a value.
public struct JSONPointerError: Error, Sendable, Equatable, CustomStringConvertible {
    public var pointer: String
    public var message: String

    public init(pointer: String, message: String) {
        self.pointer = pointer
        self.message = message
    }

    public var description: String { "JSON Pointer \"\(pointer)\": \(message)" }
}

/// JSON Pointer (RFC 6901): `/States/Pay/Retry/0`.
public enum JSONPointer {
    /// Escapes one reference token (`~` → `~0`, `/` → `~1`).
    public static func escape(_ token: String) -> String {
        guard token.contains("~") || token.contains("/") else { return token }
        var out = ""
        for c in token {
            switch c {
            case "~": out += "~0"
            case "/": out += "~1"
            default: out.append(c)
            }
        }
        return out
    }

    /// The pointer text for a list of reference tokens (`[]` is the root, `""`).
    public static func format(_ tokens: some Sequence<String>) -> String {
        var out = ""
        for t in tokens {
            out += "/"
            out += escape(t)
        }
        return out
    }

    /// Splits a pointer into unescaped reference tokens; `""` (the root) gives none.
    public static func parse(_ pointer: String) throws(JSONPointerError) -> [String] {
        if pointer.isEmpty { return [] }
        guard pointer.utf8.first == UInt8(ascii: "/") else {
            throw JSONPointerError(pointer: pointer, message: "must be empty or start with '/'")
        }
        var tokens: [String] = []
        for raw in pointer.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            let token = Substring(raw)
            guard token.contains("~") else {
                tokens.append(String(token))
                continue
            }
            var out = ""
            var it = token.makeIterator()
            while let c = it.next() {
                guard c == "~" else {
                    out.append(c)
                    continue
                }
                switch it.next() {
                case "0": out.append("~")
                case "1": out.append("/")
                default:
                    throw JSONPointerError(pointer: pointer, message: "'~' must be followed by 0 or 1 (write ~0 for '~', ~1 for '/')")
                }
            }
            tokens.append(out)
        }
        return tokens
    }

    /// An array index token: digits without leading zeros (`0`, `12`, not `01` or `-1`).
    static func index(_ token: String) -> Int? {
        let u = token.utf8
        guard let first = u.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else { return nil }
        if first == UInt8(ascii: "0") && u.count > 1 { return nil }
        guard u.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int(token)
    }
}

extension JSON {
    /// The value a pointer names, or nil when there is none.
    public func value(atPointer pointer: String) throws(JSONPointerError) -> JSON? {
        value(at: try JSONPointer.parse(pointer))
    }

    /// The value at a path of reference tokens, or nil when there is none.
    public func value(at tokens: some Collection<String>) -> JSON? {
        var current = self
        for t in tokens {
            switch current {
            case .object(let o):
                guard let v = o[t] else { return nil }
                current = v
            case .array(let a):
                guard let i = JSONPointer.index(t), i < a.count else { return nil }
                current = a[i]
            default: return nil
            }
        }
        return current
    }

    /// Replaces or adds the value a pointer names; its parent must exist (nothing is created on
    /// the way). In an array the index may be one past the end, or `-`, to append.
    public mutating func setValue(_ value: JSON, atPointer pointer: String) throws(JSONPointerError) {
        let tokens = try JSONPointer.parse(pointer)
        try edit(tokens, pointer: pointer) { (_: JSON?) throws(JSONPointerError) in value }
    }

    /// Removes the value a pointer names and returns it; an error when there is none.
    @discardableResult
    public mutating func removeValue(atPointer pointer: String) throws(JSONPointerError) -> JSON {
        let tokens = try JSONPointer.parse(pointer)
        guard !tokens.isEmpty else { throw JSONPointerError(pointer: pointer, message: "cannot remove the whole document") }
        var removed = JSON.null
        try edit(tokens, pointer: pointer) { (old: JSON?) throws(JSONPointerError) in
            guard let o = old else { throw JSONPointerError(pointer: pointer, message: "there is no value to remove") }
            removed = o
            return nil
        }
        return removed
    }

    /// Walks to the parent of the last token and lets `change` turn the old child (nil when
    /// absent) into the new one (nil to remove), editing in place so untouched subtrees stay
    /// shared with other copies.
    mutating func edit(
        _ tokens: [String], depth: Int = 0, pointer: String,
        _ change: (JSON?) throws(JSONPointerError) -> JSON?
    ) throws(JSONPointerError) {
        guard depth < tokens.count else {
            self = try change(self) ?? .null
            return
        }
        let token = tokens[depth]
        let last = depth == tokens.count - 1
        func missing(_ what: String) -> JSONPointerError {
            let parent = JSONPointer.format(tokens[..<depth])
            return JSONPointerError(pointer: pointer, message: "\(what) at \(parent.isEmpty ? "the root" : parent)")
        }
        switch self {
        case .object(var o):
            self = .null  // drop our reference so `o` is uniquely owned and edits in place
            defer { self = .object(o) }
            if last {
                o[token] = try change(o[token])
            } else {
                guard o[token] != nil else { throw missing("no member \"\(token)\"") }
                try o[token]!.edit(tokens, depth: depth + 1, pointer: pointer, change)
            }
        case .array(var a):
            let index = token == "-" ? a.count : JSONPointer.index(token)
            guard let i = index else { throw missing("\"\(token)\" is not an array index") }
            self = .null
            defer { self = .array(a) }
            if last && i <= a.count {
                let new = try change(i < a.count ? a[i] : nil)
                switch (new, i < a.count) {
                case (let v?, true): a[i] = v
                case (let v?, false): a.append(v)
                case (nil, true): a.remove(at: i)
                case (nil, false): break
                }
            } else {
                guard i < a.count else { throw missing("index \(i) is past the end (count \(a.count))") }
                try a[i].edit(tokens, depth: depth + 1, pointer: pointer, change)
            }
        default:
            throw missing("\"\(token)\" cannot be looked up in a \(typeName)")
        }
    }
}

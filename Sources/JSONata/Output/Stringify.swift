import StatesJSON

/// JSON text as JavaScript's `JSON.stringify` writes it, which is what the reference prints
/// and what `$string` returns: numbers as JavaScript prints them, undefined members left out,
/// functions as `""`.
struct Stringify {
    /// `$string`'s rounding: non-integers to 15 significant digits.
    var roundsNumbers = false
    /// Spaces per level; 0 writes compact text.
    var indent = 0

    private var out: [UInt8] = []
    /// An infinite number was written (as `null`); `$string` refuses those (D1001).
    private(set) var nonFinite: Double?

    init(roundsNumbers: Bool = false, indent: Int = 0) {
        self.roundsNumbers = roundsNumbers
        self.indent = indent
    }

    /// The text of a value; nil for undefined (JSON.stringify returns undefined for it).
    static func text(_ value: Value, roundsNumbers: Bool = false, indent: Int = 0) -> String? {
        if value.isUndefined { return nil }
        var s = Stringify(roundsNumbers: roundsNumbers, indent: indent)
        s.write(value, level: 0)
        return String(decoding: s.out, as: UTF8.self)
    }

    /// `$string`'s text: numbers rounded, and an infinite number anywhere inside is D1001.
    static func roundedText(_ value: Value, indent: Int) throws(JSONataError) -> String {
        var s = Stringify(roundsNumbers: true, indent: indent)
        s.write(value, level: 0)
        if let n = s.nonFinite, n.isInfinite { throw JSONataError("D1001", value: .number(n)) }
        return String(decoding: s.out, as: UTF8.self)
    }

    private mutating func newline(_ level: Int) {
        guard indent > 0 else { return }
        out.append(0x0A)
        for _ in 0..<(indent * level) { out.append(0x20) }
    }

    private mutating func write(_ value: Value, level: Int) {
        switch value {
        case .undefined, .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): writeNumber(n)
        case .string(let s): Self.writeString(s, into: &out)
        case .function: out.append(contentsOf: "\"\"".utf8)
        case .array(let seq): writeArray(seq.items.count, level: level) { seq.items[$0] }
        case .json(.array(let a)): writeArray(a.count, level: level) { Value(a[$0]) }
        case .object(let o): writeObject(o.count, level: level) { (o.keys[$0], o.values[$0]) }
        case .json(.object(let o)): writeObject(o.count, level: level) { (o.key(at: $0), Value(o.value(at: $0))) }
        case .json: out.append(contentsOf: "null".utf8)
        case .node(let n): writeNode(n.document, n.index, level: level)
        }
    }

    /// A document's value, straight from its tape.
    private mutating func writeNode(_ d: JSONataDocument, _ i: Int, level: Int) {
        switch d.tag(i) {
        case .array:
            out.append(0x5B)
            var cursor = i + 1
            let end = d.next(i)
            var first = true
            while cursor < end {
                if !first { out.append(0x2C) }
                first = false
                newline(level + 1)
                writeNode(d, cursor, level: level + 1)
                cursor = d.next(cursor)
            }
            if !first { newline(level) }
            out.append(0x5D)
        case .object:
            out.append(0x7B)
            var cursor = i + 1
            let end = d.next(i)
            var first = true
            while cursor < end {
                if !first { out.append(0x2C) }
                first = false
                newline(level + 1)
                d.withStringBytes(cursor) { Self.writeString(bytes: $0, into: &out) }
                out.append(0x3A)
                if indent > 0 { out.append(0x20) }
                writeNode(d, cursor + 1, level: level + 1)
                cursor = d.next(cursor + 1)
            }
            if !first { newline(level) }
            out.append(0x7D)
        case .string, .escapedString:
            d.withStringBytes(i) { Self.writeString(bytes: $0, into: &out) }
        default:
            write(d.value(i), level: level)
        }
    }

    private mutating func writeNumber(_ n: Double) {
        guard n.isFinite else {
            if nonFinite == nil { nonFinite = n }
            out.append(contentsOf: "null".utf8)
            return
        }
        out.append(contentsOf: (roundsNumbers ? JSNumber.castString(n) : JSNumber.string(n)).utf8)
    }

    private mutating func writeArray(_ count: Int, level: Int, _ element: (Int) -> Value) {
        out.append(0x5B)
        if count == 0 {
            out.append(0x5D)
            return
        }
        for i in 0..<count {
            if i > 0 { out.append(0x2C) }
            newline(level + 1)
            write(element(i), level: level + 1)
        }
        newline(level)
        out.append(0x5D)
    }

    private mutating func writeObject(_ count: Int, level: Int, _ member: (Int) -> (String, Value)) {
        out.append(0x7B)
        var first = true
        for i in 0..<count {
            let (key, value) = member(i)
            if value.isUndefined { continue }
            if !first { out.append(0x2C) }
            first = false
            newline(level + 1)
            Self.writeString(key, into: &out)
            out.append(0x3A)
            if indent > 0 { out.append(0x20) }
            write(value, level: level + 1)
        }
        if !first { newline(level) }
        out.append(0x7D)
    }

    /// A string literal as JSON.stringify writes it.
    static func writeString(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { writeString(bytes: $0, into: &out) }
    }

    /// A lone surrogate's stand-in (see `LoneSurrogate`) in UTF-8: F3 B0 8x xx.
    @inline(__always)
    private static func standIn(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt16? {
        guard i + 3 < bytes.count, bytes[i] == 0xF3, bytes[i + 1] == 0xB0, bytes[i + 2] & 0xE0 == 0x80 else { return nil }
        let v = (UInt32(bytes[i + 2] & 0x3F) << 6) | UInt32(bytes[i + 3] & 0x3F)
        return UInt16(0xD800 + v)
    }

    static func writeString(bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.append(0x22)
        var skip = 0
        for (i, b) in bytes.enumerated() {
            if skip > 0 {
                skip -= 1
                continue
            }
            if b == 0xF3, let u = standIn(bytes, at: i) {
                // JSON.stringify writes a lone surrogate as an escape.
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, 0x75] + [12, 8, 4, 0].map { hex[Int((u >> UInt16($0)) & 15)] })
                skip = 3
                continue
            }
            switch b {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0x08: out.append(contentsOf: [0x5C, 0x62])
            case 0x0C: out.append(contentsOf: [0x5C, 0x66])
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
            default: out.append(b)
            }
        }
        out.append(0x22)
    }
}

extension Value {
    /// The value as an error message inserts it.
    var insert: JSONataError.Insert {
        switch self {
        case .undefined: return .undefined
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let n): return .number(n)
        case .string(let s): return .string(s)
        default: return .json(Stringify.text(self) ?? "undefined")
        }
    }
}

/// Writes `JSON` values as text, the way Step Functions writes them.
public enum JSONPrinter {
    /// Compact text with no spaces, as AWS writes state input and output (`{"a":1,"b":[true]}`).
    public static func compact(_ value: JSON) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        writeCompact(value, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Indented text for people, two spaces a level.
    public static func pretty(_ value: JSON, indent: Int = 2) -> String {
        var out: [UInt8] = []
        writePretty(value, level: 0, indent: indent, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public static func writeCompact(_ value: JSON, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): out.append(contentsOf: format(n).utf8)
        case .string(let s): writeString(s, into: &out)
        case .array(let a):
            out.append(UInt8(ascii: "["))
            for (i, e) in a.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                writeCompact(e, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let o):
            out.append(UInt8(ascii: "{"))
            var first = true
            for (k, v) in o {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                writeString(k, into: &out)
                out.append(UInt8(ascii: ":"))
                writeCompact(v, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func writePretty(_ value: JSON, level: Int, indent: Int, into out: inout [UInt8]) {
        func newline(_ level: Int) {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level * indent))
        }
        switch value {
        case .array(let a) where !a.isEmpty:
            out.append(UInt8(ascii: "["))
            for (i, e) in a.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(level + 1)
                writePretty(e, level: level + 1, indent: indent, into: &out)
            }
            newline(level)
            out.append(UInt8(ascii: "]"))
        case .object(let o) where !o.isEmpty:
            out.append(UInt8(ascii: "{"))
            var first = true
            for (k, v) in o {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                newline(level + 1)
                writeString(k, into: &out)
                out.append(contentsOf: ": ".utf8)
                writePretty(v, level: level + 1, indent: indent, into: &out)
            }
            newline(level)
            out.append(UInt8(ascii: "}"))
        default:
            writeCompact(value, into: &out)
        }
    }

    /// A string literal with JSON escapes; non-ASCII text is written as is.
    public static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case ..<0x20: out.append(contentsOf: "\\u\(hex4(UInt32(b)))".utf8)
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// A number as AWS prints it: integers without a fraction, decimals in their shortest form.
    public static func format(_ n: JSONNumber) -> String {
        switch n {
        case .int(let i): return String(i)
        case .double(let d):
            if d.rounded() == d && abs(d) < 1e16 { return String(Int64(d)) }
            return d.description
        }
    }
}

extension JSON: CustomStringConvertible {
    /// Compact JSON text.
    public var description: String { JSONPrinter.compact(self) }
}

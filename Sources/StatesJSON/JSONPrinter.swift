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

    /// Appends the compact UTF-8 text of a value.
    public static func writeCompact(_ value: JSON, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): writeNumber(n, into: &out)
        case .string(let s): writeString(s, into: &out)
        case .array(let a):
            out.append(UInt8(ascii: "["))
            var first = true
            for e in a {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
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

    /// The short escape for a byte, 0 when it is written as is, 1 when it needs `\u00XX`.
    @inline(__always)
    static func escape(_ b: UInt8) -> UInt8 {
        if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") { return 0 }
        switch b {
        case UInt8(ascii: "\""): return UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): return UInt8(ascii: "\\")
        case 0x0A: return UInt8(ascii: "n")
        case 0x0D: return UInt8(ascii: "r")
        case 0x09: return UInt8(ascii: "t")
        case 0x08: return UInt8(ascii: "b")
        case 0x0C: return UInt8(ascii: "f")
        default: return 1
        }
    }

    /// The index of the first byte at or after `start` that needs an escape, else `bytes.count`.
    /// It tests eight bytes at a time: state data is mostly long runs of plain text.
    @inline(__always)
    static func nextEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        if let base = bytes.baseAddress {
            while i + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if mayNeedEscape(word) { break }
                i += 8
            }
        }
        while i < bytes.count, escape(bytes[i]) == 0 { i += 1 }
        return i
    }

    /// Whether any byte of `word` is a control character, `"` or `\`: the classic "has a byte
    /// less than n" and "has a zero byte" bit tricks, which never miss one.
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & highs
        let q = word ^ (ones &* 0x22)
        let quote = (q &- ones) & ~q & highs
        let b = word ^ (ones &* 0x5C)
        let backslash = (b &- ones) & ~b & highs
        return (control | quote | backslash) != 0
    }

    /// A string literal with JSON escapes, as Jackson writes it: other control characters as
    /// `\u00XX` (upper-case hex), `/` and non-ASCII text as is.
    public static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            // Copy runs that need no escape in one go; most strings are a single run.
            var run = 0
            var i = nextEscape(in: bytes, from: 0)
            while i < bytes.count {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                run = i + 1
                out.append(UInt8(ascii: "\\"))
                let e = escape(bytes[i])
                if e != 1 {
                    out.append(e)
                } else {
                    let digits: StaticString = "0123456789ABCDEF"
                    out.append(contentsOf: "u00".utf8)
                    out.append(digits.utf8Start[Int(bytes[i] >> 4)])
                    out.append(digits.utf8Start[Int(bytes[i] & 0xF)])
                }
                i = nextEscape(in: bytes, from: i + 1)
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Appends a number as `format(_:)` writes it, without building a `String` for integers.
    public static func writeNumber(_ n: JSONNumber, into out: inout [UInt8]) {
        switch n {
        case .double(let d):
            writeDouble(d, into: &out)
        case .int(let i):
            // Digits fill a stack buffer from the right, then go out in one append.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
                var magnitude = i.magnitude
                var start = 20
                repeat {
                    start -= 1
                    digits[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                    magnitude /= 10
                } while magnitude != 0
                if i < 0 {
                    start -= 1
                    digits[start] = UInt8(ascii: "-")
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
            }
        }
    }
}

extension JSON: CustomStringConvertible {
    /// Compact JSON text.
    public var description: String { JSONPrinter.compact(self) }
}

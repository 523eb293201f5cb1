import Glibc
import StatesJSON

/// A JSON document read once for evaluation: one array of 64-bit entries (a "tape") over the
/// document's own bytes, which evaluation reads without building a value per member.
///
/// A 20 MB document takes about twice its size in memory this way, and reads several times
/// faster than into `JSON` values; `asldb jsonata` evaluates large inputs through it.
// Sendable by hand: nothing in it changes after `init`.
public final class JSONataDocument: @unchecked Sendable {
    /// The document's bytes; strings without escapes are read from here.
    let bytes: [UInt8]
    /// Strings with escapes, unescaped.
    let unescaped: [UInt8]
    let tape: [UInt64]

    /// Parses JSON text (UTF-8). A syntax error is reported with its line and column, the
    /// same as `JSONParser` reports it.
    public init(parsing bytes: [UInt8], maxDepth: Int = 1_000) throws(JSONParseError) {
        // The builder is a local of the closure, so its arrays are written without the run-time
        // exclusivity checks a captured or stored one would need.
        var tooDeepAt: Int?
        let built: TapeBuilder? = bytes.withUnsafeBufferPointer { p in
            var builder = TapeBuilder(maxDepth: maxDepth, capacity: p.count / 6 + 16)
            if builder.parse(p) { return builder }
            tooDeepAt = builder.tooDeepAt
            return nil
        }
        guard let built else {
            if let offset = tooDeepAt {
                throw JSONParseError(message: "the document nests arrays and objects more than \(maxDepth) levels deep",
                                     location: Self.location(of: offset, in: bytes))
            }
            // The fast reader only knows that it stopped; the full parser says where and why.
            do {
                _ = try JSONParser().parse(bytes)
            } catch {
                throw error
            }
            throw JSONParseError(message: "the document is not valid JSON", location: Self.location(of: 0, in: bytes))
        }
        self.bytes = bytes
        unescaped = built.unescaped
        tape = built.tape
    }

    /// The line and column of a byte offset (columns count characters).
    static func location(of offset: Int, in bytes: [UInt8]) -> SourceLocation {
        var line = 1
        var lineStart = 0
        for i in 0..<min(offset, bytes.count) where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        let column = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self).count + 1
        return SourceLocation(line: line, column: column)
    }

    /// The root value's entry.
    var root: Int { 0 }

    // MARK: - Entries

    enum Tag: UInt64 {
        case null = 0, `false`, `true`, number, string, escapedString, array, object
    }

    @inline(__always) func tag(_ i: Int) -> Tag { Tag(rawValue: tape[i] >> 60)! }
    @inline(__always) func payloadHigh(_ i: Int) -> Int { Int((tape[i] >> 28) & 0xFFFF_FFFF) }
    @inline(__always) func payloadLow(_ i: Int) -> Int { Int(tape[i] & 0x0FFF_FFFF) }

    /// The entry after the value that starts at `i`.
    @inline(__always) func next(_ i: Int) -> Int {
        switch tag(i) {
        case .number: return i + 2
        case .array, .object: return payloadHigh(i)
        default: return i + 1
        }
    }

    /// The number of elements or members of a container.
    @inline(__always) func count(_ i: Int) -> Int { payloadLow(i) }

    @inline(__always) func number(_ i: Int) -> Double { Double(bitPattern: tape[i + 1]) }

    /// The bytes of a string entry.
    @inline(__always)
    func withStringBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let offset = payloadHigh(i)
        let length = payloadLow(i)
        let source = tag(i) == .string ? bytes : unescaped
        return source.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[offset..<(offset + length)])) }
    }

    func string(_ i: Int) -> String {
        withStringBytes(i) { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether a string entry holds exactly these UTF-8 bytes.
    @inline(__always)
    func stringEquals(_ i: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard payloadLow(i) == key.count else { return false }
        return withStringBytes(i) { s in
            guard let a = s.baseAddress, let b = key.baseAddress else { return true }
            return memcmp(a, b, key.count) == 0
        }
    }

    /// The entry of `key`'s value in the object at `i`, nil when it has none.
    func member(_ i: Int, _ key: String) -> Int? {
        var key = key
        return key.withUTF8 { k in
            var cursor = i + 1
            let end = payloadHigh(i)
            while cursor < end {
                if stringEquals(cursor, k) { return cursor + 1 }
                cursor = next(cursor + 1)
            }
            return nil
        }
    }

    /// The value at `i`: scalars as values, containers as references into the tape.
    @inline(__always)
    func value(_ i: Int) -> Value {
        switch tag(i) {
        case .null: return .null
        case .false: return .bool(false)
        case .true: return .bool(true)
        case .number: return .number(number(i))
        case .string, .escapedString: return .string(string(i))
        case .array, .object: return .node(NodeRef(document: self, index: i))
        }
    }

    /// The elements of the array at `i`.
    func elements(_ i: Int) -> [Value] {
        var out: [Value] = []
        out.reserveCapacity(count(i))
        var cursor = i + 1
        let end = payloadHigh(i)
        while cursor < end {
            out.append(value(cursor))
            cursor = next(cursor)
        }
        return out
    }

    /// The members of the object at `i`, in order.
    func forEachMember(_ i: Int, _ body: (Int, Int) throws(JSONataError) -> Void) throws(JSONataError) {
        var cursor = i + 1
        let end = payloadHigh(i)
        while cursor < end {
            try body(cursor, cursor + 1)
            cursor = next(cursor + 1)
        }
    }

    /// The value at `i` as JSON.
    func json(_ i: Int) -> JSON {
        switch tag(i) {
        case .null: return .null
        case .false: return .bool(false)
        case .true: return .bool(true)
        case .number: return .number(.normalized(number(i)))
        case .string, .escapedString: return .string(string(i))
        case .array:
            var out: [JSON] = []
            out.reserveCapacity(count(i))
            var cursor = i + 1
            while cursor < payloadHigh(i) {
                out.append(json(cursor))
                cursor = next(cursor)
            }
            return .array(out)
        case .object:
            var o = JSONObject(minimumCapacity: count(i))
            var cursor = i + 1
            while cursor < payloadHigh(i) {
                o[string(cursor)] = json(cursor + 1)
                cursor = next(cursor + 1)
            }
            return .object(o)
        }
    }
}

/// A container of a `JSONataDocument`. The document outlives every evaluation that reads it
/// (`JSONataExpression.evaluate(document:)` holds it), so the reference is not counted.
struct NodeRef {
    unowned(unsafe) let document: JSONataDocument
    let index: Int

    var isArray: Bool { document.tag(index) == .array }
    var isObject: Bool { document.tag(index) == .object }
    var count: Int { document.count(index) }
}

/// Writes the tape: one pass over the bytes, containers patched when they close, no recursion.
private struct TapeBuilder {
    let maxDepth: Int
    var tape: [UInt64] = []
    var unescaped: [UInt8] = []
    /// Where the document went deeper than `maxDepth`.
    var tooDeepAt: Int?

    init(maxDepth: Int, capacity: Int) {
        self.maxDepth = maxDepth
        tape.reserveCapacity(capacity)
    }

    static func entry(_ tag: JSONataDocument.Tag, _ high: Int = 0, _ low: Int = 0) -> UInt64 {
        tag.rawValue << 60 | UInt64(high) << 28 | UInt64(low)
    }

    /// Whether the bytes are one JSON value (with white space around it).
    mutating func parse(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = p.count
        // Open containers: their entry, their element count, and whether they are objects.
        var stack: [(entry: Int, count: Int, isObject: Bool)] = []
        var i = 0
        // Skip a UTF-8 byte order mark, as JSON.parse of a decoded file would not see one.
        if n >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF { i = 3 }
        var expectValue = true
        while true {
            if expectValue {
                Self.skipSpace(p, &i)
                guard i < n else { return false }
                let c = p[i]
                switch c {
                case 0x7B, 0x5B:  // { [
                    guard stack.count < maxDepth else {
                        tooDeepAt = i
                        return false
                    }
                    let isObject = c == 0x7B
                    stack.append((tape.count, 0, isObject))
                    tape.append(0)
                    i += 1
                    Self.skipSpace(p, &i)
                    guard i < n else { return false }
                    if p[i] == (isObject ? 0x7D : 0x5D) {
                        i += 1
                        let top = stack.removeLast()
                        tape[top.entry] = Self.entry(isObject ? .object : .array, tape.count, 0)
                        expectValue = false
                        break
                    }
                    if isObject {
                        guard p[i] == 0x22, readString(p, &i), skipColon(p, &i) else { return false }
                    }
                    continue
                case 0x22:
                    guard readString(p, &i) else { return false }
                case 0x74:
                    guard i + 4 <= n, p[i + 1] == 0x72, p[i + 2] == 0x75, p[i + 3] == 0x65 else { return false }
                    tape.append(Self.entry(.true))
                    i += 4
                case 0x66:
                    guard i + 5 <= n, p[i + 1] == 0x61, p[i + 2] == 0x6C, p[i + 3] == 0x73, p[i + 4] == 0x65 else { return false }
                    tape.append(Self.entry(.false))
                    i += 5
                case 0x6E:
                    guard i + 4 <= n, p[i + 1] == 0x75, p[i + 2] == 0x6C, p[i + 3] == 0x6C else { return false }
                    tape.append(Self.entry(.null))
                    i += 4
                default:
                    guard readNumber(p, &i) else { return false }
                }
                expectValue = false
            }
            // After a value: a comma, a closing bracket, or the end.
            Self.skipSpace(p, &i)
            guard let top = stack.last else {
                return i == n
            }
            guard i < n else { return false }
            let c = p[i]
            if c == 0x2C {
                i += 1
                stack[stack.count - 1].count += 1
                if top.isObject {
                    Self.skipSpace(p, &i)
                    guard i < n, p[i] == 0x22, readString(p, &i), skipColon(p, &i) else { return false }
                }
                expectValue = true
                continue
            }
            guard c == (top.isObject ? 0x7D : 0x5D) else { return false }
            i += 1
            stack.removeLast()
            let count = top.count + 1
            guard tape.count < 1 << 32, count < 1 << 28 else { return false }
            tape[top.entry] = Self.entry(top.isObject ? .object : .array, tape.count, count)
        }
    }

    @inline(__always)
    private static func skipSpace(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) {
        while i < p.count {
            let c = p[i]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { i += 1 } else { break }
        }
    }

    private func skipColon(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Bool {
        while i < p.count, p[i] == 0x20 || p[i] == 0x0A || p[i] == 0x0D || p[i] == 0x09 { i += 1 }
        guard i < p.count, p[i] == 0x3A else { return false }
        i += 1
        return true
    }

    /// A string from its opening quote; an escape-free one is kept as a range of the input.
    private mutating func readString(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Bool {
        let start = i + 1
        var j = start
        let n = p.count
        while j < n {
            let c = p[j]
            if c == 0x22 {
                guard start < 1 << 32, j - start < 1 << 28 else { return false }
                tape.append(Self.entry(.string, start, j - start))
                i = j + 1
                return true
            }
            if c == 0x5C { break }
            if c < 0x20 { return false }
            j += 1
        }
        // Escapes: unescape into the side buffer.
        let offset = unescaped.count
        unescaped.append(contentsOf: p[start..<j])
        while j < n {
            let c = p[j]
            if c == 0x22 {
                let length = unescaped.count - offset
                guard offset < 1 << 32, length < 1 << 28 else { return false }
                tape.append(Self.entry(.escapedString, offset, length))
                i = j + 1
                return true
            }
            if c < 0x20 { return false }
            if c != 0x5C {
                unescaped.append(c)
                j += 1
                continue
            }
            guard j + 1 < n else { return false }
            let e = p[j + 1]
            j += 2
            switch e {
            case 0x22, 0x5C, 0x2F: unescaped.append(e)
            case 0x62: unescaped.append(0x08)
            case 0x66: unescaped.append(0x0C)
            case 0x6E: unescaped.append(0x0A)
            case 0x72: unescaped.append(0x0D)
            case 0x74: unescaped.append(0x09)
            case 0x75:
                guard var code = hex4(p, j) else { return false }
                j += 4
                if code >= 0xD800 && code < 0xDC00, j + 6 <= n, p[j] == 0x5C, p[j + 1] == 0x75,
                   let low = hex4(p, j + 2), low >= 0xDC00 && low < 0xE000
                {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    j += 6
                }
                // A lone surrogate, which JSON.parse keeps, is kept as its stand-in.
                let scalar = Unicode.Scalar(code) ?? Unicode.Scalar(LoneSurrogate.base + code - 0xD800)!
                unescaped.append(contentsOf: String(Character(scalar)).utf8)
            default:
                return false
            }
        }
        return false
    }

    private func hex4(_ p: UnsafeBufferPointer<UInt8>, _ j: Int) -> UInt32? {
        guard j + 4 <= p.count else { return nil }
        var v: UInt32 = 0
        for k in 0..<4 {
            let c = p[j + k]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }

    /// A number in JSON's syntax, read exactly (digits that fit are converted with one exact
    /// step; the rest go through the correctly rounding library conversion).
    private mutating func readNumber(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Bool {
        let n = p.count
        let start = i
        var j = i
        if j < n, p[j] == 0x2D { j += 1 }
        guard j < n else { return false }
        var mantissa: UInt64 = 0
        var digits = 0
        if p[j] == 0x30 {
            j += 1
        } else if p[j] >= 0x31 && p[j] <= 0x39 {
            while j < n, p[j] >= 0x30 && p[j] <= 0x39 {
                if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(p[j] - 0x30) }
                digits += 1
                j += 1
            }
        } else {
            return false
        }
        var fraction = 0
        if j < n, p[j] == 0x2E {
            j += 1
            guard j < n, p[j] >= 0x30 && p[j] <= 0x39 else { return false }
            while j < n, p[j] >= 0x30 && p[j] <= 0x39 {
                if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(p[j] - 0x30); fraction += 1 }
                if mantissa != 0 || p[j] != 0x30 { digits += 1 }
                j += 1
            }
        }
        var exponent = 0
        if j < n, p[j] == 0x65 || p[j] == 0x45 {
            j += 1
            var negative = false
            if j < n, p[j] == 0x2B || p[j] == 0x2D {
                negative = p[j] == 0x2D
                j += 1
            }
            guard j < n, p[j] >= 0x30 && p[j] <= 0x39 else { return false }
            while j < n, p[j] >= 0x30 && p[j] <= 0x39 {
                if exponent < 100_000 { exponent = exponent * 10 + Int(p[j] - 0x30) }
                j += 1
            }
            if negative { exponent = -exponent }
        }
        let negative = p[start] == 0x2D
        var value: Double
        let scale = exponent - fraction
        if digits <= 15 && mantissa < 1 << 53 && scale >= -22 && scale <= 22 {
            value = Double(mantissa)
            if scale < 0 { value /= Self.powersOfTen[-scale] } else { value *= Self.powersOfTen[scale] }
            if negative { value = -value }
        } else {
            guard let parsed = Double(String(decoding: UnsafeBufferPointer(rebasing: p[start..<j]), as: UTF8.self)) else {
                return false
            }
            value = parsed
        }
        tape.append(Self.entry(.number))
        tape.append(value.bitPattern)
        i = j
        return true
    }

    private static let powersOfTen: [Double] = (0...22).map { k in
        var v = 1.0
        for _ in 0..<k { v *= 10 }
        return v
    }
}

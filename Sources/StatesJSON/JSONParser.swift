/// A malformed JSON document: what is wrong and where.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation
    /// JSON Pointer of the value being read when the error was found (`""` at the top).
    public var pointer: String

    public init(message: String, location: SourceLocation, pointer: String = "") {
        self.message = message
        self.location = location
        self.pointer = pointer
    }

    public var description: String { "\(location): \(message)" }
}

/// Reads JSON text into `JSON` values.
public struct JSONParser: Sendable {
    /// Rejects an object that names the same key twice (ASL definitions must not).
    public var rejectDuplicateKeys: Bool
    /// Deeper nesting is an error instead of a stack overflow.
    public var maxDepth: Int
    /// Records a `SourceMap` (slower; used for definitions, not for state data).
    public var recordLocations: Bool

    public init(rejectDuplicateKeys: Bool = false, maxDepth: Int = 512, recordLocations: Bool = false) {
        self.rejectDuplicateKeys = rejectDuplicateKeys
        self.maxDepth = maxDepth
        self.recordLocations = recordLocations
    }

    /// Parses a whole document from UTF-8 bytes.
    public func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSON {
        let array = Array(bytes)
        return try array.withUnsafeBufferPointer { run($0) }.get().0
    }

    /// Parses a whole document from a string.
    public func parse(_ text: String) throws(JSONParseError) -> JSON {
        var text = text
        return try text.withUTF8 { run($0) }.get().0
    }

    /// Parses a whole document and keeps where its parts came from.
    public func parseDocument(_ bytes: some Collection<UInt8>, fileName: String) throws(JSONParseError) -> JSONDocument {
        let array = Array(bytes)
        let (value, map) = try array.withUnsafeBufferPointer { run($0) }.get()
        return JSONDocument(value: value, sourceMap: map, fileName: fileName)
    }

    private func run(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<(JSON, SourceMap), JSONParseError> {
        var reader = Reader(bytes: buffer, options: self)
        do {
            let value = try reader.readDocument()
            return .success((value, reader.sourceMap))
        } catch {
            return .failure(error)
        }
    }
}

extension JSON {
    /// Parses JSON text with default options.
    public static func parse(_ text: String) throws(JSONParseError) -> JSON {
        try JSONParser().parse(text)
    }
}

private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    let options: JSONParser
    var index = 0
    var line = 1
    var lineStart = 0
    var depth = 0
    var pointer: [String] = []
    var sourceMap = SourceMap()

    init(bytes: UnsafeBufferPointer<UInt8>, options: JSONParser) {
        self.bytes = bytes
        self.options = options
    }

    // MARK: Positions and errors

    func location(at offset: Int) -> SourceLocation {
        // Columns count characters: skip UTF-8 continuation bytes.
        var column = 1
        var i = lineStart
        while i < offset && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(line: line, column: column)
    }

    var pointerString: String {
        pointer.isEmpty ? "" : "/" + pointer.map(JSONPointer.escape).joined(separator: "/")
    }

    func error(_ message: String, at offset: Int? = nil) -> JSONParseError {
        JSONParseError(message: message, location: location(at: offset ?? index), pointer: pointerString)
    }

    // MARK: Document

    mutating func readDocument() throws(JSONParseError) -> JSON {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3; lineStart = 3 }
        skipWhitespace()
        guard index < bytes.count else { throw error("the document is empty; expected a JSON value") }
        let value = try readValue()
        skipWhitespace()
        if index < bytes.count {
            throw error("unexpected \(describe(bytes[index])) after the end of the JSON value")
        }
        return value
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte < 0x20 { return "control character U+\(hex4(UInt32(byte)))" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    mutating func readValue() throws(JSONParseError) -> JSON {
        if options.recordLocations { sourceMap.values[pointerString] = location(at: index) }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try readObject()
        case UInt8(ascii: "["): return try readArray()
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try readNumber())
        case let b: throw error("unexpected \(describe(b)); expected a JSON value")
        }
    }

    mutating func expectWord(_ word: StaticString) throws(JSONParseError) {
        let start = index
        let count = word.utf8CodeUnitCount
        let ok = index + count <= bytes.count && (0..<count).allSatisfy { bytes[index + $0] == word.utf8Start[$0] }
        guard ok else { throw error("invalid literal; expected '\(word)'", at: start) }
        index += count
    }

    mutating func enter() throws(JSONParseError) {
        depth += 1
        if depth > options.maxDepth {
            throw error("nesting is deeper than \(options.maxDepth) levels")
        }
    }

    // MARK: Containers

    mutating func readArray() throws(JSONParseError) -> JSON {
        try enter()
        index += 1
        var elements: [JSON] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw error("unterminated array; expected a value or ']'") }
            if bytes[index] == UInt8(ascii: "]") { throw error("trailing comma before ']'") }
            if options.recordLocations { pointer.append(String(elements.count)) }
            elements.append(try readValue())
            if options.recordLocations { pointer.removeLast() }
            skipWhitespace()
            guard index < bytes.count else { throw error("unterminated array; expected ',' or ']'") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                depth -= 1
                return .array(elements)
            case let b: throw error("unexpected \(describe(b)) in array; expected ',' or ']'")
            }
        }
    }

    mutating func readObject() throws(JSONParseError) -> JSON {
        try enter()
        index += 1
        var members = JSONObject()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw error("unterminated object; expected a key or '}'") }
            if bytes[index] == UInt8(ascii: "}") { throw error("trailing comma before '}'") }
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw error("unexpected \(describe(bytes[index])); object keys must be strings in double quotes")
            }
            let keyStart = index
            let key = try readString()
            if options.recordLocations {
                pointer.append(key)
                sourceMap.keys[pointerString] = location(at: keyStart)
            }
            if members[key] != nil && options.rejectDuplicateKeys {
                throw error("duplicate key \"\(key)\"", at: keyStart)
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("expected ':' after the key \"\(key)\"")
            }
            index += 1
            skipWhitespace()
            guard index < bytes.count else { throw error("unterminated object; expected a value for \"\(key)\"") }
            members[key] = try readValue()
            if options.recordLocations { pointer.removeLast() }
            skipWhitespace()
            guard index < bytes.count else { throw error("unterminated object; expected ',' or '}'") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                depth -= 1
                return .object(members)
            case let b: throw error("unexpected \(describe(b)) in object; expected ',' or '}'")
            }
        }
    }

    // MARK: Strings

    mutating func readString() throws(JSONParseError) -> String {
        let start = index
        index += 1
        // Fast path: no escapes, plain ASCII or valid UTF-8 checked by String(validating:).
        var scan = index
        while scan < bytes.count {
            let b = bytes[scan]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 { break }
            scan += 1
        }
        if scan < bytes.count && bytes[scan] == UInt8(ascii: "\"") {
            let slice = UnsafeBufferPointer(rebasing: bytes[index..<scan])
            guard let s = String(validating: slice, as: UTF8.self) else {
                throw error("invalid UTF-8 in string", at: firstInvalidUTF8(from: index, to: scan))
            }
            index = scan + 1
            return s
        }
        var out: [UInt8] = Array(UnsafeBufferPointer(rebasing: bytes[index..<scan]))
        index = scan
        while true {
            guard index < bytes.count else { throw error("unterminated string", at: start) }
            let b = bytes[index]
            switch b {
            case UInt8(ascii: "\""):
                index += 1
                guard let s = String(validating: out, as: UTF8.self) else {
                    throw error("invalid UTF-8 in string", at: start)
                }
                return s
            case UInt8(ascii: "\\"):
                try readEscape(into: &out)
            case 0x0A:
                throw error("unterminated string (a raw line break is not allowed inside a string)", at: start)
            case ..<0x20:
                throw error("control character U+\(hex4(UInt32(b))) must be escaped inside a string")
            default:
                out.append(b)
                index += 1
            }
        }
    }

    func firstInvalidUTF8(from: Int, to: Int) -> Int {
        var i = from
        while i < to {
            let b = bytes[i]
            let len: Int
            switch b {
            case 0x00...0x7F: len = 1
            case 0xC2...0xDF: len = 2
            case 0xE0...0xEF: len = 3
            case 0xF0...0xF4: len = 4
            default: return i
            }
            if i + len > to { return i }
            let slice = UnsafeBufferPointer(rebasing: bytes[i..<(i + len)])
            if String(validating: slice, as: UTF8.self) == nil { return i }
            i += len
        }
        return from
    }

    mutating func readEscape(into out: inout [UInt8]) throws(JSONParseError) {
        let escapeStart = index
        index += 1
        guard index < bytes.count else { throw error("unterminated escape sequence", at: escapeStart) }
        let c = bytes[index]
        index += 1
        switch c {
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "/"): out.append(0x2F)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try readHex4(escapeStart: escapeStart)
            if (0xD800...0xDBFF).contains(scalar) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw error("lone surrogate \\u\(hex4(scalar)) (a high surrogate must be followed by a low one)", at: escapeStart)
                }
                index += 2
                let low = try readHex4(escapeStart: index - 2)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw error("lone surrogate \\u\(hex4(scalar)) (followed by \\u\(hex4(low)), not a low surrogate)", at: escapeStart)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw error("lone surrogate \\u\(hex4(scalar)) (a low surrogate without a high one)", at: escapeStart)
            }
            out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
        default:
            throw error("invalid escape sequence '\\\(Character(Unicode.Scalar(c)))'", at: escapeStart)
        }
    }

    mutating func readHex4(escapeStart: Int) throws(JSONParseError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("incomplete \\u escape; expected four hex digits", at: escapeStart) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[index]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error("invalid \\u escape; expected four hex digits", at: escapeStart)
            }
            v = v << 4 | d
            index += 1
        }
        return v
    }

    // MARK: Numbers

    mutating func readNumber() throws(JSONParseError) -> JSONNumber {
        let start = index
        var isInteger = true
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number; expected a digit", at: index) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw error("invalid number; leading zeros are not allowed", at: start) }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number; expected a digit after '.'", at: index) }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number; expected a digit in the exponent", at: index) }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if isInteger, let i = Int64(text) { return .int(i) }
        guard let d = Double(text), d.isFinite else { throw error("number \(text) is out of range", at: start) }
        return .double(d)
    }

    func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
}

func hex4(_ v: UInt32) -> String {
    let s = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - s.count)) + s
}

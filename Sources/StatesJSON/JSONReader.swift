/// The recursive-descent reader behind `JSONParser`: one pass over borrowed UTF-8 bytes.
///
/// It reads through an unsafe pointer because every byte of a state's data goes through here on
/// every transition; each access is guarded by an explicit `index < end` test instead.
struct JSONReader: ~Copyable {
    let base: UnsafePointer<UInt8>
    let end: Int
    let options: JSONParser
    /// Keeps `path` up to date so errors (and the source map) can name the value being read.
    let trackPath: Bool
    var index = 0
    var line = 1
    var lineStart = 0
    var depth = 0
    var path: [String] = []
    var sourceMap = SourceMap()
    /// Reused for strings with escapes so each one does not allocate a fresh buffer.
    var scratch: [UInt8] = []
    /// Members of the containers being read, innermost on top.
    var values = ParseStack<JSON>()
    var keys = ParseStack<String>()
    /// Memo of the last column computed, so recording locations on a long line stays linear.
    var columnMemo = (offset: 0, column: 1)

    init(base: UnsafePointer<UInt8>, count: Int, options: JSONParser, trackPath: Bool) {
        self.base = base
        self.end = count
        self.options = options
        self.trackPath = trackPath
    }

    // MARK: Document

    mutating func readDocument() throws(JSONParseError) -> JSON {
        if end >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF {
            index = 3
            lineStart = 3
        }
        skipWhitespace()
        guard index < end else { throw error("the document is empty; expected a JSON value") }
        let value = try readValue()
        skipWhitespace()
        if index < end {
            throw error("unexpected \(describe(base[index])) after the end of the JSON value; a document holds one value")
        }
        return value
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while index < end {
            let b = base[index]
            if b > 0x20 { return }
            switch b {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    mutating func readValue() throws(JSONParseError) -> JSON {
        if options.recordLocations { sourceMap.values[pointerString] = recordedLocation(at: index) }
        switch base[index] {
        case UInt8(ascii: "{"): return try readObject()
        case UInt8(ascii: "["): return try readArray()
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try readNumber())
        case UInt8(ascii: "'"): throw error("unexpected \"'\"; JSON strings use double quotes")
        case let b: throw error("unexpected \(describe(b)); expected a JSON value")
        }
    }

    mutating func expectWord(_ word: StaticString) throws(JSONParseError) {
        let count = word.utf8CodeUnitCount
        var ok = index + count <= end
        var i = 0
        while ok && i < count {
            ok = base[index + i] == word.utf8Start[i]
            i += 1
        }
        guard ok else { throw error("invalid literal; expected '\(word)' (true, false and null are lowercase)") }
        index += count
    }

    mutating func enter() throws(JSONParseError) {
        depth += 1
        if depth > options.maxDepth {
            throw error("nesting is deeper than \(options.maxDepth) levels; flatten the document")
        }
    }

    // MARK: Containers

    mutating func readArray() throws(JSONParseError) -> JSON {
        let open = opening()
        try enter()
        index += 1
        let first = values.count
        skipWhitespace()
        if index < end, base[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array([])
        }
        var comma = opening()
        while true {
            skipWhitespace()
            guard index < end else {
                throw unterminated("array", open, "[", "]")
            }
            if base[index] == UInt8(ascii: "]") {
                throw error("trailing comma before ']'; remove the ','", at: comma)
            }
            if trackPath { path.append(String(values.count - first)) }
            let element = try readValue()
            values.push(element)
            if trackPath { path.removeLast() }
            skipWhitespace()
            guard index < end else {
                throw unterminated("array", open, "[", "]")
            }
            switch base[index] {
            case UInt8(ascii: ","):
                comma = opening()
                index += 1
            case UInt8(ascii: "]"):
                index += 1
                depth -= 1
                return .array(values.pop(from: first))
            case let b: throw error("unexpected \(describe(b)) in array; expected ',' or ']'")
            }
        }
    }

    mutating func readObject() throws(JSONParseError) -> JSON {
        let open = opening()
        try enter()
        index += 1
        let first = keys.count
        skipWhitespace()
        if index < end, base[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object([:])
        }
        var comma = opening()
        while true {
            skipWhitespace()
            guard index < end else {
                throw unterminated("object", open, "{", "}")
            }
            if base[index] == UInt8(ascii: "}") {
                throw error("trailing comma before '}'; remove the ','", at: comma)
            }
            guard base[index] == UInt8(ascii: "\"") else {
                throw error("unexpected \(describe(base[index])); object keys must be strings in double quotes")
            }
            let keyStart = index
            let key = try readString()
            if trackPath { path.append(key) }
            if options.recordLocations { sourceMap.keys[pointerString] = recordedLocation(at: keyStart) }
            if options.rejectDuplicateKeys && hasKey(key, since: first) {
                throw error("duplicate key \"\(key)\"; a key may appear only once in an object", at: keyStart)
            }
            skipWhitespace()
            guard index < end, base[index] == UInt8(ascii: ":") else {
                throw error("expected ':' after the key \"\(key)\"")
            }
            index += 1
            skipWhitespace()
            guard index < end else { throw error("unterminated object; expected a value for \"\(key)\"") }
            let value = try readValue()
            keys.push(key)
            values.push(value)
            if trackPath { path.removeLast() }
            skipWhitespace()
            guard index < end else {
                throw unterminated("object", open, "{", "}")
            }
            switch base[index] {
            case UInt8(ascii: ","):
                comma = opening()
                index += 1
            case UInt8(ascii: "}"):
                index += 1
                depth -= 1
                return .object(popObject(from: first))
            case let b: throw error("unexpected \(describe(b)) in object; expected ',' or '}'")
            }
        }
    }
}

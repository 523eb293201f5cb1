/// Turning byte offsets into line:column and errors that say where they are.
extension JSONReader {
    func location(at offset: Int) -> SourceLocation {
        location(at: offset, line: line, lineStart: lineStart)
    }

    func location(at offset: Int, line: Int, lineStart: Int) -> SourceLocation {
        // Columns count characters, so UTF-8 continuation bytes do not advance them.
        var column = 1
        var i = lineStart
        while i < offset && i < end {
            if base[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(line: line, column: column)
    }

    /// Where a container opened, kept as raw numbers so the common, error-free case does no work.
    struct Opening {
        var offset: Int
        var line: Int
        var lineStart: Int
    }

    func error(_ message: String, at mark: Opening) -> JSONParseError {
        let at = location(at: mark.offset, line: mark.line, lineStart: mark.lineStart)
        return JSONParseError(message: message, location: at, pointer: pointerString)
    }

    /// The current position, to report later even after the reader has moved to another line.
    func opening() -> Opening { Opening(offset: index, line: line, lineStart: lineStart) }

    func unterminated(_ kind: String, _ open: Opening, _ bracket: String, _ closer: String) -> JSONParseError {
        let at = location(at: open.offset, line: open.line, lineStart: open.lineStart)
        return error("unterminated \(kind); the '\(bracket)' at \(at) has no matching '\(closer)'")
    }

    mutating func recordedLocation(at offset: Int) -> SourceLocation {
        var i = lineStart
        var column = 1
        if columnMemo.offset >= lineStart && columnMemo.offset <= offset {
            i = columnMemo.offset
            column = columnMemo.column
        }
        while i < offset {
            if base[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        columnMemo = (offset, column)
        return SourceLocation(line: line, column: column)
    }

    var pointerString: String {
        path.isEmpty ? "" : "/" + path.map(JSONPointer.escape).joined(separator: "/")
    }

    func error(_ message: String, at offset: Int? = nil) -> JSONParseError {
        JSONParseError(message: message, location: location(at: offset ?? index), pointer: pointerString)
    }

    func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte == 0x20 { return "space" }
        if byte < 0x20 { return "control character U+\(hex4(UInt32(byte)))" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }
}

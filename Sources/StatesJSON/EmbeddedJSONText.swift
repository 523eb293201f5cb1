/// JSON text held in a string of a JSON file (the `definition` of `describe-state-machine`
/// output, the `input` of `describe-execution`): each place in the text found again in the file,
/// inside the string literal, escapes and all.
public struct EmbeddedJSONText: Sendable {
    /// The string's text.
    public let text: String
    /// For each line of the text, where each of its characters (and its end) stands in the file.
    private let places: [[SourceLocation]]

    /// The string that is the member `name` of `document`, parsed from `bytes`; nil when that is
    /// not a string.
    public init?(_ document: JSONDocument, member name: String, bytes: [UInt8]) {
        guard case .string(let text)? = document.value[name], let start = document.sourceMap.values["/" + JSONPointer.escape(name)],
              let places = Self.places(in: bytes, literalAt: start) else { return nil }
        self.text = text
        self.places = places
    }

    /// Where a place in the text stands in the file.
    public func map(_ location: SourceLocation) -> SourceLocation {
        guard let line = places[safe: location.line - 1] ?? places.last, let place = line[safe: location.column - 1] ?? line.last else {
            return location
        }
        return place
    }

    /// A document parsed from the text, relabelled so its places are the file's.
    public func relocated(_ document: JSONDocument) -> JSONDocument {
        var map = SourceMap()
        map.values = document.sourceMap.values.mapValues(self.map)
        map.keys = document.sourceMap.keys.mapValues(self.map)
        return JSONDocument(value: document.value, sourceMap: map, fileName: document.fileName)
    }

    /// Walks the literal that opens at `start`: every character it decodes to gets the file place
    /// of its first byte (of the escape, for an escaped one), and `\n` starts a new line of text.
    static func places(in bytes: [UInt8], literalAt start: SourceLocation) -> [[SourceLocation]]? {
        guard var i = offset(of: start, in: bytes), i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
        var column = start.column + 1
        i += 1
        var lines: [[SourceLocation]] = [[]]
        while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
            let place = SourceLocation(line: start.line, column: column)
            var width = 1
            var newline = false
            if bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.count {
                newline = bytes[i + 1] == UInt8(ascii: "n")
                width = bytes[i + 1] == UInt8(ascii: "u") ? 6 : 2
                // A surrogate pair is one character of the text.
                if width == 6, i + 7 < bytes.count, bytes[i + 6] == UInt8(ascii: "\\"), bytes[i + 7] == UInt8(ascii: "u"),
                   let unit = UInt16(String(decoding: bytes[(i + 2)..<min(i + 6, bytes.count)], as: UTF8.self), radix: 16),
                   (0xD800...0xDBFF).contains(unit) {
                    width = 12
                }
            } else {
                while i + width < bytes.count, bytes[i + width] & 0xC0 == 0x80 { width += 1 }
            }
            lines[lines.count - 1].append(place)
            if newline { lines.append([]) }
            i += width
            column += bytes[i - width] == UInt8(ascii: "\\") ? width : 1
        }
        // The end of the last line: where the closing quote is.
        lines[lines.count - 1].append(SourceLocation(line: start.line, column: column))
        return lines
    }

    /// The byte offset of a line:column (columns count characters).
    static func offset(of location: SourceLocation, in bytes: [UInt8]) -> Int? {
        var line = 1, column = 1, i = 0
        while i < bytes.count {
            if line == location.line && column == location.column { return i }
            if bytes[i] == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if bytes[i] & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return nil
    }
}

private extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

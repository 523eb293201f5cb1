/// Template placeholders written where JSON needs a value (`"TimeoutSeconds": ${timeout}`), as
/// SAM, Terraform's `templatefile` and CloudFormation's `Fn::Sub` allow: the text is JSON only
/// once they are substituted. Replacing each with a stand-in lets such a file load anyway.
struct UnquotedPlaceholders {
    /// One placeholder and what it was read as.
    struct Replacement: Equatable {
        /// The placeholder as written (`${timeout}`).
        var placeholder: String
        /// Where it starts in the text.
        var location: SourceLocation
        /// The text put in its place.
        var replacement: String
        /// True when the value came from a substitution the template gives (not a stand-in).
        var isKnown: Bool
        /// Where the replacement starts in the new text (same line, perhaps another column).
        var newColumn: Int
    }

    var text: [UInt8]
    var replacements: [Replacement]

    /// The text with every `${...}` outside JSON strings replaced: by its value when `known`
    /// gives one (SAM substitutes the raw text), else by the quoted placeholder, which a field
    /// that needs a number then reads as a stand-in (`ModelBuilder.standsIn`). Nil when there is none.
    init?(_ bytes: [UInt8], known: [String: String] = [:]) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var replacements: [Replacement] = []
        var i = 0, line = 1, column = 1
        // How far the new text's columns are ahead of the old on this line.
        var shift = 0
        var inString = false, escaped = false
        // After a `${` that nothing closes, where its line ends: the rest of the line is not
        // searched again for each `${` on it, which on a long line of them took hours.
        var unclosedUntil = 0
        while i < bytes.count {
            let byte = bytes[i]
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "$"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "{"), i >= unclosedUntil,
                      let end = Self.closingBrace(bytes, from: i + 2) ?? Self.unclosed(bytes, from: i, until: &unclosedUntil) {
                let placeholder = String(decoding: bytes[i...end], as: UTF8.self)
                let name = String(placeholder.dropFirst(2).dropLast())
                let replacement: String
                if let value = known[name] {
                    // On one line, so every later line keeps its number.
                    replacement = value.replacing("\n", with: " ").replacing("\r", with: " ")
                } else {
                    replacement = JSONPrinter.compact(.string(placeholder))
                }
                replacements.append(Replacement(placeholder: placeholder, location: SourceLocation(line: line, column: column),
                                                replacement: replacement, isKnown: known[name] != nil, newColumn: column + shift))
                shift += replacement.unicodeScalars.count - placeholder.unicodeScalars.count
                out += Array(replacement.utf8)
                column += placeholder.unicodeScalars.count
                i = end + 1
                continue
            }
            out.append(byte)
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
                shift = 0
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        guard !replacements.isEmpty else { return nil }
        text = out
        self.replacements = replacements
    }

    /// The `}` that closes a placeholder whose body starts at `start`, skipping nested braces and
    /// quoted text (`${jsonencode({"a": 1})}`); nil when it runs past the end of the line.
    static func closingBrace(_ bytes: [UInt8], from start: Int) -> Int? {
        var depth = 0
        var quoted = false
        var i = start
        while i < bytes.count, bytes[i] != UInt8(ascii: "\n") {
            let byte = bytes[i]
            if quoted {
                if byte == UInt8(ascii: "\\") { i += 1 } else if byte == UInt8(ascii: "\"") { quoted = false }
            } else if byte == UInt8(ascii: "\"") {
                quoted = true
            } else if byte == UInt8(ascii: "{") {
                depth += 1
            } else if byte == UInt8(ascii: "}") {
                if depth == 0 { return i > start ? i : nil }
                depth -= 1
            }
            i += 1
        }
        return nil
    }

    /// Notes that the `${` at `start` is not closed on its line: `until` becomes where the line
    /// ends. Always nil, for the caller's `??`.
    static func unclosed(_ bytes: [UInt8], from start: Int, until: inout Int) -> Int? {
        until = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        return nil
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// Where a location of the new text was in the original: placeholders replaced by longer
    /// or shorter text move what follows them on their line.
    func original(_ location: SourceLocation) -> SourceLocation {
        var column = location.column
        for r in replacements where r.location.line == location.line && r.newColumn <= location.column {
            let width = r.replacement.unicodeScalars.count
            if location.column < r.newColumn + width { return r.location }
            column -= width - r.placeholder.unicodeScalars.count
        }
        return SourceLocation(line: location.line, column: column)
    }

    /// A document parsed from the new text, with the original text's locations.
    func relocated(_ document: JSONDocument) -> JSONDocument {
        var map = SourceMap()
        map.values = document.sourceMap.values.mapValues(original)
        map.keys = document.sourceMap.keys.mapValues(original)
        return JSONDocument(value: document.value, sourceMap: map, fileName: document.fileName)
    }

    /// One warning for each stand-in, at the placeholder, naming the field it fills.
    func warnings(in document: JSONDocument) -> [Diagnostic] {
        var pointers: [SourceLocation: String] = [:]
        for (pointer, location) in document.sourceMap.values { pointers[location] = pointer }
        return replacements.filter { !$0.isKnown }.map { replacement in
            let pointer = pointers[replacement.location] ?? ""
            return Diagnostic(severity: .warning, code: .placeholderSubstituted,
                              message: "the unquoted placeholder \(replacement.placeholder) was read as \(replacement.replacement) so the text "
                                  + "parses as JSON; the real value is filled in when the file is deployed",
                              pointer: pointer, path: ASLPath.path(of: pointer, in: document.value), location: replacement.location)
        }
    }
}

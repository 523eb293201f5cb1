/// Definition text cut out of a template (a `DefinitionString`, an `Fn::Sub` body, the joined
/// parts of an `Fn::Join`), and where each part of it came from in the template, so a problem
/// found in the text is reported at its line in the template.
struct EmbeddedText {
    /// A stretch of the text and its place in the template.
    struct Piece {
        /// Where the piece starts in the text.
        var start: SourceLocation
        /// Where it came from in the template.
        var origin: SourceLocation
        /// True for a literal block (`|`), whose lines are the template's lines shifted by its
        /// indentation; a quoted or escaped string only locates as a whole.
        var exact: Bool
    }

    private(set) var text = ""
    private(set) var pieces: [Piece] = []
    private var end = SourceLocation(line: 1, column: 1)

    init() {}

    /// Appends a piece of text; `origin` is where it starts in the template.
    mutating func append(_ part: String, origin: SourceLocation, exact: Bool) {
        pieces.append(Piece(start: end, origin: origin, exact: exact))
        text += part
        advance(over: part)
    }

    /// Appends text (a separator) that belongs to the piece before it.
    mutating func append(_ part: String) {
        text += part
        advance(over: part)
    }

    private mutating func advance(over part: String) {
        for scalar in part.unicodeScalars {
            if scalar == "\n" {
                end.line += 1
                end.column = 1
            } else {
                end.column += 1
            }
        }
    }

    /// Whether `location` falls where the text can be traced line for line.
    func isExact(_ location: SourceLocation) -> Bool { piece(at: location)?.exact ?? false }

    /// The template location of a location in the text.
    func map(_ location: SourceLocation) -> SourceLocation {
        guard let piece = piece(at: location) else { return pieces.first?.origin ?? location }
        guard piece.exact else { return piece.origin }
        if location.line == piece.start.line {
            return SourceLocation(line: piece.origin.line, column: piece.origin.column + location.column - piece.start.column)
        }
        return SourceLocation(line: piece.origin.line + location.line - piece.start.line,
                              column: location.column + piece.origin.column - 1)
    }

    private func piece(at location: SourceLocation) -> Piece? {
        pieces.last { ($0.start.line, $0.start.column) <= (location.line, location.column) }
    }

    /// A document parsed from this text, relabelled so its locations are the template's.
    func relocated(_ document: JSONDocument, fileName: String) -> JSONDocument {
        var map = SourceMap()
        map.values = document.sourceMap.values.mapValues(self.map)
        map.keys = document.sourceMap.keys.mapValues(self.map)
        return JSONDocument(value: document.value, sourceMap: map, fileName: fileName)
    }
}

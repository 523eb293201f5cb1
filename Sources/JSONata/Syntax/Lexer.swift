/// One token of an expression.
struct Token {
    enum Kind: Equatable {
        case name
        case variable
        case `operator`
        case string
        case number
        /// `true`, `false` or `null`.
        case value
        case regex
        case end
    }

    var kind: Kind
    /// The operator's or name's text, the string's value, the variable's name (without `$`).
    var text: String
    var number: Double = 0
    /// For `.value`: true, false, or nil for null.
    var literal: Bool?
    var regex: RegexLiteral?
    /// Offset (UTF-16 code units) just past the token, as the reference reports positions.
    var position: Int
}

/// A regular expression literal `/pattern/flags`.
struct RegexLiteral {
    var pattern: String
    var ignoreCase: Bool
    var multiline: Bool
}

/// Splits an expression into tokens, one at a time, as the parser asks for them.
///
/// It reads UTF-16 code units so that positions, escapes and lone surrogates behave as in the
/// reference, which is written in JavaScript.
struct Lexer {
    private let source: [UInt16]
    private(set) var position = 0
    /// Where the token `next` returned last begins (for the source ranges of nodes).
    private(set) var tokenStart = 0
    /// Whether `??` and `?:` are operators (JSONata 2.1 and later; not Step Functions' 2.0.6).
    private let knowsCoalescing: Bool

    init(_ text: String, knowsCoalescing: Bool = true) {
        source = Array(text.utf16)
        self.knowsCoalescing = knowsCoalescing
    }

    var length: Int { source.count }

    /// Characters that end a name: the operator characters and white space.
    static func isOperatorCharacter(_ c: UInt16) -> Bool {
        switch c {
        case 0x2E, 0x5B, 0x5D, 0x7B, 0x7D, 0x28, 0x29, 0x2C, 0x40, 0x23, 0x3B, 0x3A, 0x3F,  // . [ ] { } ( ) , @ # ; : ?
            0x2B, 0x2D, 0x2A, 0x2F, 0x25, 0x7C, 0x3D, 0x3C, 0x3E, 0x5E, 0x26, 0x21, 0x7E:  // + - * / % | = < > ^ & ! ~
            return true
        default:
            return false
        }
    }

    static func isSpace(_ c: UInt16) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0B }

    private func at(_ i: Int) -> UInt16 { i < source.count ? source[i] : 0 }

    private func text(_ range: Range<Int>) -> String { String(decoding: source[range], as: UTF16.self) }

    /// The next token. `afterOperand` is true where an operand has just been read, so that `/`
    /// is division there and opens a regular expression elsewhere.
    mutating func next(afterOperand: Bool) throws(JSONataError) -> Token? {
        while true {
            while position < length, Self.isSpace(source[position]) { position += 1 }
            if position >= length { return nil }
            // Comments
            if source[position] == 0x2F, at(position + 1) == 0x2A {
                let start = position
                position += 2
                while !(at(position) == 0x2A && at(position + 1) == 0x2F) {
                    position += 1
                    if position >= length { throw JSONataError("S0106", position: start) }
                }
                position += 2
                continue
            }
            break
        }
        tokenStart = position
        let c = source[position]
        if !afterOperand && c == 0x2F {
            position += 1
            return try scanRegex()
        }
        let c1 = at(position + 1)
        let pair: String? = switch (c, c1) {
        case (0x2E, 0x2E): ".."
        case (0x3A, 0x3D): ":="
        case (0x21, 0x3D): "!="
        case (0x3E, 0x3D): ">="
        case (0x3C, 0x3D): "<="
        case (0x2A, 0x2A): "**"
        case (0x7E, 0x3E): "~>"
        case (0x3F, 0x3A): "?:"
        case (0x3F, 0x3F): "??"
        default: nil
        }
        if let pair {
            position += 2
            if !knowsCoalescing && (pair == "??" || pair == "?:") {
                throw JSONataError("S0204", position: position, token: pair, detail: nil)
            }
            return Token(kind: .operator, text: pair, position: position)
        }
        if Self.isOperatorCharacter(c) {
            position += 1
            return Token(kind: .operator, text: String(UnicodeScalar(UInt8(c))), position: position)
        }
        if c == 0x22 || c == 0x27 { return try scanString(quote: c) }
        if let number = try scanNumber() { return number }
        if c == 0x60 {  // `quoted name`
            position += 1
            var end = position
            while end < length, source[end] != 0x60 { end += 1 }
            if end < length {
                let name = text(position..<end)
                position = end + 1
                return Token(kind: .name, text: name, position: position)
            }
            position = length
            throw JSONataError("S0105", position: position)
        }
        var i = position
        while i < length, !Self.isSpace(source[i]), !Self.isOperatorCharacter(source[i]) { i += 1 }
        if c == 0x24 {  // $
            let name = text((position + 1)..<i)
            position = i
            return Token(kind: .variable, text: name, position: position)
        }
        let name = text(position..<i)
        position = i
        switch name {
        case "or", "in", "and": return Token(kind: .operator, text: name, position: position)
        case "true": return Token(kind: .value, text: name, literal: true, position: position)
        case "false": return Token(kind: .value, text: name, literal: false, position: position)
        case "null": return Token(kind: .value, text: name, literal: nil, position: position)
        default: return Token(kind: .name, text: name, position: position)
        }
    }

    private mutating func scanString(quote: UInt16) throws(JSONataError) -> Token {
        position += 1
        var units: [UInt16] = []
        while position < length {
            var c = source[position]
            if c == 0x5C {  // backslash
                position += 1
                c = at(position)
                switch c {
                case 0x22, 0x5C, 0x2F: units.append(c)
                case 0x62: units.append(0x08)
                case 0x66: units.append(0x0C)
                case 0x6E: units.append(0x0A)
                case 0x72: units.append(0x0D)
                case 0x74: units.append(0x09)
                case 0x75:  // \uXXXX
                    // Up to four hex digits, as the reference reads them.
                    let digits = source[(position + 1)..<min(position + 5, length)]
                    var code: UInt16 = 0
                    var ok = !digits.isEmpty
                    for d in digits {
                        guard let v = Self.hexValue(d) else { ok = false; break }
                        code = code << 4 | v
                    }
                    guard ok else { throw JSONataError("S0104", position: position) }
                    units.append(code)
                    position += 4
                default:
                    throw JSONataError("S0103", position: position, token: text(position..<min(position + 1, length)))
                }
            } else if c == quote {
                position += 1
                return Token(kind: .string, text: LoneSurrogate.string(units), position: position)
            } else {
                units.append(c)
            }
            position += 1
        }
        throw JSONataError("S0101", position: position)
    }

    static func hexValue(_ c: UInt16) -> UInt16? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }

    private static func isDigit(_ c: UInt16) -> Bool { c >= 0x30 && c <= 0x39 }

    /// A number: `0` or `[1-9][0-9]*`, then an optional fraction and exponent (JSON's form).
    private mutating func scanNumber() throws(JSONataError) -> Token? {
        var i = position
        guard Self.isDigit(at(i)) else { return nil }
        if at(i) == 0x30 { i += 1 } else { while Self.isDigit(at(i)) { i += 1 } }
        if at(i) == 0x2E, Self.isDigit(at(i + 1)) {
            i += 1
            while Self.isDigit(at(i)) { i += 1 }
        }
        if at(i) == 0x65 || at(i) == 0x45 {
            var j = i + 1
            if at(j) == 0x2B || at(j) == 0x2D { j += 1 }
            if Self.isDigit(at(j)) {
                while Self.isDigit(at(j)) { j += 1 }
                i = j
            }
        }
        let literal = text(position..<i)
        guard let value = Double(literal), value.isFinite else {
            throw JSONataError("S0102", position: position, token: literal)
        }
        position = i
        return Token(kind: .number, text: literal, number: value, position: position)
    }

    /// The rest of `/pattern/flags` after the opening slash; a `/` inside brackets or escaped
    /// does not close it.
    private mutating func scanRegex() throws(JSONataError) -> Token {
        let start = position
        var depth = 0
        while position < length {
            let c = source[position]
            if c == 0x2F && depth == 0 {
                var backslashes = 0
                while position - backslashes - 1 >= 0, source[position - backslashes - 1] == 0x5C { backslashes += 1 }
                if backslashes % 2 == 0 {
                    let pattern = text(start..<position)
                    if pattern.isEmpty { throw JSONataError("S0301", position: position) }
                    position += 1
                    var ignoreCase = false
                    var multiline = false
                    while position < length, source[position] == 0x69 || source[position] == 0x6D {
                        if source[position] == 0x69 { ignoreCase = true } else { multiline = true }
                        position += 1
                    }
                    return Token(kind: .regex, text: pattern,
                                 regex: RegexLiteral(pattern: pattern, ignoreCase: ignoreCase, multiline: multiline),
                                 position: position)
                }
            }
            let previous = position > 0 ? source[position - 1] : 0
            if (c == 0x28 || c == 0x5B || c == 0x7B) && previous != 0x5C { depth += 1 }
            if (c == 0x29 || c == 0x5D || c == 0x7D) && previous != 0x5C { depth -= 1 }
            position += 1
        }
        throw JSONataError("S0302", position: position)
    }
}

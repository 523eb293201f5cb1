extension ECMARegex.Parser {
    typealias Node = ECMARegex.Node
    typealias CharSet = ECMARegex.CharSet

    /// The escape after a backslash outside a class (`position` is just past the backslash),
    /// and whether a quantifier may follow it (not after `\b` or `\B`).
    mutating func atomEscape(backslash: Int) throws(Failure) -> (Node, Bool) {
        guard position < source.count else { throw Failure(reason: "\\ at end of pattern", offset: backslash) }
        let c = scalar(at: position)
        switch c {
        case "b", "B":
            position += 1
            return (.assertion(c == "b" ? .wordBoundary : .notWordBoundary), false)
        case "1"..."9":
            let digits = position
            if let n = number(at: &position), n <= totalGroups { return (.backreference(n), true) }
            // Not a group: `\8` and `\9` stand for the digit, `\1`–`\7` start an octal escape.
            position = digits
            if c == "8" || c == "9" {
                position += 1
                return (.unit(UInt16(c.value)), true)
            }
            return (.unit(legacyOctal()), true)
        case "k" where namedMode:
            position += 1
            guard isAt(position, "<") else { throw Failure(reason: "Invalid named reference", offset: backslash) }
            position += 1
            let name = try groupName()
            noteReference(name, offset: backslash)
            return (.namedReference(name), true)
        default:
            if let set = Self.classEscape(c) {
                position += 1
                return (.set(set.negated ? set.set.inverted : set.set, negated: false), true)
            }
            return (.unit(characterEscape(inClass: false)), true)
        }
    }

    /// `\d \D \w \W \s \S`.
    static func classEscape(_ c: Unicode.Scalar) -> (set: CharSet, negated: Bool)? {
        switch c {
        case "d": return (.digits, false)
        case "D": return (.digits, true)
        case "w": return (.word, false)
        case "W": return (.word, true)
        case "s": return (.space, false)
        case "S": return (.space, true)
        default: return nil
        }
    }

    /// A CharacterEscape or IdentityEscape at `position` (just past the backslash), consumed.
    /// `\c` without a control letter stands for the backslash itself and leaves the `c` to be
    /// read as a character.
    mutating func characterEscape(inClass: Bool) -> UInt16 {
        let c = scalar(at: position)
        switch c {
        case "f": position += 1; return 0x0C
        case "n": position += 1; return 0x0A
        case "r": position += 1; return 0x0D
        case "t": position += 1; return 0x09
        case "v": position += 1; return 0x0B
        case "c":
            guard position + 1 < source.count else { return 0x5C }
            let letter = scalar(at: position + 1)
            let isLetter = ("a"..."z").contains(letter) || ("A"..."Z").contains(letter)
            // Inside a class Annex B also takes digits and `_` as control letters.
            let allowed = isLetter || (inClass && (("0"..."9").contains(letter) || letter == "_"))
            guard allowed else { return 0x5C }
            position += 2
            return UInt16(letter.value % 32)
        case "0"..."7":
            return legacyOctal()
        case "x":
            position += 1
            return hexDigits(2) ?? 0x78
        case "u":
            position += 1
            return hexDigits(4) ?? 0x75
        default:
            position += 1
            return source[position - 1]
        }
    }

    /// Exactly `count` hex digits at `position` as a value (consumed), or nil (nothing consumed).
    mutating func hexDigits(_ count: Int) -> UInt16? {
        guard position + count <= source.count else { return nil }
        var value = 0
        for k in 0..<count {
            guard let d = Self.digitValue(source[position + k], radix: 16) else { return nil }
            value = value * 16 + d
        }
        position += count
        return UInt16(value)
    }

    /// Annex B's LegacyOctalEscapeSequence at `position`: up to three octal digits, as long as
    /// the value stays within `\377`.
    mutating func legacyOctal() -> UInt16 {
        var value = Int(source[position]) - 0x30
        position += 1
        for _ in 0..<2 {
            guard position < source.count, let d = Self.digitValue(source[position], radix: 8),
                  value * 8 + d <= 0o377 else { break }
            value = value * 8 + d
            position += 1
        }
        return UInt16(value)
    }

    /// A group name after `(?<` or `\k<` (at `position`), through the closing `>`.
    mutating func groupName() throws(Failure) -> String {
        let start = position
        var name = String.UnicodeScalarView()
        while true {
            guard position < source.count else { throw Failure(reason: "Invalid capture group name", offset: start) }
            if isAt(position, ">"), !name.isEmpty {
                position += 1
                return String(name)
            }
            guard let scalar = nameScalar(),
                  name.isEmpty ? Self.isIdentifierStart(scalar) : Self.isIdentifierPart(scalar) else {
                throw Failure(reason: "Invalid capture group name", offset: start)
            }
            name.append(scalar)
        }
    }

    /// One code point of a group name: a surrogate pair, `\uXXXX` (or a pair of them), or
    /// `\u{X…}`.
    private mutating func nameScalar() -> Unicode.Scalar? {
        var unit: UInt32
        if isAt(position, "\\") {
            guard isAt(position + 1, "u") else { return nil }
            position += 2
            if isAt(position, "{") {
                position += 1
                var value: UInt32 = 0
                var digits = 0
                while position < source.count, let d = Self.digitValue(source[position], radix: 16) {
                    value = value * 16 + UInt32(d)
                    digits += 1
                    position += 1
                    if value > 0x10FFFF { return nil }
                }
                guard digits > 0, isAt(position, "}") else { return nil }
                position += 1
                return Unicode.Scalar(value)
            }
            guard let u = hexDigits(4) else { return nil }
            unit = UInt32(u)
            if (0xD800...0xDBFF).contains(unit), isAt(position, "\\"), isAt(position + 1, "u") {
                let mark = position
                position += 2
                if let trail = hexDigits(4), (0xDC00...0xDFFF).contains(trail) {
                    return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (UInt32(trail) - 0xDC00))
                }
                position = mark
            }
        } else {
            unit = UInt32(source[position])
            position += 1
            if (0xD800...0xDBFF).contains(unit), position < source.count, (0xDC00...0xDFFF).contains(source[position]) {
                let trail = UInt32(source[position])
                position += 1
                return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (trail - 0xDC00))
            }
        }
        return Unicode.Scalar(unit)
    }

    static func isIdentifierStart(_ s: Unicode.Scalar) -> Bool {
        s == "$" || s == "_" || s.properties.isIDStart
    }

    static func isIdentifierPart(_ s: Unicode.Scalar) -> Bool {
        s == "$" || s == "\u{200C}" || s == "\u{200D}" || s.properties.isIDContinue
    }
}

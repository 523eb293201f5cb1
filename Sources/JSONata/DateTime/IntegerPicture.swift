/// An analysed integer picture, the XPath `fn:format-integer` pictures `$formatInteger` and
/// `$parseInteger` take and date/time markers use for their numbers: `0001`, `#,##0`, `a`,
/// `I`, `w`, `Ww`, each optionally followed by `;o` for ordinals.
struct IntegerPicture {
    enum Numbering {
        /// A decimal digit pattern such as `#,##0` or `٠٠`.
        case decimal(DecimalDigitPattern)
        /// `a`, `b`, ... `z`, `aa`, as spreadsheets number columns.
        case letters
        /// `i`, `ii`, `iii`, `iv`, ...
        case roman
        /// `one`, `two`, ... `one hundred and twenty-three`.
        case words
        /// Any other numbering sequence: the reference supports none (D3130).
        case unsupported(String)
    }

    enum LetterCase { case upper, lower, title }

    var numbering: Numbering
    var letterCase = LetterCase.lower
    var ordinal = false

    /// Analyses `picture`; D3131 when its digits come from more than one decimal family.
    init(_ picture: String) throws(JSONataError) {
        var primary = picture[...]
        if let semicolon = picture.lastIndex(of: ";") {
            primary = picture[..<semicolon]
            ordinal = picture[picture.index(after: semicolon)...].hasPrefix("o")
        }
        switch primary {
        case "A": (numbering, letterCase) = (.letters, .upper)
        case "a": numbering = .letters
        case "I": (numbering, letterCase) = (.roman, .upper)
        case "i": numbering = .roman
        case "W": (numbering, letterCase) = (.words, .upper)
        case "Ww": (numbering, letterCase) = (.words, .title)
        case "w": numbering = .words
        default:
            if let pattern = try DecimalDigitPattern(primary) {
                numbering = .decimal(pattern)
            } else {
                numbering = .unsupported(String(primary))
            }
        }
    }

    /// The decimal digit pattern, if the picture is one.
    var decimal: DecimalDigitPattern? {
        get { if case .decimal(let d) = numbering { return d } else { return nil } }
        set { if let newValue { numbering = .decimal(newValue) } }
    }
}

/// The decimal digit pattern of an integer picture: mandatory digits (`0`, or a digit of any
/// Unicode decimal family), optional digits (`#`), and grouping separators (anything else).
struct DecimalDigitPattern {
    /// The code point of the family's zero (`0`, `٠`, `０`, ...).
    var zero: UInt32
    var mandatoryDigits: Int
    var optionalDigits: Int
    var grouping: GroupingSeparators
    /// How many digits a date/time marker reads when another number follows it directly.
    var parseWidth: Int?

    /// nil when the pattern has no mandatory digit (so is no decimal pattern).
    init?(_ pattern: Substring) throws(JSONataError) {
        var zero: UInt32?
        var mandatory = 0, optional = 0, position = 0
        var separators: [GroupingSeparators.Separator] = []
        // Separators are placed by how many digit places lie to their right.
        for scalar in pattern.unicodeScalars.reversed() {
            if let familyZero = DecimalDigitFamily.zero(of: scalar) {
                if let zero, zero != familyZero { throw JSONataError("D3131") }
                zero = familyZero
                mandatory += 1
                position += 1
            } else if scalar == "#" {
                optional += 1
                position += 1
            } else {
                separators.append(.init(position: position, character: String(scalar)))
            }
        }
        guard let zero, mandatory > 0 else { return nil }
        self.zero = zero
        mandatoryDigits = mandatory
        optionalDigits = optional
        grouping = GroupingSeparators(separators)
    }
}

extension IntegerPicture {
    /// `$parseInteger`: the number `text` writes in `picture`. Like the reference it reads what
    /// it can without checking the text fits the picture: NaN when nothing can be read.
    static func parse(_ text: String, picture: String) throws(JSONataError) -> Double {
        try IntegerPicture(picture).value(of: text)
    }

    func value(of text: String) throws(JSONataError) -> Double {
        switch numbering {
        case .letters:
            return LetterNumbering.value(of: text, a: letterCase == .upper ? 0x41 : 0x61)
        case .roman:
            return RomanNumerals.value(of: letterCase == .upper ? text : text.uppercased())
        case .words:
            return NumberWords.value(of: text)
        case .decimal(let pattern):
            return pattern.value(of: text, ordinal: ordinal)
        case .unsupported(let token):
            throw JSONataError("D3130", value: .string(token))
        }
    }

    /// A regular expression (JavaScript syntax) for the number as a date/time marker reads it.
    func pattern() throws(JSONataError) -> String {
        switch numbering {
        case .letters:
            return letterCase == .upper ? "[A-Z]+" : "[a-z]+"
        case .roman:
            return letterCase == .upper ? "[MDCLXVI]+" : "[mdclxvi]+"
        case .words:
            return "(?:" + (NumberWords.values.map(\.word) + ["and", "[\\-, ]"]).joined(separator: "|") + ")+"
        case .decimal(let pattern):
            // Only ASCII digits, and no separators: what the reference matches.
            return "[0-9]" + (pattern.parseWidth.map { "{\($0)}" } ?? "+") + (ordinal ? "(?:th|st|nd|rd)" : "")
        case .unsupported(let token):
            throw JSONataError("D3130", value: .string(token))
        }
    }
}

extension DecimalDigitPattern {
    /// The digits of `text` (less an ordinal suffix and the separators) read as `parseInt`
    /// reads them. A regular pattern drops only commas, whatever its separator, as the
    /// reference does.
    func value(of text: String, ordinal: Bool) -> Double {
        var digits = ordinal ? String(decoding: text.utf16.dropLast(2), as: UTF16.self) : text
        switch grouping {
        case .regular:
            digits.removeAll { $0 == "," }
        case .irregular(let separators):
            for separator in separators {
                digits = digits.split(separator: separator.character, omittingEmptySubsequences: false).joined()
            }
        }
        return JSNumber.parseInt(DecimalDigitFamily.shift(digits, from: zero, to: 0x30))
    }
}

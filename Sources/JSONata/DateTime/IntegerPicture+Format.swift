extension IntegerPicture {
    /// `$formatInteger`: `value` rounded down, written to `picture`.
    static func format(_ value: Double, picture: String) throws(JSONataError) -> String {
        try IntegerPicture(picture).format(value.rounded(.down))
    }

    /// A whole number written to the picture, a minus sign before it when negative.
    func format(_ value: Double) throws(JSONataError) -> String {
        let magnitude = abs(value)
        var text: String
        switch numbering {
        case .letters:
            text = try LetterNumbering.text(magnitude, a: letterCase == .upper ? 0x41 : 0x61)
        case .roman:
            text = try RomanNumerals.text(magnitude)
            if letterCase == .upper { text = text.uppercased() }
        case .words:
            guard let words = NumberWords.words(magnitude, ordinal: ordinal) else {
                throw JSONataError("U1001", detail: "Stack overflow: \(JSNumber.string(value)) cannot be written in words")
            }
            text = letterCase == .upper ? words.uppercased() : letterCase == .lower ? words.lowercased() : words
        case .decimal(let pattern):
            text = pattern.format(magnitude, ordinal: ordinal)
        case .unsupported(let token):
            throw JSONataError("D3130", value: .string(token))
        }
        return value < 0 ? "-" + text : text
    }
}

extension DecimalDigitPattern {
    /// `magnitude` padded to the mandatory digits, in the pattern's digit family, grouped, and
    /// with an English ordinal suffix when asked (chosen by the last two characters).
    func format(_ magnitude: Double, ordinal: Bool) -> String {
        var digits = JSNumber.string(magnitude)
        let short = mandatoryDigits - digits.utf16.count
        if short > 0 { digits = String(repeating: "0", count: short) + digits }
        var text = grouping.insert(into: DecimalDigitFamily.shift(digits, from: 0x30, to: zero))
        if ordinal {
            let units = Array(text.utf16)
            let teen = units.count > 1 && units[units.count - 2] == 0x31
            switch teen ? nil : units.last {
            case 0x31: text += "st"
            case 0x32: text += "nd"
            case 0x33: text += "rd"
            default: text += "th"
            }
        }
        return text
    }
}

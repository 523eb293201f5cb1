/// A `$formatNumber` picture string (XPath F&O 3.1 `fn:format-number`), split, checked and
/// analysed once, as jsonata-js 2.2.2 does it, quirks included: the reference is the
/// specification here, since Step Functions runs it.
///
/// `NumberPicture("#,##0.00").format(1234.5)` is `"1,234.50"`. A picture that breaks the
/// rules of F&O §4.7.3 is D3080–D3093; where it breaks several, the code is the last rule
/// broken in the reference's order, as the reference reports it.
struct NumberPicture: Sendable {
    let properties: DecimalFormat
    /// For values >= 0 (and -0).
    let positive: SubPicture
    /// For negative values and NaN: the second sub-picture, or the first one after the minus sign.
    let negative: SubPicture

    /// `$formatNumber(value, picture, options)` in one call.
    static func format(_ value: Double, picture: String, options: [String: String] = [:]) throws(JSONataError) -> String {
        try NumberPicture(picture, options: options).format(value)
    }

    init(_ picture: String, options: [String: String] = [:]) throws(JSONataError) {
        let properties = DecimalFormat(options: options)
        self.properties = properties
        let subPictures = Array(picture.utf16).jsSplit(properties.patternSeparator)
        guard subPictures.count <= 2 else { throw JSONataError("D3080") }
        // Only an empty picture split by an empty separator has no sub-picture; the reference
        // then fails on a missing property. It is as empty a mantissa as a picture can have.
        guard !subPictures.isEmpty else { throw JSONataError("D3085") }
        let parts = subPictures.map { PictureParts($0, properties) }
        for part in parts {
            if let code = part.violation(properties) { throw JSONataError(code) }
        }
        positive = SubPicture(parts[0], properties)
        if parts.count == 2 {
            negative = SubPicture(parts[1], properties)
        } else {
            var copy = positive
            copy.prefix = properties.minusSign + copy.prefix
            negative = copy
        }
    }
}

/// A sub-picture cut into its parts as the reference cuts it (F&O §4.7.4's terms).
struct PictureParts {
    var subpicture: UTF16Text
    var prefix: UTF16Text = []
    var suffix: UTF16Text = []
    var activePart: UTF16Text = []
    var mantissaPart: UTF16Text = []
    /// nil when there is no exponent separator among the active characters.
    var exponentPart: UTF16Text?
    var integerPart: UTF16Text = []
    /// Without a decimal separator the reference takes the suffix here.
    var fractionalPart: UTF16Text = []

    init(_ subpicture: UTF16Text, _ p: DecimalFormat) {
        self.subpicture = subpicture
        let active = p.activeCharacters
        // The exponent separator is active, but neither a prefix nor a suffix ends at one.
        func marks(_ u: UInt16) -> Bool { active.contains([u]) && [u] != p.exponentSeparator }
        if let first = subpicture.firstIndex(where: marks) { prefix = subpicture.jsSubstring(0, first) }
        if let last = subpicture.lastIndex(where: marks) { suffix = subpicture.jsSubstring(last + 1) }
        let activeEnd = subpicture.count - suffix.count
        activePart = subpicture.jsSubstring(prefix.count, activeEnd)
        let exponentAt = subpicture.jsIndex(of: p.exponentSeparator, from: prefix.count)
        if exponentAt == -1 || exponentAt > activeEnd {
            mantissaPart = activePart
        } else {
            // The position is the separator's in the whole sub-picture, but the reference cuts
            // the active part with it, and skips one code unit whatever the separator's length.
            mantissaPart = activePart.jsSubstring(0, exponentAt)
            exponentPart = activePart.jsSubstring(exponentAt + 1)
        }
        let decimalAt = mantissaPart.jsIndex(of: p.decimalSeparator)
        if decimalAt == -1 {
            integerPart = mantissaPart
            fractionalPart = suffix
        } else {
            integerPart = mantissaPart.jsSubstring(0, decimalAt)
            fractionalPart = mantissaPart.jsSubstring(decimalAt + 1)
        }
    }

    /// The error code of the last rule of F&O §4.7.3 this sub-picture breaks, checked in the
    /// reference's order; nil when it keeps them all.
    func violation(_ p: DecimalFormat) -> String? {
        let family = p.digitFamily
        func inFamily(_ u: UInt16) -> Bool { family.contains(u) }
        var code: String?
        let decimalAt = subpicture.jsIndex(of: p.decimalSeparator)
        if decimalAt != subpicture.jsLastIndex(of: p.decimalSeparator) { code = "D3081" }
        if subpicture.jsIndex(of: p.percent) != subpicture.jsLastIndex(of: p.percent) { code = "D3082" }
        if subpicture.jsIndex(of: p.perMille) != subpicture.jsLastIndex(of: p.perMille) { code = "D3083" }
        if subpicture.jsContains(p.percent) && subpicture.jsContains(p.perMille) { code = "D3084" }
        if !mantissaPart.contains(where: { inFamily($0) || [$0] == p.digit }) { code = "D3085" }
        let active = p.activeCharacters
        if activePart.contains(where: { !active.contains([$0]) }) { code = "D3086" }
        if decimalAt != -1 {
            if subpicture.jsCharAt(decimalAt - 1) == p.groupingSeparator
                || subpicture.jsCharAt(decimalAt + 1) == p.groupingSeparator
            {
                code = "D3087"
            }
        } else if integerPart.jsCharAt(integerPart.count - 1) == p.groupingSeparator {
            code = "D3088"
        }
        if subpicture.jsContains(p.groupingSeparator + p.groupingSeparator) { code = "D3089" }
        let firstOptional = integerPart.jsIndex(of: p.digit)
        if firstOptional != -1 && integerPart.jsSubstring(0, firstOptional).contains(where: inFamily) {
            code = "D3090"
        }
        let lastOptional = fractionalPart.jsLastIndex(of: p.digit)
        if lastOptional != -1 && fractionalPart.jsSubstring(lastOptional).contains(where: inFamily) {
            code = "D3091"
        }
        if let exponent = exponentPart {
            if !exponent.isEmpty && (subpicture.jsContains(p.percent) || subpicture.jsContains(p.perMille)) {
                code = "D3092"
            }
            if exponent.isEmpty || exponent.contains(where: { !inFamily($0) }) { code = "D3093" }
        }
        return code
    }
}

extension DecimalFormat {
    /// The characters that make up the active part of a sub-picture (F&O's "active characters").
    var activeCharacters: [UTF16Text] {
        digitFamily.map { [$0] } + [decimalSeparator, exponentSeparator, groupingSeparator, digit, patternSeparator]
    }
}

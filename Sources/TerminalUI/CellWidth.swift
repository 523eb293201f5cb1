// Widths follow Unicode's East Asian Width (Wide and Fullwidth → 2), emoji presentation → 2,
// and zero for marks and format characters, which is what glibc's wcwidth and the common
// terminals do. Documented differences from glibc, checked by a property test:
// - control characters are never drawn raw: they take the width of their escaped form;
// - code points unassigned today inside the CJK blocks count as wide (they will be when assigned).

/// Cells the character takes on a terminal: 0 (marks, format characters), 1, or 2
/// (East Asian wide and emoji); control characters count as their visible escape (`\n` is 2).
public func cellWidth(_ character: Character) -> Int {
    if let ascii = character.asciiValue {
        return ascii >= 0x20 && ascii < 0x7F ? 1 : cellWidth(slow: character)
    }
    return cellWidth(slow: character)
}

private func cellWidth(slow character: Character) -> Int {
    var widest = 0
    var emojiBase = false
    var escaped = 0
    for scalar in character.unicodeScalars {
        if let escape = visibleEscape(scalar) {
            escaped += escape.count
            continue
        }
        if scalar.value == 0xFE0F, emojiBase { widest = 2 }
        let width = scalarCellWidth(scalar)
        if width > widest { widest = width }
        if !emojiBase { emojiBase = scalar.properties.isEmoji }
    }
    return escaped > 0 ? escaped + widest : widest
}

/// Cells the string takes on a terminal, summing `cellWidth` over its characters.
public func cellWidth(_ string: String) -> Int {
    var total = 0
    for character in string { total += cellWidth(character) }
    return total
}

/// Cells one scalar takes, ignoring clusters; control characters count as 0 here
/// (callers escape them first).
public func scalarCellWidth(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v < 0x7F { return v >= 0x20 ? 1 : 0 }
    if v < 0xA0 { return 0 }
    if v == 0xAD { return 1 }  // soft hyphen: terminals show it, glibc agrees
    // Prepended concatenation marks (Arabic number signs) are format characters that show.
    if (0x600...0x605).contains(v) || v == 0x6DD || v == 0x70F || v == 0x890 || v == 0x891 || v == 0x8E2
        || v == 0x110BD || v == 0x110CD { return 1 }
    if isZeroWidth(scalar) { return 0 }
    if isWide(v) || scalar.properties.isEmojiPresentation { return 2 }
    return 1
}

private func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    // Hangul medial vowels and final consonants join the preceding initial into one syllable.
    if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return true }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return true
    default: return false
    }
}

private func isWide(_ v: UInt32) -> Bool {
    if v < 0x1100 { return false }
    // Binary search over sorted, disjoint ranges.
    var low = 0, high = wideRanges.count - 1
    while low <= high {
        let mid = (low + high) / 2
        let range = wideRanges[mid]
        if v < range.lowerBound {
            high = mid - 1
        } else if v > range.upperBound {
            low = mid + 1
        } else {
            return true
        }
    }
    return false
}

/// East Asian Wide and Fullwidth blocks (emoji are found through their presentation property).
private let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F,  // Hangul Jamo initial consonants
    0x2329...0x232A,  // angle brackets
    0x2E80...0x2FDF,  // CJK radicals, Kangxi radicals
    0x2FF0...0x303E,  // ideographic description, CJK symbols and punctuation
    0x3041...0xA4CF,  // kana, Bopomofo, Hangul Jamo, enclosed CJK, CJK ext. A, Yijing, CJK, Yi
    0xA960...0xA97F,  // Hangul Jamo extended A
    0xAC00...0xD7A3,  // Hangul syllables
    0xF900...0xFAFF,  // CJK compatibility ideographs
    0xFE10...0xFE19,  // vertical forms
    0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
    0xFF00...0xFF60,  // fullwidth forms
    0xFFE0...0xFFE6,  // fullwidth signs
    0x16FE0...0x16FE4,  // ideographic symbols
    0x17000...0x18CFF,  // Tangut, Khitan
    0x18D00...0x18D08,  // Tangut supplement
    0x1AFF0...0x1B2FF,  // kana extended, Nushu
    0x1F200...0x1F2FF,  // enclosed ideographic supplement
    0x20000...0x2FFFD,  // CJK extensions B–F
    0x30000...0x3FFFD,  // CJK extensions G–H
]

import StatesJSON
// The terminal layer measures text its own way; this module keeps a private copy so that a
// layout can be computed (and tested) without linking anything that draws.

/// Terminal cells one Unicode scalar takes: 2 for wide/fullwidth and emoji, 0 for marks, else 1.
func cellWidth(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v < 0x300 { return 1 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v) { return 0 }
    for range in wideRanges where range.contains(v) { return 2 }
    return 1
}

/// Terminal cells a character takes: the widest of its scalars, so that an emoji
/// sequence (ZWJ, skin tone, flag) counts once.
func cellWidth(_ character: Character) -> Int {
    var width = 0
    for scalar in character.unicodeScalars { width = max(width, cellWidth(scalar)) }
    return width
}

/// Terminal cells a string takes.
func cellWidth(_ text: String) -> Int {
    var width = 0
    for character in text { width += cellWidth(character) }
    return width
}

/// The text cut to at most `limit` cells, ending in `…` when something was cut.
func truncated(_ text: String, toCells limit: Int) -> String {
    guard cellWidth(text) > limit else { return text }
    guard limit > 0 else { return "" }
    var result = ""
    var used = 0
    for character in text {
        let w = cellWidth(character)
        if used + w > limit - 1 { break }
        result.append(character)
        used += w
    }
    return result + "…"
}

/// The text with control characters shown as escapes, because a state name is data from a
/// file and must never reach the terminal as a raw escape sequence.
func sanitized(_ text: String) -> String {
    TerminalText.safe(text)
}

// East Asian Wide/Fullwidth blocks and the emoji blocks terminals draw two cells wide.
private let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
    0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F,
    0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
    0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5,
    0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
    0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
    0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
    0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
    0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
    0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x18CFF, 0x1B000...0x1B2FF, 0x1F004...0x1F004,
    0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F1E6...0x1F1FF,
    0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251,
    0x1F260...0x1F265, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB,
    0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
]

/// The escaped text shown instead of a control character (`\n`, `\t`, `\u001b`), or nil when
/// the scalar is safe to send to a terminal. Escape sequences in state data would otherwise
/// move the cursor or change colours, so every path to the screen goes through this.
public func visibleEscape(_ scalar: Unicode.Scalar) -> String? {
    let v = scalar.value
    // C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
    guard v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 else { return nil }
    switch v {
    case 0x0A: return "\\n"
    case 0x09: return "\\t"
    case 0x0D: return "\\r"
    default:
        let hex = String(v, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

/// The string with every control character replaced by its visible escape.
public func sanitizedForDisplay(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { visibleEscape($0) != nil }) else { return text }
    var result = ""
    result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
        if let escape = visibleEscape(scalar) {
            result += escape
        } else {
            result.unicodeScalars.append(scalar)
        }
    }
    return result
}

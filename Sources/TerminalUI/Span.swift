/// A piece of text in one style; a line of mixed styles is an array of spans.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// Cuts text to at most `width` cells, ending with `…` when something was cut.
/// Control characters count as their visible escapes, as `Screen.put` draws them.
public func truncated(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
    guard width > 0 else { return "" }
    let safe = sanitizedForDisplay(text)
    if cellWidth(safe) <= width { return safe }
    let budget = width - cellWidth(ellipsis)
    guard budget >= 0 else { return "" }
    var result = ""
    var used = 0
    for character in safe {
        let w = cellWidth(character)
        if used + w > budget { break }
        result.append(character)
        used += w
    }
    return result + ellipsis
}

/// Pads text with spaces on the right to exactly `width` cells, truncating if longer.
public func padded(_ text: String, toWidth width: Int) -> String {
    let cut = truncated(text, toWidth: width)
    return cut + String(repeating: " ", count: max(0, width - cellWidth(cut)))
}

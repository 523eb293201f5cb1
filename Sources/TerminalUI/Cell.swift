/// One terminal cell: a grapheme and its style. A wide grapheme fills its cell and the next
/// one, which is then a continuation (empty text) that terminals must not draw over.
public struct Cell: Hashable, Sendable {
    /// The grapheme shown, "" for the right half of a wide grapheme.
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// A space in the default style.
    public static let blank = Cell(" ")

    /// The right half of a wide grapheme.
    public static func continuation(_ style: Style) -> Cell { Cell("", style: style) }

    public var isContinuation: Bool { text.isEmpty }

    /// Cells this one's grapheme covers (1 or 2; 0 for a continuation).
    public var width: Int {
        guard let first = text.first else { return 0 }
        return max(1, cellWidth(first))
    }
}

/// The scalars a terminal can safely draw for a grapheme in one cell: the first visible scalar
/// and the combining marks after it. Joined sequences (👩‍💻, flags) keep only their first emoji and
/// variation selectors are dropped, because terminals disagree on how wide those sequences are
/// and a wrong guess shifts the rest of the row.
public func drawableScalars(_ grapheme: String, maxCombining: Int = 4) -> [Unicode.Scalar] {
    var result: [Unicode.Scalar] = []
    for scalar in grapheme.unicodeScalars {
        let width = scalarCellWidth(scalar)
        if result.isEmpty {
            if width > 0 { result.append(scalar) }
            continue
        }
        if width > 0 { break }
        let v = scalar.value
        if v == 0x200D || (0xFE00...0xFE0F).contains(v) { continue }
        if result.count <= maxCombining { result.append(scalar) }
    }
    return result.isEmpty ? [" "] : result
}

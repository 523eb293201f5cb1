/// A single line of editable text with a cursor, as used in dialogs (search, inject error).
public struct TextInput: Hashable, Sendable {
    public private(set) var text: String
    /// The cursor position, in characters from the start (0...text.count).
    public private(set) var cursor: Int
    /// The first character shown when the text is wider than the field.
    public private(set) var scroll = 0

    public init(_ text: String = "") {
        self.text = text
        self.cursor = text.count
    }

    /// Edits the text for a key press; returns whether the key was an editing key.
    /// Control characters are never inserted, so pasted escape codes cannot end up in the text.
    public mutating func handle(_ key: Key) -> Bool {
        var characters = Array(text)
        switch key {
        case .char(let c):
            guard !c.unicodeScalars.contains(where: { visibleEscape($0) != nil }) else { return false }
            characters.insert(c, at: cursor)
            cursor += 1
        case .backspace, .ctrl("h"):
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .ctrl("d"):
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = characters.count
        case .ctrl("k"): characters.removeSubrange(cursor...)
        case .ctrl("u"):
            characters.removeSubrange(..<cursor)
            cursor = 0
        case .ctrl("w"):
            // Deletes the word before the cursor and the spaces after it.
            var start = cursor
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        default:
            return false
        }
        text = String(characters)
        return true
    }

    /// Replaces the text and puts the cursor at its end.
    public mutating func setText(_ newText: String) {
        text = newText
        cursor = newText.count
        scroll = 0
    }

    /// Draws the field on one row of `rect`, scrolled so the cursor shows; the cursor is a
    /// reverse-video cell (the real terminal cursor stays hidden).
    public mutating func render(in rect: Rect, on screen: inout Screen, style: Style = .underline, focused: Bool = true) {
        let line = rect.row(0).intersection(screen.bounds)
        guard line.width > 0 else { return }
        let characters = Array(text)
        scroll = min(scroll, cursor)
        // Move the window right until the cursor cell fits.
        while scroll < cursor, cellWidth(String(characters[scroll..<cursor])) + 1 > line.width { scroll += 1 }
        screen.fill(line, with: Cell(" ", style: style))
        var x = line.x
        for index in scroll...characters.count {
            let isCursor = focused && index == cursor
            let character: Character = index < characters.count ? characters[index] : " "
            let cellStyle = isCursor ? style.with(.reverse) : style
            if x + cellWidth(character) > line.maxX { break }
            x = screen.put(String(character), at: Point(x: x, y: line.y), style: cellStyle, clip: line)
        }
    }
}

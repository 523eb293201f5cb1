/// Breaks text into rows of at most `width` cells, at spaces where it can (a run of spaces counts as one) and inside a word
/// only when the word alone is wider than a row. Newlines start a new row; control characters
/// count as their visible escapes, as `Screen.put` draws them. Never returns no rows.
public func wrapped(_ text: String, toWidth width: Int) -> [String] {
    guard width > 0 else { return [""] }
    var rows: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
        var row = ""
        var rowWidth = 0
        for word in sanitizedForDisplay(String(paragraph)).split(separator: " ") {
            var piece = String(word)
            var pieceWidth = cellWidth(piece)
            if rowWidth > 0 && rowWidth + 1 + pieceWidth <= width {
                row += " " + piece
                rowWidth += 1 + pieceWidth
                continue
            }
            if rowWidth > 0 {
                rows.append(row)
                row = ""
                rowWidth = 0
            }
            // A word wider than a row is cut into row-sized pieces.
            while pieceWidth > width {
                var head = ""
                var used = 0
                var rest = Substring(piece)
                while let first = rest.first, used + cellWidth(first) <= width {
                    head.append(first)
                    used += cellWidth(first)
                    rest = rest.dropFirst()
                }
                if head.isEmpty, let first = rest.first {
                    // A two-cell character in a one-cell row: it goes alone.
                    head.append(first)
                    rest = rest.dropFirst()
                }
                rows.append(head)
                piece = String(rest)
                pieceWidth = cellWidth(piece)
            }
            row = piece
            rowWidth = pieceWidth
        }
        rows.append(row)
    }
    return rows
}

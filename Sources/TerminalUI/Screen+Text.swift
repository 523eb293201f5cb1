extension Screen {
    /// Each row as plain text, wide characters once (their continuation cell adds nothing),
    /// so a row of an 80-column screen reads as 80 cells of text.
    public func rows() -> [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width { line += self[x, y].text }
            return line
        }
    }

    /// The rows with trailing spaces removed, for compact expectations in tests.
    public func trimmedRows() -> [String] {
        rows().map { row in String(row.reversed().drop(while: { $0 == " " }).reversed()) }
    }

    /// The non-plain style runs, one line per row that has any: `row: from-to style, …` with
    /// inclusive cell columns, e.g. `3: 0-6 bold fg=6, 10-12 reverse`.
    public func styleRuns() -> String {
        var lines: [String] = []
        for y in 0..<height {
            var runs: [String] = []
            var start = 0
            for x in 1...width {
                let ended = x == width || self[x, y].style != self[start, y].style
                guard ended else { continue }
                let style = self[start, y].style
                if style != .plain { runs.append("\(start)-\(x - 1) \(style)") }
                start = x
            }
            if !runs.isEmpty { lines.append("\(y): " + runs.joined(separator: ", ")) }
        }
        return lines.joined(separator: "\n")
    }

    /// Rows framed by `|` (so trailing spaces show) followed by the style runs: the text that
    /// screen snapshots store.
    public func snapshotText() -> String {
        var text = "size \(size)\n"
        for row in rows() { text += "|" + row + "|\n" }
        let runs = styleRuns()
        text += "styles:\n"
        if !runs.isEmpty { text += runs + "\n" }
        return text
    }
}

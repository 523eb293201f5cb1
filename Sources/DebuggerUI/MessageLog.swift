/// Every message the status line has shown, newest last, so a long one can be read whole
/// (`m`) after the status line moved on or had to cut it.
struct MessageLog: Sendable {
    struct Entry: Sendable, Hashable {
        var text: String
        var isError: Bool
        /// The history position the session was at when it was said.
        var event: Int
    }

    private(set) var entries: [Entry] = []
    static let capacity = 200

    /// Adds a message, unless it repeats the last one (moving a selection says the same thing often).
    mutating func append(_ text: String, isError: Bool, event: Int) {
        let entry = Entry(text: text, isError: isError, event: event)
        guard entries.last != entry else { return }
        entries.append(entry)
        if entries.count > Self.capacity { entries.removeFirst(entries.count - Self.capacity) }
    }

    /// The log as rows `width` cells wide, oldest first; each message's continuation rows are indented.
    func rows(width: Int) -> [[Span]] {
        var rows: [[Span]] = []
        for entry in entries {
            let prefix = "event \(entry.event)  "
            let indent = cellWidth(prefix)
            let style: Style = entry.isError ? Style(foreground: .red, attributes: .bold) : .plain
            for (i, line) in wrapped(entry.text, toWidth: max(1, width - indent)).enumerated() {
                rows.append([Span(i == 0 ? prefix : String(repeating: " ", count: indent), style: .dim), Span(line, style: style)])
            }
        }
        return rows
    }
}

extension JSONTreeView {
    /// What a piece of a row is, which decides its colour.
    enum Role {
        case key, string, number, literal, punctuation, note
    }

    /// The style of a piece of a row; a changed row takes its change's colour throughout so the
    /// whole line reads as added, changed or removed, and notes stay dim either way.
    static func style(_ role: Role, change: JSONChange.Kind?) -> Style {
        if role == .note { return .dim }
        if let change { return .fg(color(of: change)) }
        switch role {
        case .key: return .fg(.cyan)
        case .string: return .fg(.green)
        case .number: return .fg(.magenta)
        case .literal: return .fg(.yellow)
        case .punctuation, .note: return .plain
        }
    }

    static func color(of change: JSONChange.Kind) -> Color {
        switch change {
        case .added: return .green
        case .changed: return .yellow
        case .removed: return .red
        }
    }

    /// The one-cell gutter that says what changed without relying on colour.
    static func gutter(_ change: JSONChange.Kind?, containsChange: Bool) -> Span {
        switch change {
        case .added: return Span("+", style: Style.fg(.green).with(.bold))
        case .changed: return Span("~", style: Style.fg(.yellow).with(.bold))
        case .removed: return Span("-", style: Style.fg(.red).with(.bold))
        case nil: return containsChange ? Span("~", style: .dim) : Span(" ")
        }
    }

    /// A scalar's JSON text and role; empty containers are scalars here, as they fit one row.
    static func scalar(_ value: JSON, scratch: inout [UInt8]) -> (text: String, role: Role) {
        switch value {
        case .null: return ("null", .literal)
        case .bool(let b): return (b ? "true" : "false", .literal)
        case .number(let n):
            scratch.removeAll(keepingCapacity: true)
            JSONPrinter.writeNumber(n, into: &scratch)
            return (String(decoding: scratch, as: UTF8.self), .number)
        case .string(let s): return (quoted(s, scratch: &scratch), .string)
        case .array: return ("[]", .punctuation)
        case .object: return ("{}", .punctuation)
        }
    }

    /// A string as a JSON literal that is safe to draw.
    ///
    /// The printer escapes what JSON requires (quotes, backslashes, C0 controls); JSON lets DEL,
    /// the C1 controls and the line/paragraph separators through raw, yet a terminal acts on
    /// them (and bidirectional controls reorder what is shown), so they are escaped as well, as `\u` escapes that read back to the same string.
    static func quoted(_ string: String, scratch: inout [UInt8]) -> String {
        scratch.removeAll(keepingCapacity: true)
        JSONPrinter.writeString(string, into: &scratch)
        // Every such character starts with one of these bytes in UTF-8; most text has none.
        guard scratch.contains(where: { $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 }) else {
            return String(decoding: scratch, as: UTF8.self)
        }
        var text = ""
        for scalar in String(decoding: scratch, as: UTF8.self).unicodeScalars {
            if TerminalText.isUnsafe(scalar) {
                text += TerminalText.escape(scalar)
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    /// The brackets and member count a folded container shows: `{ … }` and `3 keys`.
    static func summary(of value: JSON) -> (brackets: String, count: String) {
        switch value {
        case .object(let o): return ("{ … }", o.count == 1 ? "1 key" : "\(o.count) keys")
        case .array(let a): return ("[ … ]", a.count == 1 ? "1 item" : "\(a.count) items")
        default: return ("", "")
        }
    }

    /// The short form of a replaced value, shown dimmed after the new one: long text is cut,
    /// containers are summarised, so the note stays on the row.
    static func preview(of old: JSON, scratch: inout [UInt8]) -> String {
        switch old {
        case .object(let o) where !o.isEmpty: break
        case .array(let a) where !a.isEmpty: break
        default: return truncated(scalar(old, scratch: &scratch).text, toWidth: previewWidth)
        }
        let folded = summary(of: old)
        return folded.brackets + " " + folded.count
    }

    /// Cells an old value may take in a `(was …)` note.
    static let previewWidth = 40
}

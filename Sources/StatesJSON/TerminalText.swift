/// Text from a definition, an input, a mock configuration or a history, made safe to write to a
/// terminal. Every path from such text to a terminal (command output, messages, the trace, the
/// debugger's screen) goes through here, so that nothing in a user's file can move the cursor,
/// clear the screen, set the window title, reach the clipboard or reorder what is shown.
///
/// Unsafe scalars are written as JSON-style escapes (`\u001b`), which keeps JSON text valid JSON:
/// the scalars escaped here can only occur inside a JSON string, where the escape means the same.
public enum TerminalText {
    /// Whether a scalar must never reach a terminal as it is: C0 controls (line breaks and tabs
    /// included: callers that lay out lines keep them, see `safe`), DEL, C1 controls (U+0080–U+009F,
    /// U+009B alone starts a CSI on many terminals), the line and paragraph separators, and the
    /// bidirectional formatting characters that make text display in another order than it reads.
    @inlinable
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || v == 0x7F { return true }
        if v < 0x80 { return false }
        return v <= 0x9F || isBidiControl(v) || v == 0x2028 || v == 0x2029
    }

    /// The bidirectional embeddings, overrides and isolates, and the marks (U+061C, U+200E, U+200F).
    @usableFromInline
    static func isBidiControl(_ v: UInt32) -> Bool {
        (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
    }

    /// The escape shown for an unsafe scalar: `\n`, `\t`, `\r`, or `\u` and four hex digits
    /// (upper case, as the JSON printer writes them).
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x0A: return "\\n"
        case 0x09: return "\\t"
        case 0x0D: return "\\r"
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
    }

    /// `text` with every unsafe scalar escaped. With `keepingLines`, line feeds and tabs stay as
    /// they are (for whole messages and documents written line by line); without, they are
    /// escaped too (for a name or a value shown inside one line).
    public static func safe(_ text: String, keepingLines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0) && !(keepingLines && isLayout($0)) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) && !(keepingLines && isLayout(scalar)) {
                result.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func isLayout(_ scalar: Unicode.Scalar) -> Bool { scalar == "\n" || scalar == "\t" }

    /// How long one line of a message may be before `shortened` cuts it.
    public static let longestLine = 2_000

    /// `text` (safe already, or about to be made so) with each line longer than `limit` characters
    /// cut in the middle: its start (where and what) and its end (what to do) stay, and the cut
    /// says how much is missing. An echoed megabyte of a state name or a number makes a message
    /// no one can read, and can take a terminal seconds to draw.
    public static func shortened(_ text: String, limit: Int = longestLine) -> String {
        guard text.utf8.count > limit else { return text }
        var lines: [Substring] = []
        var changed = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let count = line.count
            guard count > limit else { lines.append(line); continue }
            let keep = max(1, (limit - 40) / 2)
            let cut = count - 2 * keep
            lines.append(line.prefix(keep) + "…(\(cut) characters cut)…" + line.suffix(keep))
            changed = true
        }
        return changed ? lines.joined(separator: "\n") : text
    }

    /// A message for people: unsafe scalars escaped (line breaks kept) and overlong lines cut.
    public static func message(_ text: String) -> String {
        shortened(safe(text, keepingLines: true))
    }
}

import StatesJSON

/// A tiny ANSI styler: colours for a terminal, plain text when piped or with NO_COLOR.
public struct TextStyle: Sendable {
    public var enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    /// Plain text, for goldens, pipes and NO_COLOR.
    public static let plain = TextStyle(enabled: false)

    func wrap(_ text: String, _ code: String) -> String {
        enabled && !text.isEmpty ? "\u{1B}[" + code + "m" + text + "\u{1B}[0m" : text
    }

    func bold(_ s: String) -> String { wrap(s, "1") }
    func dim(_ s: String) -> String { wrap(s, "2") }
    func red(_ s: String) -> String { wrap(s, "31") }
    func green(_ s: String) -> String { wrap(s, "32") }
    func yellow(_ s: String) -> String { wrap(s, "33") }
    func cyan(_ s: String) -> String { wrap(s, "36") }
    func magenta(_ s: String) -> String { wrap(s, "35") }

    /// Text from state data or the definition with control characters shown escaped, so nothing
    /// in a payload can drive the terminal.
    static func visible(_ text: String) -> String {
        TerminalText.safe(text)
    }
}

/// A key the user pressed.
public enum Key: Hashable, Sendable {
    /// A printable character (the space bar is `" "`).
    case char(Character)
    /// A control chord, `ctrl("c")` for Ctrl-C; the letter is lowercase.
    case ctrl(Character)
    case enter, escape, backspace, delete, insert, tab
    /// Shift-Tab.
    case backTab
    case up, down, left, right
    case pageUp, pageDown, home, end
    /// F1 is `function(1)`.
    case function(Int)

    /// Ctrl-C: the terminal delivers it as an interrupt, the app sees it as this key.
    public static let ctrlC = Key.ctrl("c")
}

/// What a mouse did, at a cell of the screen.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// The main button went down.
        case click
        case wheelUp
        case wheelDown
    }

    public var kind: Kind
    public var position: Point

    public init(_ kind: Kind, at position: Point) {
        self.kind = kind
        self.position = position
    }
}

/// Input from a terminal.
public enum Event: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal now has this size; the next frame must be drawn at it.
    case resize(Size)
    /// The process was asked to stop (SIGTERM or SIGHUP): restore the terminal and exit.
    case terminate

    /// A printable character key.
    public static func char(_ c: Character) -> Event { .key(.char(c)) }
}

extension Key: CustomStringConvertible {
    /// How help screens and status lines name the key, e.g. `Ctrl-C`, `PgDn`, `F5`.
    public var description: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .function(let n): return "F\(n)"
        }
    }
}

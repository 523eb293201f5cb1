/// A terminal colour: the terminal's own default, or an index into the 256-colour palette
/// (0–7 the standard colours, 8–15 their bright forms, 16–255 the xterm cube and greys).
public enum Color: Hashable, Sendable {
    case `default`
    case palette(UInt8)

    public static let black = Color.palette(0)
    public static let red = Color.palette(1)
    public static let green = Color.palette(2)
    public static let yellow = Color.palette(3)
    public static let blue = Color.palette(4)
    public static let magenta = Color.palette(5)
    public static let cyan = Color.palette(6)
    public static let white = Color.palette(7)
    public static let brightBlack = Color.palette(8)
    public static let brightRed = Color.palette(9)
    public static let brightGreen = Color.palette(10)
    public static let brightYellow = Color.palette(11)
    public static let brightBlue = Color.palette(12)
    public static let brightMagenta = Color.palette(13)
    public static let brightCyan = Color.palette(14)
    public static let brightWhite = Color.palette(15)

    /// The closest colour a terminal with `mode` can show.
    public func degraded(to mode: ColorMode) -> Color {
        guard case .palette(let index) = self else { return self }
        switch mode {
        case .monochrome: return .default
        case .indexed256: return self
        case .basic16: return index < 16 ? self : .palette(Self.nearestBasic(index))
        case .basic8:
            let basic = index < 16 ? index : Self.nearestBasic(index)
            return .palette(basic & 7)
        }
    }

    /// Maps a cube or grey index onto the 16 standard colours by its channels.
    static func nearestBasic(_ index: UInt8) -> UInt8 {
        let (r, g, b): (Int, Int, Int)
        if index >= 232 {
            let level = (Int(index) - 232) * 10 + 8
            (r, g, b) = (level, level, level)
        } else {
            let cube = Int(index) - 16
            let steps = [0, 95, 135, 175, 215, 255]
            (r, g, b) = (steps[cube / 36], steps[(cube / 6) % 6], steps[cube % 6])
        }
        let brightest = max(r, g, b)
        if brightest < 60 { return 0 }
        // A channel counts when it is near the brightest one; that gives the hue.
        let bits = (r * 2 > brightest ? 1 : 0) | (g * 2 > brightest ? 2 : 0) | (b * 2 > brightest ? 4 : 0)
        let bright = brightest > 200 || (bits == 7 && brightest > 150)
        if bits == 7 && !bright && brightest < 140 { return 8 }
        return UInt8(bits) + (bright ? 8 : 0)
    }
}

/// What a terminal can show, decided once at startup.
public enum ColorMode: Hashable, Sendable {
    /// No colour: NO_COLOR is set, or the terminal has none. Meaning is carried by attributes.
    case monochrome
    case basic8
    case basic16
    case indexed256
}

/// Text attributes that combine freely.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let italic = TextAttributes(rawValue: 1 << 2)
    public static let underline = TextAttributes(rawValue: 1 << 3)
    public static let reverse = TextAttributes(rawValue: 1 << 4)
}

/// Foreground, background and attributes of one cell.
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var attributes: TextAttributes

    public init(foreground: Color = .default, background: Color = .default, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's default look.
    public static let plain = Style()

    /// A copy with the foreground replaced.
    public func fg(_ color: Color) -> Style { var s = self; s.foreground = color; return s }
    /// A copy with the background replaced.
    public func bg(_ color: Color) -> Style { var s = self; s.background = color; return s }
    /// A copy with `attributes` added.
    public func with(_ attributes: TextAttributes) -> Style {
        var s = self
        s.attributes.formUnion(attributes)
        return s
    }

    public static func fg(_ color: Color) -> Style { Style(foreground: color) }
    public static let bold = Style(attributes: .bold)
    public static let dim = Style(attributes: .dim)
    public static let underline = Style(attributes: .underline)
    public static let reverse = Style(attributes: .reverse)

    /// The style as a terminal with `mode` should show it.
    ///
    /// Without colour, what a colour meant survives as an attribute: a coloured background
    /// (selection, highlight) becomes reverse video, a coloured foreground (an error in red,
    /// a focused border) becomes bold, and grey text becomes dim.
    public func degraded(to mode: ColorMode) -> Style {
        guard mode == .monochrome else {
            return Style(foreground: foreground.degraded(to: mode), background: background.degraded(to: mode),
                         attributes: attributes)
        }
        var attrs = attributes
        if background != .default { attrs.insert(.reverse) }
        switch foreground {
        case .default: break
        case .palette(let i) where i == 8 || (i >= 232 && i < 248): attrs.insert(.dim)
        case .palette(0), .palette(7), .palette(15): break
        case .palette: if background == .default { attrs.insert(.bold) }
        }
        return Style(attributes: attrs)
    }
}

extension Style: CustomStringConvertible {
    /// Compact text used in style-run snapshots, e.g. `bold fg=1 bg=236`; `plain` when default.
    public var description: String {
        var parts: [String] = []
        let names: [(TextAttributes, String)] = [
            (.bold, "bold"), (.dim, "dim"), (.italic, "italic"), (.underline, "underline"), (.reverse, "reverse"),
        ]
        for (attr, name) in names where attributes.contains(attr) { parts.append(name) }
        if case .palette(let i) = foreground { parts.append("fg=\(i)") }
        if case .palette(let i) = background { parts.append("bg=\(i)") }
        return parts.isEmpty ? "plain" : parts.joined(separator: " ")
    }
}

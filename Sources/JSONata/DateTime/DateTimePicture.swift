/// An analysed date/time picture, XPath's `fn:format-dateTime` pictures as jsonata-js reads
/// them: literal text and variable markers such as `[Y0001]`, `[MNn,3-3]`, `[D1o]`,
/// `[Z01:01t]`. `[[` and `]]` stand for literal brackets; white space inside a marker is
/// ignored.
struct DateTimePicture {
    enum Part {
        case literal(String)
        case marker(Marker)
    }

    struct Marker {
        /// The component specifier: `Y`, `M`, `D`, `d`, `F`, `W`, `w`, `X`, `x`, `H`, `h`, `P`,
        /// `m`, `s`, `f`, `Z`, `z`, `C`, `E` (any other letter with a presentation is kept and
        /// formats as `undefined`, as in the reference).
        var component: Character
        /// The first presentation modifier (`01`, `Nn`, `w`, `I`, ...).
        var presentation: String
        /// The second presentation modifier: `o` (ordinal), `c` (cardinal), `t` (`Z` for a
        /// zero offset) or `a`.
        var modifier: Character?
        /// The width modifier's minimum and maximum, nil for `*` or absent; NaN where the
        /// reference's `parseInt` found no number.
        var minWidth: Double?
        var maxWidth: Double?
        /// How names are cased (`n`, `N`, `Nn`), nil for a numeric presentation.
        var names: IntegerPicture.LetterCase?
        /// How the number is written, for the numeric components and the time zone.
        var integer: IntegerPicture?
        /// How many trailing digits of the year are shown; nil for all.
        var yearDigits: Double?
    }

    var parts: [Part] = []

    private static let defaultPresentations: [Character: String] = [
        "Y": "1", "M": "1", "D": "1", "d": "1", "F": "n", "W": "1", "w": "1", "X": "1", "x": "1", "H": "1", "h": "1",
        "P": "n", "m": "01", "s": "01", "f": "1", "Z": "01:01", "z": "01:01", "C": "n", "E": "n",
    ]
    private static let numericComponents: Set<Character> = ["Y", "M", "D", "d", "F", "W", "w", "X", "x", "H", "h", "m", "s", "f"]
    /// The widest width modifier accepted: wider ones would only build enormous padding.
    static let widthLimit = 10_000.0

    /// `$fromMillis`'s picture when none is given.
    static let iso8601: DateTimePicture = {
        // A fixed picture of this module, which analyses.
        try! DateTimePicture("[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z01:01t]")
    }()

    /// Analyses `picture`: D3135 for a marker without its `]`, D3132 for an unknown component,
    /// D3131 for digits of two families.
    init(_ picture: String) throws(JSONataError) {
        let units = Array(picture.utf16)
        var literal: [UInt16] = []
        func flush(_ parts: inout [Part]) {
            guard !literal.isEmpty else { return }
            let text = String(decoding: literal, as: UTF16.self)
            parts.append(.literal(text.replacing("]]", with: "]")))
            literal = []
        }
        var i = 0
        while i < units.count {
            guard units[i] == 0x5B else {  // [
                literal.append(units[i])
                i += 1
                continue
            }
            if i + 1 < units.count && units[i + 1] == 0x5B {
                flush(&parts)
                parts.append(.literal("["))
                i += 2
                continue
            }
            flush(&parts)
            guard let close = units[(i + 1)...].firstIndex(of: 0x5D) else { throw JSONataError("D3135") }
            var marker = String(decoding: units[(i + 1)..<close], as: UTF16.self)
            marker.removeAll { $0.unicodeScalars.allSatisfy(JSNumber.isWhiteSpace) }
            try add(marker)
            i = close + 1
        }
        flush(&parts)
    }

    private mutating func add(_ text: String) throws(JSONataError) {
        let component = text.first ?? " "
        var marker = Marker(component: component, presentation: "")
        var presentation = text.dropFirst()
        if let comma = text.lastIndex(of: ",") {
            // `[,I]`: the comma may be the first character, where the component should be.
            let afterComponent = text.index(after: text.startIndex)
            presentation = comma >= afterComponent ? text[afterComponent..<comma] : ""
            let width = text[text.index(after: comma)...]
            if let dash = width.firstIndex(of: "-") {
                marker.minWidth = try Self.width(width[..<dash])
                marker.maxWidth = try Self.width(width[width.index(after: dash)...])
            } else {
                marker.minWidth = try Self.width(width)
            }
        }
        if presentation.utf16.count > 1, let last = presentation.last, "atco".contains(last) {
            marker.modifier = last
            presentation = presentation.dropLast()
        }
        if presentation.isEmpty && marker.modifier == nil {
            guard let preset = Self.defaultPresentations[component], !text.isEmpty else {
                throw JSONataError("D3132", value: .string(text.isEmpty ? "" : String(component)))
            }
            presentation = preset[...]
        }
        marker.presentation = String(presentation)
        if presentation.hasPrefix("n") {
            marker.names = .lower
        } else if presentation.hasPrefix("N") {
            marker.names = presentation.dropFirst().hasPrefix("n") ? .title : .upper
        } else if Self.numericComponents.contains(component) {
            var integer = try IntegerPicture(marker.presentation + (marker.modifier.map { ";" + String($0) } ?? ""))
            if var digits = integer.decimal {
                if let min = marker.minWidth, Double(digits.mandatoryDigits) < min { digits.mandatoryDigits = Int(min) }
                integer.decimal = digits
            }
            if component == "Y" {
                if let max = marker.maxWidth {
                    marker.yearDigits = max
                    if var digits = integer.decimal {
                        digits.mandatoryDigits = max.isNaN ? 0 : Int(max)
                        integer.decimal = digits
                    }
                } else if let digits = integer.decimal, digits.mandatoryDigits + digits.optionalDigits >= 2 {
                    marker.yearDigits = Double(digits.mandatoryDigits + digits.optionalDigits)
                }
            }
            marker.integer = integer
            // Two numbers with nothing between them can only be told apart by width.
            if case .marker(var previous)? = parts.last, var digits = previous.integer?.decimal {
                digits.parseWidth = digits.mandatoryDigits
                previous.integer?.decimal = digits
                parts[parts.count - 1] = .marker(previous)
            }
        }
        if component == "Z" || component == "z" {
            marker.integer = try IntegerPicture(marker.presentation)
        }
        parts.append(.marker(marker))
    }

    /// A width (`*` for none), read as `parseInt` reads it.
    private static func width(_ text: Substring) throws(JSONataError) -> Double? {
        guard text != "*" else { return nil }
        let n = JSNumber.parseInt(text)
        guard !(n > widthLimit) else {
            throw JSONataError("U1001", detail: "The width \(text) in the date/time picture is larger than the limit of \(JSNumber.string(widthLimit)); use a smaller width")
        }
        return n
    }
}

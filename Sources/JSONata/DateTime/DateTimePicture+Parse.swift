extension DateTimePicture {
    /// `$toMillis`: the instant `text` writes in `picture` (ISO 8601 without one). Parts of the
    /// date and time more significant than those given come from `now`, less significant ones
    /// are their first value (midnight, the first of the month); nil when the text does not fit
    /// the picture or the picture has no marker. `firstMatch` runs a regular expression within
    /// the evaluation's budget.
    static func parse(_ text: String, picture: String?, now: Double,
                      firstMatch: (ECMARegex, [UInt16]) throws(JSONataError) -> MatchHit?) throws(JSONataError) -> Double?
    {
        guard let picture else { return try ISO8601.millis(text) }
        return try DateTimePicture(picture).millis(parsing: text, now: now, firstMatch: firstMatch)
    }

    /// How one part of the picture is found in the text and what it is worth.
    private struct Reader {
        var component: Character?
        var pattern: String
        var read: (String) -> Double? = { _ in nil }
    }

    func millis(parsing text: String, now: Double,
                firstMatch: (ECMARegex, [UInt16]) throws(JSONataError) -> MatchHit?) throws(JSONataError) -> Double?
    {
        var readers: [Reader] = []
        for part in parts {
            switch part {
            case .literal(let literal): readers.append(Reader(pattern: Self.escaped(literal)))
            case .marker(let marker): readers.append(try Self.reader(for: marker))
            }
        }
        let source = "^" + readers.map { "(" + $0.pattern + ")" }.joined() + "$"
        let regex: ECMARegex
        do {
            regex = try ECMARegex(pattern: source, ignoreCase: true)
        } catch {
            // Only a time zone separator such as `(` can break the pattern; the reference fails
            // there too, with JavaScript's own error.
            throw JSONataError("U1001", detail: "The time zone separator in the date/time picture cannot be used to read a timestamp (\(error.message)); use a separator such as ':'")
        }
        guard let hit = try firstMatch(regex, Array(text.utf16)) else { return nil }
        var components = ParsedDateTime()
        for (reader, group) in zip(readers, hit.groups) {
            guard let component = reader.component, case .string(let found) = group else { continue }
            components.values[component] = .some(reader.read(found))
        }
        guard !components.values.isEmpty else { return nil }
        return try components.millis(now: now)
    }

    private static func reader(for marker: Marker) throws(JSONataError) -> Reader {
        let component = marker.component
        switch component {
        case "Z", "z":
            var separator: String?
            if case .decimal(let digits)? = marker.integer?.numbering, case .regular(_, let character) = digits.grouping {
                separator = character
            }
            let gmt = component == "z"
            // The separator goes into the pattern as it is, as the reference puts it (so `.`
            // matches any character there).
            let pattern = (gmt ? "GMT" : "") + "[-+][0-9]+" + (separator.map { $0 + "[0-9]+" } ?? "")
            return Reader(component: component, pattern: pattern) { text in
                TimeZoneOffset(parsing: gmt ? String(decoding: text.utf16.dropFirst(3), as: UTF16.self) : text,
                               separator: separator).totalMinutes
            }
        case "f":
            // Only the first three digits count: milliseconds.
            return Reader(component: component, pattern: "[0-9]+") { text in
                (Double("0." + text.prefix(3)) ?? .nan) * 1000
            }
        default:
            break
        }
        if let integer = marker.integer {
            return Reader(component: component, pattern: try integer.pattern()) { text in try? integer.value(of: text) }
        }
        var names: [String: Double] = [:]
        func add(_ table: [String], first: Double) {
            for (i, name) in table.enumerated() {
                let key = marker.maxWidth.map { $0 >= 1 ? String(name.prefix(Int($0))) : "" } ?? name
                names[key] = first + Double(i)
            }
        }
        switch component {
        case "M", "x": add(monthNames, first: 1)
        case "F": add(dayNames, first: 1)
        case "P": names = ["am": 0, "AM": 0, "pm": 1, "PM": 1]
        default: throw JSONataError("D3133", value: .string(String(component)))
        }
        return Reader(component: component, pattern: "[a-zA-Z]+") { names[$0] }
    }

    /// `text` with the characters a regular expression gives a meaning to escaped.
    private static func escaped(_ text: String) -> String {
        var out = ""
        for c in text {
            if ".*+?^${}()|[]\\".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}

extension TimeZoneOffset {
    /// An offset as `[Z]` reads it: `±hh` + separator + `mm`, or without a separator `±h`,
    /// `±hh` or `±hhmm`. As in the reference, the minutes are added whatever the sign, so
    /// `-05:30` is five hours less thirty minutes.
    init(parsing text: String, separator: String?) {
        if let separator, let at = text.firstRange(of: separator) {
            self.init(hours: JSNumber.parseInt(text[..<at.lowerBound]), minutes: JSNumber.parseInt(text[at.upperBound...]))
        } else if text.utf16.count - 1 <= 2 {
            self.init(hours: JSNumber.parseInt(text), minutes: 0)
        } else {
            let units = Array(text.utf16)
            self.init(hours: JSNumber.parseInt(String(decoding: units[..<3], as: UTF16.self)),
                      minutes: JSNumber.parseInt(String(decoding: units[3...], as: UTF16.self)))
        }
    }

    var totalMinutes: Double { hours * 60 + minutes }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension DateTimePicture {
    /// `$fromMillis` and `$now`: the instant written to `picture` (ISO 8601 without one) in
    /// the time zone `timezone` (`±HHMM`, UTC without one).
    static func format(millis: Double, picture: String?, timezone: String?) throws(JSONataError) -> String {
        let spec = try picture.map { (p) throws(JSONataError) in try DateTimePicture(p) } ?? .iso8601
        return try spec.format(millis: millis, zone: TimeZoneOffset(timezone))
    }

    func format(millis: Double, zone: TimeZoneOffset) throws(JSONataError) -> String {
        let fields = UTCFields(millis: millis + zone.millis)
        var text = ""
        for part in parts {
            switch part {
            case .literal(let literal): text += literal
            case .marker(let marker): text += try marker.format(fields, zone: zone)
            }
        }
        return text
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]
    static let dayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
}

extension DateTimePicture.Marker {
    func format(_ fields: UTCFields, zone: TimeZoneOffset) throws(JSONataError) -> String {
        switch component {
        case "Z", "z":
            return try formatZone(zone)
        case "P":
            let marker = fields.hour >= 12 ? "pm" : "am"
            return names == .upper ? marker.uppercased() : marker
        case "C", "E":
            return "ISO"
        default:
            break
        }
        guard var value = fields.value(of: component) else { return "undefined" }
        if component == "Y", let yearDigits {
            value = value.truncatingRemainder(dividingBy: pow(10, yearDigits))
        }
        if let names {
            return try name(of: value, names)
        }
        guard let integer else { throw JSONataError("D3133", value: .string(String(component))) }
        return try integer.format(value)
    }

    /// A month (`M`, `x`) or weekday (`F`) by name, cased and cut to the maximum width.
    private func name(of value: Double, _ letterCase: IntegerPicture.LetterCase) throws(JSONataError) -> String {
        let table: [String]
        switch component {
        case "M", "x": table = DateTimePicture.monthNames
        case "F": table = DateTimePicture.dayNames
        default: throw JSONataError("D3133", value: .string(String(component)))
        }
        guard value.isFinite, value >= 1, Int(value) <= table.count else { return "undefined" }
        var name = table[Int(value) - 1]
        if letterCase == .upper { name = name.uppercased() }
        if letterCase == .lower { name = name.lowercased() }
        if let maxWidth, Double(name.count) > maxWidth {
            name = maxWidth >= 1 ? String(name.prefix(Int(maxWidth))) : ""
        }
        return name
    }

    /// `[Z]` (`+01:00`) and `[z]` (`GMT+01:00`): a regular picture writes hours and minutes as
    /// one number; one or two digits write the hours and only then `:mm`; three or four digits
    /// write `hhmm`; `t` writes a zero offset as `Z`.
    private func formatZone(_ zone: TimeZoneOffset) throws(JSONataError) -> String {
        let offset = zone.hhmm
        guard let integer, case .decimal(let digits) = integer.numbering else { throw JSONataError("D3134") }
        var text: String
        if case .regular = digits.grouping {
            text = try integer.format(offset)
        } else {
            switch digits.mandatoryDigits {
            case 1, 2:
                text = try integer.format(zone.hours)
                if zone.minutes != 0 { text += ":" + (try IntegerPicture.format(zone.minutes, picture: "00")) }
            case 3, 4:
                text = try integer.format(offset)
            default:
                throw JSONataError("D3134", value: .number(Double(digits.mandatoryDigits)))
            }
        }
        if offset >= 0 { text = "+" + text }
        if component == "z" { text = "GMT" + text }
        if offset == 0 && modifier == "t" { text = "Z" }
        return text
    }
}

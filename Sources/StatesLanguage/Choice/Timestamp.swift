import StatesJSON

/// An instant parsed from the timestamp text Step Functions accepts (Choice Timestamp operators,
/// Wait Timestamp): an ISO-8601 extended offset date-time such as `2016-03-14T01:59:00Z`,
/// `2016-03-14T01:59:00.123456789+01:00`; seconds and fraction optional. Like Java's
/// ISO_OFFSET_DATE_TIME, which AWS parses with, `t` and `z` may be lower case.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var epochSeconds: Int64
    /// 0 ..< 1_000_000_000
    public var nanoseconds: Int32

    /// An instant from its parts.
    public init(epochSeconds: Int64, nanoseconds: Int32 = 0) {
        self.epochSeconds = epochSeconds
        self.nanoseconds = nanoseconds
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool {
        (a.epochSeconds, a.nanoseconds) < (b.epochSeconds, b.nanoseconds)
    }

    /// Parses the text; nil when it is not a valid timestamp (bad field, impossible date, no offset).
    public init?(_ text: String) {
        let b = Array(text.utf8)
        var i = 0
        func digits(_ n: Int) -> Int? {
            guard i + n <= b.count else { return nil }
            var v = 0
            for k in i..<i + n {
                guard b[k] >= 48, b[k] <= 57 else { return nil }
                v = v * 10 + Int(b[k] - 48)
            }
            i += n
            return v
        }
        func literal(_ c: Character) -> Bool {
            guard i < b.count, b[i] == c.asciiValue! || (c.isLetter && b[i] == c.lowercased().first!.asciiValue!) else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), literal("-"), let month = digits(2), literal("-"), let day = digits(2),
              literal("T"), let hour = digits(2), literal(":"), let minute = digits(2)
        else { return nil }
        var second = 0
        var nanos = 0
        if literal(":") {
            guard let s = digits(2) else { return nil }
            second = s
            if literal(".") {
                var count = 0
                while i < b.count, b[i] >= 48, b[i] <= 57 {
                    guard count < 9 else { return nil }
                    nanos = nanos * 10 + Int(b[i] - 48)
                    count += 1
                    i += 1
                }
                guard count > 0 else { return nil }
                for _ in count..<9 { nanos *= 10 }
            }
        }
        var offset = 0
        if literal("Z") {
            offset = 0
        } else if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            guard let oh = digits(2), literal(":"), let om = digits(2), oh <= 18, om <= 59 else { return nil }
            var os = 0
            if literal(":") {
                guard let s = digits(2), s <= 59 else { return nil }
                os = s
            }
            offset = sign * (oh * 3600 + om * 60 + os)
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year),
              hour <= 23, minute <= 59, second <= 59
        else { return nil }
        let days = CivilDate.dayNumber(year: year, month: month, day: day)
        epochSeconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offset)
        nanoseconds = Int32(nanos)
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// UTC text with as many fraction digits as needed (`2016-03-14T01:59:00Z`, `...00.5Z`).
    public var description: String {
        var days = Int(epochSeconds.quotientAndRemainder(dividingBy: 86_400).quotient)
        var secs = Int(epochSeconds - Int64(days) * 86_400)
        if secs < 0 {
            secs += 86_400
            days -= 1
        }
        let (y, m, d) = CivilDate.date(dayNumber: days)
        func pad(_ v: Int, _ n: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, n - s.count)) + s
        }
        var text = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secs / 3600, 2)):\(pad(secs / 60 % 60, 2)):\(pad(secs % 60, 2))"
        if nanoseconds > 0 {
            var fraction = pad(Int(nanoseconds), 9)
            while fraction.last == "0" { fraction.removeLast() }
            text += "." + fraction
        }
        return text + "Z"
    }
}

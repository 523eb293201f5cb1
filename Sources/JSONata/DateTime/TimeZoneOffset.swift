/// The time zone argument of `$fromMillis` and `$now`: `±HHMM`, read the way jsonata-js reads
/// it (as an integer, whose hundreds are hours and the rest minutes, both taking its sign).
struct TimeZoneOffset {
    var hours: Double
    var minutes: Double

    static let utc = TimeZoneOffset(hours: 0, minutes: 0)

    init(hours: Double, minutes: Double) {
        self.hours = hours
        self.minutes = minutes
    }

    init(_ text: String?) {
        guard let text else { self = .utc; return }
        let n = JSNumber.parseInt(text)
        hours = (n / 100).rounded(.down)
        minutes = n.truncatingRemainder(dividingBy: 100)
    }

    /// The offset as the `[Z]` marker formats it: hours times 100 plus minutes.
    var hhmm: Double { hours * 100 + minutes }
    var millis: Double { (hours * 60 + minutes) * 60_000 }
}

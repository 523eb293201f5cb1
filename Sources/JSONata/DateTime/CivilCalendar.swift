import StatesJSON

/// JavaScript's `Date` arithmetic in UTC over `CivilDate`'s calendar: fields that overflow,
/// and no time at all outside ±8.64e15 ms.
enum CivilCalendar {
    static let millisPerDay = 86_400_000.0

    /// `Date.UTC(year, month - 1, day, hour, minute, second, millisecond)`: fields may overflow
    /// into the next larger one; any non-finite field, or a result out of range, gives NaN.
    /// Years 0...99 mean 1900...1999 when `centuryShortcut` is set, as `Date.UTC` reads them.
    static func millis(year: Double, month: Double, day: Double, hour: Double = 0, minute: Double = 0,
                       second: Double = 0, millisecond: Double = 0, centuryShortcut: Bool = false) -> Double
    {
        let fields = [year, month, day, hour, minute, second, millisecond]
        guard fields.allSatisfy({ $0.isFinite && abs($0) < 1e15 }) else { return .nan }
        var y = year.rounded(.towardZero)
        if centuryShortcut && y >= 0 && y <= 99 { y += 1900 }
        let first = CivilDate.dayNumber(year: Int(y), month: Int(month.rounded(.towardZero)), day: 1)
        let days = Double(first) + day.rounded(.towardZero) - 1
        let time = hour.rounded(.towardZero) * 3_600_000 + minute.rounded(.towardZero) * 60_000
            + second.rounded(.towardZero) * 1000 + millisecond.rounded(.towardZero)
        return clip(days * millisPerDay + time)
    }

    /// JavaScript's TimeClip: whole milliseconds within ±8.64e15, else NaN.
    static func clip(_ millis: Double) -> Double {
        guard millis.isFinite, abs(millis) <= 8.64e15 else { return .nan }
        return millis.rounded(.towardZero) + 0  // + 0 turns -0 into 0
    }
}

/// The UTC fields of an instant, as `Date`'s `getUTC…` methods give them; all NaN for an
/// instant out of range.
struct UTCFields {
    var year = Double.nan, month = Double.nan, day = Double.nan
    var hour = Double.nan, minute = Double.nan, second = Double.nan, millisecond = Double.nan
    /// 1 for Monday through 7 for Sunday.
    var isoWeekday = Double.nan
    /// Milliseconds since 1970, whole; NaN when out of range.
    var millis = Double.nan

    init(millis raw: Double) {
        let t = CivilCalendar.clip(raw)
        guard !t.isNaN else { return }
        millis = t
        let days = (t / CivilCalendar.millisPerDay).rounded(.down)
        let inDay = Int(t - days * CivilCalendar.millisPerDay)
        let date = CivilDate.date(dayNumber: Int(days))
        year = Double(date.year)
        month = Double(date.month)
        day = Double(date.day)
        hour = Double(inDay / 3_600_000)
        minute = Double(inDay / 60_000 % 60)
        second = Double(inDay / 1000 % 60)
        millisecond = Double(inDay % 1000)
        isoWeekday = Double(CivilDate.isoWeekday(dayNumber: Int(days)))
    }

    /// The day number of the instant's date.
    var dayNumber: Int { Int((millis / CivilCalendar.millisPerDay).rounded(.down)) }
}

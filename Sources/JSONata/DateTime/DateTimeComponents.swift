import StatesJSON

/// The value of each date/time component of an instant, as the reference computes it. Weeks
/// follow ISO 8601: they start on Monday, and a year's (or month's) first week is the one
/// holding its first Thursday.
extension UTCFields {
    /// The number a numeric component shows (`Y`, `M`, `D`, `d`, `F`, `W`, `w`, `X`, `x`, `H`,
    /// `h`, `m`, `s`, `f`); NaN for an instant out of range, nil for another component.
    func value(of component: Character) -> Double? {
        guard !millis.isNaN else { return "YMDdFWwXxHhmsf".contains(component) ? .nan : nil }
        let y = Int(year), m = Int(month), today = dayNumber
        switch component {
        case "Y": return year
        case "M": return month
        case "D": return day
        case "d": return Double(today - CivilDate.dayNumber(year: y, month: 1, day: 1) + 1)
        case "F": return isoWeekday
        case "W":
            var week = Self.week(of: today, from: Self.firstWeek(year: y, month: 1))
            if week > 52 && today >= Self.firstWeek(year: y + 1, month: 1) {
                week = 1
            } else if week < 1 {
                week = Self.week(of: today, from: Self.firstWeek(year: y - 1, month: 1))
            }
            return week.rounded(.down)
        case "w":
            var week = Self.week(of: today, from: Self.firstWeek(year: y, month: m))
            if week > 4 && today >= Self.firstWeek(year: y, month: m + 1) {
                week = 1
            } else if week < 1 {
                week = Self.week(of: today, from: Self.firstWeek(year: y, month: m - 1))
            }
            return week.rounded(.down)
        case "X":
            if today < Self.firstWeek(year: y, month: 1) { return year - 1 }
            if today >= Self.firstWeek(year: y + 1, month: 1) { return year + 1 }
            return year
        case "x":
            if today < Self.firstWeek(year: y, month: m) { return Double(m == 1 ? 12 : m - 1) }
            if today >= Self.firstWeek(year: y, month: m + 1) { return Double(m == 12 ? 1 : m + 1) }
            return month
        case "H": return hour
        case "h":
            let h = hour.truncatingRemainder(dividingBy: 12)
            return h == 0 ? 12 : h
        case "m": return minute
        case "s": return second
        case "f": return millisecond
        default: return nil
        }
    }

    /// The day number the first week of a month starts on (month 13 is next January).
    private static func firstWeek(year: Int, month: Int) -> Int {
        let first = CivilDate.dayNumber(year: year, month: month, day: 1)
        let weekday = CivilDate.isoWeekday(dayNumber: first)
        // A month starting on Friday to Sunday leaves those days to the previous week.
        return weekday > 4 ? first + (8 - weekday) : first - (weekday - 1)
    }

    private static func week(of day: Int, from start: Int) -> Double {
        Double(day - start) / 7 + 1
    }
}

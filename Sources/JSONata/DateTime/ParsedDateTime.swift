/// The components `$toMillis` read from a timestamp, turned into an instant the way the
/// reference does it.
///
/// The date is one of {Y, M, D}, {Y, d}, {X, x, w, F} or {X, W, F}, the time one of
/// {H, m, s, f} or {P, h, m, s, f}, each with an optional zone. Of the chosen set, the parts
/// before the first one given come from the current time, the parts after the last one given
/// are their first value, and a gap between given parts is D3136. The two week-based dates
/// are recognised but not supported (D3136), as in the reference.
struct ParsedDateTime {
    /// What each component read as; nil where the text held no value for it (a name that is
    /// not a month's, say), which counts as not given.
    var values: [Character: Double?] = [:]

    private func value(_ c: Character) -> Double? { values[c] ?? nil }

    /// Whether a component takes part in choosing the date and time sets: the reference
    /// counts a zero (hour 0, `am`) as absent there.
    private func present(_ c: Character) -> Bool {
        guard let v = value(c) else { return false }
        return v != 0 && !v.isNaN
    }

    /// A set fits when every present component of the group is in it and one at least is.
    private func fits(_ set: String, group: String) -> Bool {
        let given = group.filter(present)
        return !given.isEmpty && given.allSatisfy(set.contains)
    }

    mutating func millis(now: Double) throws(JSONataError) -> Double {
        let dates = "YXMxWwdD"
        let yearMonthDay = fits("YMD", group: dates)
        let yearDay = !yearMonthDay && fits("Yd", group: dates)
        let isoMonthWeek = fits("Xxw", group: dates)
        let isoYearWeek = !isoMonthWeek && fits("XW", group: dates)
        let times = "PHhmsf"
        let twelveHour = !fits("Hmsf", group: times) && fits("Phmsf", group: times)

        // ("YD" for a day of the year is the reference's: D then stands for the month's first.)
        let dateParts = yearDay ? "YD" : isoMonthWeek ? "XxwF" : isoYearWeek ? "XWF" : "YMD"
        let order = dateParts + (twelveHour ? "Phmsf" : "Hmsf")
        let current = UTCFields(millis: now)
        var seen = false, ended = false
        for part in order {
            if value(part) == nil {
                if seen {
                    values[part] = "MDd".contains(part) ? 1 : 0
                    ended = true
                } else {
                    // (The current am/pm is never 1, so a clock time defaults to the morning.)
                    values[part] = current.value(of: part) ?? .nan
                }
            } else {
                seen = true
                if ended { throw JSONataError("D3136") }
            }
        }
        if isoMonthWeek || isoYearWeek { throw JSONataError("D3136") }

        let nan = Double.nan
        let year = value("Y") ?? nan
        var month = (value("M") ?? 0) > 0 ? value("M")! : 1
        var day = value("D") ?? nan
        if yearDay {
            let firstOfJanuary = CivilCalendar.millis(year: year, month: 1, day: 1, centuryShortcut: true)
            let date = UTCFields(millis: firstOfJanuary + ((value("d") ?? nan) - 1) * CivilCalendar.millisPerDay)
            month = date.month
            day = date.day
        }
        var hour = value("H") ?? nan
        if twelveHour {
            let h = value("h") ?? nan
            hour = h == 12 ? 0 : h
            if value("P") == 1 { hour += 12 }
        }
        var millis = CivilCalendar.millis(year: year, month: month, day: day, hour: hour, minute: value("m") ?? nan,
                                          second: value("s") ?? nan, millisecond: value("f") ?? nan,
                                          centuryShortcut: true)
        let zone = present("Z") ? value("Z") : value("z")
        if let zone, zone != 0, !zone.isNaN { millis -= zone * 60_000 }
        return millis
    }
}

/// Proleptic Gregorian dates as day numbers counted from 1970-01-01: the one calendar that ASL
/// timestamps, the virtual clock and JSONata's date functions all count in. (It lives with the
/// JSON value because that is the module every layer shares.)
public enum CivilDate {
    /// The day number of a date. A month outside 1...12 folds into the neighbouring years and a
    /// day past the month's end (or before its start) rolls into the neighbouring months.
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let monthIndex = month - 1
        let y0 = year + (monthIndex >= 0 ? monthIndex / 12 : (monthIndex - 11) / 12)
        let m0 = (monthIndex % 12 + 12) % 12 + 1
        // Count from 1 March so that the leap day ends the year.
        let y = m0 <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthFromMarch = (m0 + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468 + (day - 1)
    }

    /// The date of a day number; months run 1...12.
    public static func date(dayNumber: Int) -> (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The ISO day of the week of a day number: 1 for Monday through 7 for Sunday.
    public static func isoWeekday(dayNumber: Int) -> Int {
        // 1970-01-01 was a Thursday.
        ((dayNumber + 3) % 7 + 7) % 7 + 1
    }
}

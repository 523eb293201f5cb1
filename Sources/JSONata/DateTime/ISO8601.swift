import StatesJSON

/// `$toMillis` without a picture: the ISO 8601 shapes jsonata-js lets through to
/// `Date.parse`, read as V8 reads them (in UTC, the time zone Step Functions runs in).
enum ISO8601 {
    /// Milliseconds since 1970 for `text`; NaN for a timestamp of the accepted shape that names
    /// no real time (month 13, 25 o'clock), as `Date.parse` answers; D3110 for any other text.
    static func millis(_ text: String) throws(JSONataError) -> Double {
        // `-23` may start an offset as well as a month: the reference's pattern takes back the
        // date groups one by one until the rest fits.
        let stamp = Stamp(text, groups: 2) ?? Stamp(text, groups: 1) ?? Stamp(text, groups: 0)
        guard let stamp else { throw JSONataError("D3110", value: .string(text)) }
        return stamp.millis
    }

    /// The parts of `YYYY[-MM][-DD][Thh:mm:ss][.fff][Z|±hh[:]mm]`, the shape jsonata-js checks.
    private struct Stamp {
        var year = 0
        /// The one or two `-NN` groups after the year.
        var groups: [Int] = []
        var time: (hour: Int, minute: Int, second: Int)?
        var fraction: [UInt8]?
        /// nil without a zone designator; 0 for `Z`.
        var offsetMinutes: Int?
        /// The hours of a numeric offset (`±hh:mm`); nil for `Z` or none.
        var offsetHour: Int?

        init?(_ text: String, groups limit: Int) {
            var scanner = Scanner(Array(text.utf8))
            guard let year = scanner.number(digits: 4) else { return nil }
            self.year = year
            // A first group must start with 0 or 1; a lone group may start with 0...3.
            for _ in 0..<limit {
                guard scanner.peek == UInt8(ascii: "-"), scanner.peek(1).map({ $0 >= 0x30 && $0 <= 0x33 }) == true,
                      let n = scanner.number(digits: 2, from: 1) else { break }
                if groups.count == 1 && groups[0] / 10 > 1 { return nil }
                groups.append(n)
            }
            if scanner.skip("T") {
                guard let hour = scanner.number(digits: 2, firstAtMost: 2), scanner.skip(":"),
                      let minute = scanner.number(digits: 2, firstAtMost: 5), scanner.skip(":"),
                      let second = scanner.number(digits: 2, firstAtMost: 5) else { return nil }
                time = (hour, minute, second)
            }
            if scanner.skip(".") {
                let digits = scanner.digits()
                guard !digits.isEmpty else { return nil }
                fraction = digits
            }
            if scanner.skip("Z") {
                offsetMinutes = 0
            } else if let sign = scanner.peek, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                scanner.index += 1
                guard let hours = scanner.number(digits: 2, firstAtMost: 2) else { return nil }
                _ = scanner.skip(":")
                guard let minutes = scanner.number(digits: 2, firstAtMost: 5) else { return nil }
                offsetHour = hours
                offsetMinutes = (hours * 60 + minutes) * (sign == UInt8(ascii: "-") ? -1 : 1)
            }
            guard scanner.atEnd else { return nil }
        }

        var millis: Double {
            let month = groups.first ?? 1
            let day = groups.count > 1 ? groups[1] : 1
            if time == nil, let fraction {
                // V8 reads `2018.5` as May 2018 and `2018-02.5` as 5 February, the digits after
                // the point being the next field; a two-digit year then means 1950...2049.
                guard groups.count < 2, offsetHour == nil, let n = Int(ascii: fraction) else { return .nan }
                if groups.isEmpty {
                    return Self.millis(year: year, month: n, day: 1, century: true)
                }
                return Self.millis(year: year, month: month, day: n, century: true)
            }
            if time == nil && offsetHour != nil { return .nan }
            guard (1...12).contains(month), (1...31).contains(day), offsetHour ?? 0 <= 23 else { return .nan }
            var t = Self.millis(year: year, month: month, day: day, century: false)
            if let time {
                let milliseconds = fraction.map { Int(ascii: Array($0.prefix(3)) + Array(repeating: 0x30, count: max(0, 3 - $0.count))) ?? 0 } ?? 0
                if time.hour > 24 || (time.hour == 24 && (time.minute, time.second) != (0, 0)) { return .nan }
                if time.hour == 24 && fraction?.contains(where: { $0 != 0x30 }) == true { return .nan }
                t += Double(((time.hour * 60 + time.minute) * 60 + time.second) * 1000 + milliseconds)
            }
            return CivilCalendar.clip(t - Double(offsetMinutes ?? 0) * 60_000)
        }

        private static func millis(year: Int, month: Int, day: Int, century: Bool) -> Double {
            guard (1...12).contains(month), (1...31).contains(day) else { return .nan }
            var y = year
            if century && y <= 99 { y += y < 50 ? 2000 : 1900 }
            return Double(CivilDate.dayNumber(year: y, month: month, day: day)) * CivilCalendar.millisPerDay
        }
    }

    /// Reads ASCII digits and punctuation off the front of a timestamp.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { index == bytes.count }
        var peek: UInt8? { peek(0) }
        func peek(_ ahead: Int) -> UInt8? { index + ahead < bytes.count ? bytes[index + ahead] : nil }

        mutating func skip(_ c: Unicode.Scalar) -> Bool {
            guard peek == UInt8(ascii: c) else { return false }
            index += 1
            return true
        }

        /// Exactly `digits` digits starting `from` past the current place (which must all be
        /// there), the first at most `firstAtMost`; consumes them and what came before.
        mutating func number(digits: Int, from: Int = 0, firstAtMost: Int = 9) -> Int? {
            guard index + from + digits <= bytes.count else { return nil }
            let run = bytes[(index + from)..<(index + from + digits)]
            guard run.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), Int(run.first! - 0x30) <= firstAtMost else { return nil }
            index += from + digits
            return Int(ascii: Array(run))
        }

        mutating func digits() -> [UInt8] {
            let start = index
            while let c = peek, c >= 0x30 && c <= 0x39 { index += 1 }
            return Array(bytes[start..<index])
        }
    }
}

extension Int {
    /// The value of a run of ASCII digits; nil when empty or too large.
    init?(ascii digits: [UInt8]) {
        guard !digits.isEmpty else { return nil }
        var n = 0
        for d in digits {
            let (times, o1) = n.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int(d) - 0x30)
            guard !o1 && !o2 else { return nil }
            n = sum
        }
        self = n
    }
}

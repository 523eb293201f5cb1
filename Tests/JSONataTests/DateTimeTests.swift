import Testing
@testable import JSONata

/// `$now`, `$fromMillis` and `$toMillis` as jsonata-js 2.2.2 answers them (each expected text
/// is what the reference printed), in UTC.
@Suite struct ISOTimestampTests {
    let fixedClock = JSONataEnvironment(timestamp: 1_735_689_690_000, randomSeed: 1)

    @Test func nowAndFromMillisWriteISO8601InUTC() throws {
        #expect(try evaluate("$now()", environment: fixedClock) == #""2025-01-01T00:01:30.000Z""#)
        #expect(try evaluate("$fromMillis(1.7)") == #""1970-01-01T00:00:00.001Z""#)
        #expect(try evaluate("$fromMillis(-1.5)") == #""1969-12-31T23:59:59.999Z""#)
        #expect(try evaluate("$fromMillis(-62198755200001)") == #""-0002-12-31T23:59:59.999Z""#)
        // The year keeps its last four digits, as [Y0001] does.
        #expect(try evaluate("$fromMillis(8.64e15)") == #""5760-09-13T00:00:00.000Z""#)
    }

    @Test func aTimeZoneShiftsTheClockAndIsWrittenAsAnOffset() throws {
        #expect(try evaluate(#"$fromMillis(1510067557121, undefined, "+0130")"#) == #""2017-11-07T16:42:37.121+01:30""#)
        #expect(try evaluate(#"$fromMillis(1510067557121, undefined, "-0130")"#) == #""2017-11-07T12:42:37.121-02:30""#)
        #expect(try evaluate(#"$fromMillis(1510067557121, undefined, "0000")"#) == #""2017-11-07T15:12:37.121Z""#)
    }

    @Test(arguments: [
        ("1970-01-01T00:00:00.001Z", "1"), ("2018-02-01T09:42:13.123+0000", "1517478133123"),
        ("2018-02-01T09:42:13.123456789+01:00", "1517474533123"), ("2018-02-01T09:42:13-0130", "1517483533000"),
        ("2018", "1514764800000"), ("2018-02", "1517443200000"), ("2018-02-01Z", "1517443200000"),
        ("2018-02-01T09:42:13", "1517478133000"), ("2018-02-01T24:00:00", "1517529600000"),
        // A day past the month's end rolls over; V8 reads `2018.5` as May.
        ("2018-02-31T00:00:00Z", "1520035200000"), ("2018.5", "1525132800000"),
        // `-2359` is an offset when it cannot be a month.
        ("2018T09:42:13-2359", "1514886073000"),
    ])
    func toMillisReadsTheISOShapes(text: String, millis: String) throws {
        #expect(try evaluate("$toMillis('\(text)')") == millis)
    }

    @Test func aTimestampThatNamesNoTimeIsNotANumber() throws {
        for text in ["2018-13-01", "2018-02-00", "2018-02-01T25:00:00", "2018-02-01+01:00", "2018-02-01T24:00:00.5"] {
            #expect(try evaluate("$toMillis('\(text)') = $toMillis('\(text)')") == "false", "\(text)")
        }
    }

    @Test func otherTextIsRefused() {
        for text in ["foo", "01-02-2018", "2018-02-01T09:42:13+01", "2018-02-01t09:42:13z", "2018-02-01T09:42"] {
            #expect(errorCode("$toMillis('\(text)')") == "D3110", "\(text)")
        }
    }
}

import Testing
@testable import JSONata

/// `$fromMillis` and `$toMillis` with XPath date/time pictures, as jsonata-js 2.2.2 writes and
/// reads them (every expected text is what the reference printed).
@Suite struct DateTimePictureTests {
    /// 2018-03-23T10:33:36.617Z, a Friday.
    let friday = "1521801216617"
    /// 2025-06-15T08:00:00Z, the clock for parts a timestamp leaves out.
    let clock = JSONataEnvironment(timestamp: 1_749_974_400_000, randomSeed: 1)

    func formatted(_ picture: String, zone: String? = nil) throws -> String? {
        try evaluate("$fromMillis(\(friday), '\(picture)'" + (zone.map { ", '\($0)')" } ?? ")"))
    }

    @Test(arguments: [
        ("[D1o] [MNn] [Y0001], [h]:[m01] [PN]", #""23rd March 2018, 10:33 AM""#),
        ("[FNn,*-3] [D01]/[M01]/[Y,2]", #""Fri 23/03/18""#),
        ("[Dwo] of [MNn]", #""twenty-third of March""#),
        ("[YI] [Mi] [Da]", #""MMXVIII iii w""#),
        ("[Y٠٠٠١]", #""٢٠١٨""#),
        ("[Y]-[ M01]-[D 01]T[H01]:[m]:[s].[f001]", #""2018-03-23T10:33:36.617""#),
        ("[[[Y]]]] [C] [E]", #""[2018]] ISO ISO""#),
    ])
    func markersWriteTheDate(picture: String, text: String) throws {
        #expect(try formatted(picture) == text)
    }

    @Test func weeksAreISOWeeks() throws {
        #expect(try formatted("[d] [W] [w] [X] [x]") == #""82 12 4 2018 3""#)
        // 1 January 2005, a Saturday, lies in the last week of 2004 and of December.
        #expect(try evaluate("$fromMillis(1104537600000, '[W] of [X], [w] of [xNn]')") == #""53 of 2004, 5 of December""#)
    }

    @Test(arguments: [
        ("[H01]:[m01] [Z]", "+0530", #""16:03 +05:30""#), ("[H01]:[m01] [Z0]", "+0530", #""16:03 +5:30""#),
        ("[H01]:[m01] [Z0000]", "-0500", #""05:33 -0500""#), ("[H01]:[m01] [z]", "-0500", #""05:33 GMT-05:00""#),
        ("[H01]:[m01] [Z01:01t]", "0000", #""10:33 Z""#),
    ])
    func timeZones(picture: String, zone: String, text: String) throws {
        #expect(try formatted(picture, zone: zone) == text)
    }

    @Test func badPicturesSayWhatIsWrong() {
        #expect(errorCode("$fromMillis(0, '[Y0001]-[M01')") == "D3135")
        #expect(errorCode("$fromMillis(0, '[Q]')") == "D3132")
        #expect(errorCode("$fromMillis(0, '[DN]')") == "D3133")
        #expect(errorCode("$fromMillis(0, '[Z010101]')") == "D3134")
        #expect(errorCode("$fromMillis(0, '[Y,99999999]')") == "U1001")
    }

    @Test(arguments: [
        ("23rd March 2018, 10:33 AM", "[D1o] [MNn] [Y0001], [h]:[m01] [P]", "1521801180000"),
        ("2018094", "[Y0001][d001]", "1522800000000"),
        ("20180323103336", "[Y0001][M01][D01][H01][m01][s01]", "1521801216000"),
        ("2018-03-23 12:00 +05:30", "[Y]-[M]-[D] [H]:[m] [Z]", "1521786600000"),
        ("twenty-first August two thousand and seventeen", "[Dw] [MNn] [Yw]", "1503273600000"),
        // Two-digit years are 1900s, as Date.UTC has them.
        ("18", "[Y01]", "-1640995200000"),
    ])
    func toMillisReadsThePicture(text: String, picture: String, millis: String) throws {
        #expect(try evaluate("$toMillis('\(text)', '\(picture)')") == millis)
    }

    @Test func missingLeadingPartsComeFromTheClock() throws {
        #expect(try evaluate("$toMillis('10:30', '[H]:[m]') ~> $fromMillis()", environment: clock) == #""2025-06-15T10:30:00.000Z""#)
        #expect(try evaluate("$toMillis('March', '[MNn]') ~> $fromMillis()", environment: clock) == #""2025-03-01T00:00:00.000Z""#)
    }

    @Test func textThatDoesNotFitIsUndefinedAndGapsAreRefused() throws {
        #expect(try evaluate("$toMillis('not a date', '[Y]-[M]-[D]')") == nil)
        #expect(try evaluate("$toMillis('Hello', 'Hello')") == nil)
        #expect(errorCode("$toMillis('2018-22', '[Y]-[D]')") == "D3136")
        #expect(errorCode("$toMillis('2018-5', '[X]-[W]')") == "D3136")
    }
}

/// Inputs the `jsonata` fuzz target found crashing the picture parser.
@Suite struct DateTimePictureFuzzFindings {
    /// A marker that starts with its width comma (`[,I]`) has no component: an error, not a trap.
    @Test(arguments: ["$fromMillis(0, '[,I]')", "$toMillis('MCMLXXXIV', '[,I]')", "$fromMillis(0, '[,]')"])
    func aMarkerStartingWithItsWidthCommaIsAPictureError(source: String) throws {
        let expression = try JSONataExpression(source)
        #expect(throws: JSONataError.self) { try expression.evaluate(input: nil) }
    }
}

import Testing
@testable import JSONata

/// Where a search starts, what a match reports, and how matches are counted in code units.
@Suite struct RegexSearchTests {
    private func first(_ pattern: String, flags: String = "", in text: String, from start: Int) throws -> Range<Int>? {
        let re = try ECMARegex(pattern: pattern, ignoreCase: flags.contains("i"), multiline: flags.contains("m"))
        var budget = 10_000
        return try re.firstMatch(in: text, from: start, budget: &budget)?.range
    }

    /// A search from an offset is `exec` with `lastIndex` there: assertions still see the text
    /// before it.
    @Test func searchFromAnOffsetStillSeesTheTextBeforeIt() throws {
        #expect(try first("(?<=a)b", in: "ab", from: 1) == 1..<2)
        #expect(try first("^b", in: "ab", from: 1) == nil)
        #expect(try first("^b", flags: "m", in: "a\nb", from: 1) == 2..<3)
        #expect(try first("\\bb", in: "ab b", from: 1) == 3..<4)
        #expect(try first("$", in: "ab", from: 2) == 2..<2)
        #expect(try first("", in: "ab", from: 3) == nil)
    }

    @Test func groupsAreFoundByNumberAndByName() throws {
        let re = try ECMARegex(pattern: "(?<year>\\d{4})-(?<month>\\d\\d)(x)?")
        #expect(re.groupCount == 3)
        #expect(re.groupNames == ["year", "month", nil])
        var budget = 10_000
        let m = try #require(try re.firstMatch(in: "on 2024-05.", budget: &budget))
        #expect(m.range == 3..<10)
        #expect(m.groups == [3..<7, 8..<10, nil])
        #expect(m["month"] == 8..<10)
        #expect(m["day"] == nil)
    }

    /// Without the `u` flag a surrogate pair is two characters, in the pattern and in the text.
    @Test func surrogatesAreSeparateCodeUnits() throws {
        let emoji: [UInt16] = [0xD83D, 0xDE00]
        #expect(try regexMatches("^.$", in: emoji) == "")
        #expect(try regexMatches("^..$", in: emoji) == "0-2")
        #expect(try regexMatches("\u{1F600}+", in: emoji + [0xDE00, 0xDE00]) == "0-4")
        #expect(try regexMatches("[\u{1F600}]", in: [0xDE00, 0x61, 0xD83D]) == "0-1 | 2-3")
        #expect(try regexMatches("\\ud83d", in: emoji) == "0-1")
    }

    @Test func searchesSpendTheirBudget() throws {
        let re = try ECMARegex(pattern: "b+")
        var budget = 1_000
        _ = try re.firstMatch(in: "aaabbb", budget: &budget)
        #expect(budget < 1_000)
        var none = 0
        #expect(throws: ECMARegex.BudgetExceeded.self) { try re.firstMatch(in: "aaabbb", budget: &none) }
    }
}

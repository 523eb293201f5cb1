import Testing
@testable import JSONata

/// Hostile patterns and long texts end with an error or an answer: no stack overflow, no hang.
@Suite struct RegexLimitsTests {
    @Test(arguments: ["(", "(?:", "(?=", "(?<=", "(?<n>"])
    func deepNestingIsASyntaxError(opener: String) throws {
        let depth = 100_000
        let pattern = String(repeating: opener == "(?<n>" ? "(" : opener, count: depth) + String(repeating: ")", count: depth)
        #expect(throws: ECMARegex.SyntaxError.self) { try ECMARegex(pattern: pattern) }
    }

    @Test func nestingUpToTheLimitCompilesAndMatches() throws {
        let depth = ECMARegex.Parser.maximumNesting
        let pattern = String(repeating: "(?:", count: depth) + "a" + String(repeating: ")*", count: depth)
        #expect(try regexMatches(pattern, in: Array("aa".utf16)) == "0-2 | 2-2")
        let tooDeep = String(repeating: "(", count: depth + 1) + String(repeating: ")", count: depth + 1)
        #expect(throws: ECMARegex.SyntaxError(
            reason: "Groups nested more than 256 deep", offset: depth,
            message: "Invalid regular expression: /\(tooDeep)/g: Groups nested more than 256 deep")) {
            try ECMARegex(pattern: tooDeep)
        }
    }

    @Test(arguments: [("(a+)+$", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"), ("(x+x+)+y", String(repeating: "x", count: 40)),
                      ("(?:a|a)*b", String(repeating: "a", count: 40)), ("((a*)*|b)*c", String(repeating: "a", count: 30))])
    func catastrophicBacktrackingRunsOutOfBudget(pattern: String, text: String) throws {
        let re = try ECMARegex(pattern: pattern)
        var budget = 1_000_000
        #expect(throws: ECMARegex.BudgetExceeded.self) { try re.firstMatch(in: text, budget: &budget) }
    }

    /// The machine's stack is its own, so a match that backtracks over a long text needs no
    /// call stack.
    @Test func longTextsNeedNoCallStack() throws {
        let n = 200_000
        let long = [UInt16](repeating: 0x61, count: n)
        #expect(try regexMatches("^(?:a|b)*$", in: long, budget: .max) == "0-\(n)")
        #expect(try regexMatches("^(a)*$", in: long, budget: .max) == "0-\(n) \(n - 1)-\(n)")
        #expect(try regexMatches("^(?:(a)\\1)*$", in: long, budget: .max) == "0-\(n) \(n - 2)-\(n - 1)")
        #expect(try regexMatches("(?<=^a*)b", in: long + [0x62], budget: .max) == "\(n)-\(n + 1)")
        #expect(try regexMatches("^(?:a(?=a|$))+", in: long, budget: .max) == "0-\(n)")
        #expect(try regexMatches("^(?:a|b)*?$", in: long, budget: .max) == "0-\(n)")
    }
}

import Testing
@testable import JSONata

/// Invalid patterns fail with V8's reason, the place in the pattern, and node's whole message.
@Suite struct RegexSyntaxErrorTests {
    /// Each pattern with the reason node 20 gives for `new RegExp(pattern)`.
    static let table: [(pattern: String, reason: String)] = [
        ("(", "Unterminated group"),
        (")", "Unmatched ')'"),
        ("a)", "Unmatched ')'"),
        ("*", "Nothing to repeat"),
        ("+a", "Nothing to repeat"),
        ("?", "Nothing to repeat"),
        ("a**", "Nothing to repeat"),
        ("a{1}{2}", "Nothing to repeat"),
        ("{1}", "Nothing to repeat"),
        ("a|{1,}", "Nothing to repeat"),
        ("^*", "Nothing to repeat"),
        ("$+", "Nothing to repeat"),
        ("\\b*", "Nothing to repeat"),
        ("\\B{2}", "Nothing to repeat"),
        ("[", "Unterminated character class"),
        ("[a", "Unterminated character class"),
        ("[^", "Unterminated character class"),
        ("[\\c", "Unterminated character class"),
        ("[z-a]", "Range out of order in character class"),
        ("[\\x42-\\x41]", "Range out of order in character class"),
        ("a{2,1}", "numbers out of order in {} quantifier"),
        ("(?a)", "Invalid group"),
        ("(?i:a)", "Invalid group"),
        ("(?", "Invalid group"),
        ("(?<", "Invalid capture group name"),
        ("(?<1>a)", "Invalid capture group name"),
        ("(?<a", "Invalid capture group name"),
        ("(?<a-b>c)", "Invalid capture group name"),
        ("(?<a>x)(?<a>y)", "Duplicate capture group name"),
        ("(?<a>x)|(?<a>y)", "Duplicate capture group name"),
        ("(?<a>x)\\k<b>", "Invalid named capture referenced"),
        ("(?<a>x)\\k", "Invalid named reference"),
        ("(?<a>x)\\k<", "Invalid capture group name"),
        ("(?<a>.)[\\k]", "Invalid escape"),
        ("\\", "\\ at end of pattern"),
        ("[\\", "\\ at end of pattern"),
        ("(?<=a)*", "Invalid quantifier"),
        ("(?<!a){2}", "Invalid quantifier"),
        ("(?<=a){2,1}", "numbers out of order in {} quantifier"),
        ("((a)", "Unterminated group"),
        ("(?:", "Unterminated group"),
        ("(?=a", "Unterminated group"),
        ("(?<a>", "Unterminated group"),
    ]

    /// The error compiling `pattern` gives, or nil when it compiles.
    static func syntaxError(_ pattern: String) -> ECMARegex.SyntaxError? {
        do {
            _ = try ECMARegex(pattern: pattern)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: table)
    func reportsV8sReason(row: (pattern: String, reason: String)) {
        #expect(Self.syntaxError(row.pattern)?.reason == row.reason, "/\(row.pattern)/")
    }

    /// Patterns node accepts that a stricter (unicode-mode) parser would refuse.
    @Test(arguments: ["]", "}", "{", "a{", "x{1,2", "a{,5}", "\\8", "\\c", "\\c1", "[\\c1]", "\\k", "\\k<a>",
                      "\\u12", "\\x1", "\\p{L}", "[\\d-z]", "[a-\\d]", "[--a]", "(?=a)*", "(?!a){2,3}?",
                      "\\1(a)", "(?<a\\u0062>.)\\k<ab>", "(?<\\u{1d49c}>.)", "(?<\u{1d49c}>.)", "a{99999999999}"])
    func acceptsAnnexBSyntax(pattern: String) throws {
        _ = try ECMARegex(pattern: pattern)
    }

    @Test func messageNamesThePatternWithTheFlagsJSONataUses() {
        #expect(throws: ECMARegex.SyntaxError(
            reason: "Nothing to repeat", offset: 2, message: "Invalid regular expression: /a**/gim: Nothing to repeat")) {
            try ECMARegex(pattern: "a**", ignoreCase: true, multiline: true)
        }
        #expect(throws: ECMARegex.SyntaxError(
            reason: "Unterminated group", offset: 1, message: "Invalid regular expression: /a(b/g: Unterminated group")) {
            try ECMARegex(pattern: "a(b")
        }
    }

    @Test(arguments: [
        ("ab)", 2), ("x[z-a]", 2), ("ab{2,1}", 2), ("(?<a>.)\\k<b>", 7), ("ab\\", 2), ("x(?<=a)+", 7), ("([a", 1),
    ] as [(String, Int)])
    func offsetPointsAtTheFault(pattern: String, offset: Int) {
        #expect(Self.syntaxError(pattern)?.offset == offset, "/\(pattern)/")
    }
}

import Testing
@testable import JSONata

/// Case-insensitive matching canonicalises code units as node 20 does without the `u` flag.
@Suite struct RegexCaseFoldingTests {
    /// Code units with their canonical forms, from node: a one-unit uppercase only, never from
    /// outside ASCII into it (so `ſ` and the Kelvin sign stay themselves).
    @Test(arguments: [
        (0x61, 0x41), (0xDF, 0xDF), (0xFF, 0x178), (0x1C5, 0x1C4), (0x1C6, 0x1C4), (0x345, 0x399),
        (0x17F, 0x17F), (0x212A, 0x212A), (0xFB00, 0xFB00), (0x3C2, 0x3A3), (0x1E9E, 0x1E9E),
        (0x131, 0x131), (0x130, 0x130), (0xFF41, 0xFF21), (0x10D0, 0x1C90), (0xAB70, 0x13A0),
        (0x1F80, 0x1F80), (0x2C65, 0x23A),
    ] as [(UInt16, UInt16)])
    func canonicalFormIsNodes(unit: UInt16, canonical: UInt16) {
        #expect(ECMARegex.CaseFolding.canonical(unit) == canonical)
    }

    /// The matcher relies on canonical forms being canonical themselves; node changes 1169 units.
    @Test func canonicalisingIsIdempotentAndChangesWhatNodeChanges() {
        var changed = 0
        for u in 0...UInt16.max {
            let c = ECMARegex.CaseFolding.canonical(u)
            #expect(ECMARegex.CaseFolding.canonical(c) == c)
            if c != u { changed += 1 }
        }
        #expect(changed == 1169)
    }

    @Test func classesMatchEveryCaseOfTheirMembers() throws {
        // `[a-z]` reaches the uppercase letters but not ſ or the Kelvin sign (they are not ASCII).
        #expect(try regexMatches("[a-z]+", flags: "i", in: Array("xYz\u{17F}\u{212A}".utf16)) == "0-3")
        // A negated class is negated after folding: `[^a]` does not match `A`.
        #expect(try regexMatches("[^a]", flags: "i", in: Array("aAb".utf16)) == "2-3")
        // Ranges fold member by member: À–Þ reaches à–þ and ÿ reaches Ÿ.
        #expect(try regexMatches("[\u{C0}-\u{DE}\u{FF}]+", flags: "i", in: Array("\u{E0}\u{FE}\u{178}\u{DF}".utf16)) == "0-3")
        // Greek sigma's three forms share a canonical form.
        #expect(try regexMatches("\u{3C3}", flags: "i", in: Array("\u{3A3}\u{3C2}\u{3C3}".utf16)) == "0-1 | 1-2 | 2-3")
    }

    @Test func backreferencesCompareCanonicalForms() throws {
        #expect(try regexMatches("(\u{3C2})\\1", flags: "i", in: Array("\u{3C2}\u{3A3}".utf16)) == "0-2 0-1")
        #expect(try regexMatches("(s)\\1", flags: "i", in: Array("s\u{17F}".utf16)) == "")
        #expect(try regexMatches("(?<=\\1(a))b", flags: "i", in: Array("Aab".utf16)) == "2-3 1-2")
    }
}

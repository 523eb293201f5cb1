import Testing
import StatesJSON

@Suite struct JSONPropertyTests {
    @Test(arguments: [1, 2, 3, 42] as [UInt64])
    func printedTextParsesBackToTheSameValue(seed: UInt64) throws {
        var random = RandomJSON(seed: seed)
        for _ in 0..<300 {
            let v = random.value()
            let compact = JSONPrinter.compact(v)
            #expect(try JSON.parse(compact) == v, "seed \(seed): \(compact)")
            #expect(try JSON.parse(JSONPrinter.pretty(v)) == v, "seed \(seed): \(compact)")
            // The text is stable too: -0.0 stays -0.0 and 1.0 stays 1.0 even though they compare equal to 0 and 1.
            #expect(JSONPrinter.compact(try JSON.parse(compact)) == compact)
            #expect(JSONPrinter.compactByteCount(v) == compact.utf8.count, "seed \(seed): \(compact)")
        }
    }

    @Test(arguments: [7, 8, 9, 1234] as [UInt64])
    func applyingADiffTurnsOldIntoNew(seed: UInt64) throws {
        var random = RandomJSON(seed: seed)
        for round in 0..<300 {
            let a = random.value()
            // Half unrelated pairs, half near-identical ones (the debugger's usual case).
            let b = round.isMultiple(of: 2) ? random.value() : random.mutate(a)
            let diff = JSONDiff(from: a, to: b)
            #expect(try diff.apply(to: a) == b, "seed \(seed): \(a) -> \(b)")
            #expect(diff.isEmpty == (a == b))
        }
    }
}

@Suite struct JSONMalformedPropertyTests {
    /// Corrupted documents never crash the parser and every error points inside the text.
    @Test(arguments: [11, 12] as [UInt64])
    func corruptedDocumentsFailCleanly(seed: UInt64) {
        var random = RandomJSON(seed: seed)
        let noise: [UInt8] = Array(#"{}[]",:\"0-.eE"#.utf8) + [0x00, 0x0A, 0x80, 0xC3, 0xED, 0xFF]
        for _ in 0..<200 {
            var bytes = Array(JSONPrinter.compact(random.value()).utf8)
            for _ in 0...Int.random(in: 0...2, using: &random.rng) {
                let at = Int.random(in: 0...bytes.count, using: &random.rng)
                let byte = noise[Int.random(in: 0..<noise.count, using: &random.rng)]
                switch Int.random(in: 0..<3, using: &random.rng) {
                case 0: bytes.insert(byte, at: at)
                case 1 where at < bytes.count: bytes[at] = byte
                default: if at < bytes.count { bytes.remove(at: at) }
                }
            }
            do {
                _ = try JSONParser().parse(bytes)
            } catch {
                let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
                #expect(error.location.line >= 1 && error.location.line <= lines.count, "\(error)")
                #expect(error.location.column >= 1 && error.location.column <= lines[error.location.line - 1].count + 1, "\(error)")
            }
        }
    }

    @Test func everyProperPrefixIsAnError() throws {
        let text = Array(#"{"a":[1,-2.5e3,"x\u00e9\n",{"b":null}],"c":true}"#.utf8)
        for n in 0..<text.count {
            #expect(throws: JSONParseError.self, "\(String(decoding: text[..<n], as: UTF8.self))") {
                try JSONParser().parse(text[..<n])
            }
        }
        #expect(try JSONParser().parse(text)["c"] == true)
    }
}

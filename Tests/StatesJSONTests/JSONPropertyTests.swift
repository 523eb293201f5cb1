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

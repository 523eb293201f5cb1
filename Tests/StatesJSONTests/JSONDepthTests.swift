import Testing
import StatesJSON

/// How deeply values nest: the bounds objects keep, the exact answer when they cannot settle
/// it, and the parser's refusal of deeper text.
@Suite(.timeLimit(.minutes(1))) struct JSONDepthTests {
    /// The depth of a value by a plain recursive walk (the tests' values are shallow).
    func depth(_ value: JSON) -> Int {
        switch value {
        case .array(let a): return 1 + (a.map(depth).max() ?? 0)
        case .object(let o): return 1 + (o.values.map(depth).max() ?? 0)
        default: return 0
        }
    }

    /// `levels` arrays, each holding the next, around `1`.
    func arrays(_ levels: Int) -> JSON {
        var value: JSON = 1
        for _ in 0..<levels { value = [value] }
        return value
    }

    @Test(arguments: [1, 8, 40] as [UInt64])
    func boundsNeverFallBelowTheDepthAndTheAnswersAreExact(seed: UInt64) {
        var random = RandomJSON(seed: seed)
        var memo = JSONSizeMemo()
        for _ in 0..<300 {
            var value = random.value(depth: 6)
            if case .object(var o) = value, !o.isEmpty {
                // Changed in place and by copy, the bound follows.
                o.setValue(random.value(depth: 5), at: 0)
                o["extra"] = random.value(depth: 5)
                if let last = o.keys.last { o.removeValue(forKey: last) }
                value = .object(o)
            }
            let d = depth(value)
            if case .object(let o) = value { #expect(o.depthBound >= d, "seed \(seed): \(JSONPrinter.compact(value))") }
            #expect(!value.isNested(deeperThan: d) && (d == 0 || value.isNested(deeperThan: d - 1)), "seed \(seed)")
            let measure = memo.measure(value, upTo: .max)
            #expect(measure?.depth == d && measure?.bytes == JSONPrinter.compactByteCount(value), "seed \(seed): \(JSONPrinter.compact(value))")
            if d > 0 { #expect(!JSONPrinter.certainlyFits(value, within: 1 << 30, depth: d - 1), "seed \(seed)") }
        }
    }

    @Test func anObjectThatOnceHeldADeepMemberIsMeasuredExactly() {
        var o: JSONObject = ["deep": arrays(600), "flat": 1]
        #expect(o.depthBound == 601)
        #expect(JSON.object(o).isNested(deeperThan: JSON.maximumDepth))
        o.removeValue(forKey: "deep")
        // The bound keeps the old depth; the answer walks what is left.
        #expect(o.depthBound == 601)
        #expect(!JSON.object(o).isNested(deeperThan: 1) && JSON.object(o).isNested(deeperThan: 0))
        #expect(!JSONPrinter.certainlyFits(.object(o), within: 1000), "a stale bound never passes a value unmeasured")
    }

    @Test func valuesBuiltMemberByMemberKeepTheirDepth() throws {
        var o = JSONObject()
        o["a"] = ["b": [["c": 1]]]
        #expect(o.depthBound == 4)
        o.updateValue([[[[1]]]], forKey: "a")
        #expect(o.depthBound == 5)
        let parsed = try JSON.parse(#"{"a": {"b": [{"c": [1]}]}, "d": 2}"#)
        #expect(parsed.objectValue?.depthBound == 5)
        #expect(JSONObject().depthBound == 1)
    }

    @Test func deepArraysAreAnsweredWithoutRecursingThroughThem() {
        // Far deeper than anything asldb builds, still safe to free here.
        let value = arrays(5_000)
        #expect(value.isNested(deeperThan: JSON.maximumDepth))
        #expect(!value.isNested(deeperThan: 5_000))
        #expect(!JSONPrinter.certainlyFits(value, within: 1 << 20))
        #expect(!JSONPrinter.certainlyFits(arrays(600), within: 1 << 20))
        #expect(JSONPrinter.certainlyFits(["a": arrays(40)], within: 1 << 20, depth: 41))
        #expect(!JSONPrinter.certainlyFits(["a": arrays(40)], within: 1 << 20, depth: 40))
    }

    @Test func theParserRefusesTextNestedPastTheLimitWhereItGoesTooDeep() {
        let text = String(repeating: "{\"a\":", count: 100_000) + "1" + String(repeating: "}", count: 100_000)
        #expect {
            try JSON.parse(text)
        } throws: { error in
            let failure = error as? JSONParseError
            return failure?.message == "nesting is deeper than 512 levels; flatten the document"
                && failure?.location == SourceLocation(line: 1, column: 5 * 512 + 1)
                && failure?.pointer == String(repeating: "/a", count: 512)
        }
        let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect((try? JSON.parse(deepest))?.isNested(deeperThan: 511) == true)
    }
}

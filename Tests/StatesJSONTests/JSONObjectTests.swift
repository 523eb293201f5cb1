import Testing
import StatesJSON

/// The object type the whole engine shares values through: member order, copy-on-write, the hash
/// index of large objects, and the size bound the payload limit reads.
@Suite struct JSONObjectTests {
    @Test func membersKeepTheOrderTheyWereWrittenIn() {
        var o: JSONObject = ["b": 1, "a": 2]
        o["c"] = 3
        o["b"] = 4
        #expect(Array(o.keys) == ["b", "a", "c"])
        #expect(o.values.map { $0.intValue } == [4, 2, 3])
        o.removeValue(forKey: "b")
        #expect(Array(o.keys) == ["a", "c"])
        #expect(o["b"] == nil && o["c"] == 3)
        #expect(JSONPrinter.compact(.object(o)) == #"{"a":2,"c":3}"#)
    }

    @Test func aChangedCopyLeavesTheOriginalAlone() {
        let original: JSONObject = ["x": 1, "nested": ["y": 2]]
        var copy = original
        #expect(copy.isIdentical(to: original))
        copy["x"] = 10
        copy.setValue("changed", at: 1)
        copy["added"] = true
        #expect(original == ["x": 1, "nested": ["y": 2]])
        #expect(copy == ["x": 10, "nested": "changed", "added": true])
        #expect(!copy.isIdentical(to: original))
    }

    @Test func largeObjectsFindEveryKeyAfterGrowingAndShrinking() {
        var o = JSONObject()
        for i in 0..<200 { o["key\(i)"] = .int(i) }
        let snapshot = o
        for i in stride(from: 0, to: 200, by: 3) { o.removeValue(forKey: "key\(i)") }
        for i in 0..<200 {
            #expect(o["key\(i)"] == (i % 3 == 0 ? nil : .int(i)), "key\(i)")
            #expect(snapshot["key\(i)"] == .int(i))
        }
        #expect(o.count == 200 - 67)
        #expect(o.index(forKey: "key1") == 0 && o.index(forKey: "key2") == 1)
    }

    @Test func equalityIgnoresMemberOrderAsJSONDoes() {
        let a: JSONObject = ["a": 1, "b": [1, 2]]
        let b: JSONObject = ["b": [1, 2], "a": 1]
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(a != ["a": 1, "b": [2, 1]])
    }

    @Test func buildingFromAnotherObjectsKeysStopsCleanlyWhenAValueFails() {
        struct Refused: Error {}
        let skeleton: JSONObject = ["first": nil, "second": nil, "third": nil]
        let built = JSONObject(keysOf: skeleton) { .int($0 * 10) }
        #expect(built == ["first": 0, "second": 10, "third": 20])
        #expect(throws: Refused.self) {
            _ = try JSONObject(keysOf: skeleton) { (i) throws(Refused) -> JSON in
                if i == 2 { throw Refused() }
                return ["made": .int(i)]
            }
        }
    }

    @Test func theFixedOffsetsMatchWhereTheBufferKeepsItsParts() {
        #expect(JSONObject.checkLayout())
    }

    /// The payload limit trusts `certainlyFits`: it must never say yes to a value that prints
    /// longer than the limit, however the value was built or changed.
    @Test(arguments: [3, 5, 21] as [UInt64])
    func theSizeBoundNeverFallsBelowThePrintedSize(seed: UInt64) {
        var random = RandomJSON(seed: seed)
        for _ in 0..<300 {
            var value = random.value()
            if case .object(var o) = value, !o.isEmpty {
                // Changed in place and by copy, the bound follows.
                o.setValue(random.value(), at: 0)
                o["extra"] = random.value()
                if let last = o.keys.last { o.removeValue(forKey: last) }
                value = .object(o)
            }
            let size = JSONPrinter.compactByteCount(value)
            if case .object(let o) = value { #expect(o.sizeBound >= size, "seed \(seed): \(JSONPrinter.compact(value))") }
            #expect(!JSONPrinter.certainlyFits(value, within: size - 1), "seed \(seed): \(JSONPrinter.compact(value))")
        }
    }

    @Test func smallValuesFitWithoutBeingMeasured() {
        let o: JSON = ["id": "o-1", "items": [1, 2, 3], "nested": ["flag": true]]
        #expect(JSONPrinter.certainlyFits(o, within: 1000))
        // A long string is bounded at six bytes per UTF-8 byte, as if every one were escaped.
        let long = JSON.string(String(repeating: "a", count: 100))
        #expect(!JSONPrinter.certainlyFits(["s": long], within: 500))
        #expect(JSONPrinter.certainlyFits(["s": long], within: 700))
    }
}

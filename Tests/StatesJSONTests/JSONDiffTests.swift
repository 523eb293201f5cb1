import Testing
import StatesJSON

@Suite struct JSONDiffTests {
    @Test func reportsAddedRemovedAndChangedPaths() throws {
        let old: JSON = ["order": ["id": 7, "items": ["a", "b", "c"], "paid": false], "note": "x"]
        let new: JSON = ["order": ["id": 7, "items": ["a", "B"], "paid": true, "total": 12.5], "tags": []]
        let diff = JSONDiff(from: old, to: new)
        #expect(diff.changes.map(\.description) == [
            #"~ /order/items/1: "b" -> "B""#,
            #"- /order/items/2: "c""#,
            "~ /order/paid: false -> true",
            "+ /order/total: 12.5",
            #"- /note: "x""#,
            "+ /tags: []",
        ])
        #expect(try diff.apply(to: old) == new)
    }

    @Test func arraysCompareByIndex() throws {
        let diff = JSONDiff(from: [1, 2], to: [0, 1, 2])
        #expect(diff.changes.map(\.description) == ["~ /0: 1 -> 0", "~ /1: 2 -> 1", "+ /2: 2"])
        let shrink = JSONDiff(from: [1, 2, 3, 4], to: [1])
        #expect(shrink.changes.map(\.pointer) == ["/3", "/2", "/1"])
        #expect(try shrink.apply(to: [1, 2, 3, 4]) == [1])
    }

    @Test func equalValuesHaveNoChanges() throws {
        let v = try JSON.parse(#"{"a":{"b":[1,2,{"c":null}]},"d":1}"#)
        var w = v
        #expect(JSONDiff(from: v, to: w).isEmpty)
        #expect(JSONDiff(from: ["a": 1, "b": 2], to: ["b": 2, "a": 1]).isEmpty)
        #expect(JSONDiff(from: 1, to: 1.0).isEmpty)  // numbers compare by value
        try w.setValue("x", atPointer: "/a/b/2/c")
        #expect(JSONDiff(from: v, to: w).changes.map(\.description) == [#"~ /a/b/2/c: null -> "x""#])
    }

    @Test func typeChangesAndTheRoot() throws {
        #expect(JSONDiff(from: ["a": [1]], to: ["a": ["x": 1]]).changes.map(\.description) == [#"~ /a: [1] -> {"x":1}"#])
        let root = JSONDiff(from: "s", to: [1])
        #expect(root.changes.map(\.pointer) == [""])
        #expect(try root.apply(to: "s") == [1])
    }

    @Test func keysWithSlashesAreEscaped() throws {
        let diff = JSONDiff(from: ["a/b": 1], to: ["a/b": 2, "~": 3])
        #expect(diff.changes.map(\.pointer) == ["/a~1b", "/~0"])
        #expect(try diff.apply(to: ["a/b": 1]) == ["a/b": 2, "~": 3])
    }
}

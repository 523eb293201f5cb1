import Testing

@testable import DebuggerUI

/// The caches that keep key presses within a frame on large documents must never show
/// something other than what a fresh build would.
@Suite struct DataFlowCacheTests {
    @Test func sameTextTellsApartWhatPrintsDifferently() {
        let ab: JSON = ["a": 1, "b": 2]
        let ba: JSON = ["b": 2, "a": 1]
        #expect(ab == ba, "JSON equality ignores member order")
        #expect(!DataFlowCache.sameText(ab, ba))
        #expect(DataFlowCache.sameText(ab, ["a": 1, "b": 2]))
        #expect(!DataFlowCache.sameText(["n": 3], ["n": 3.0]))
        #expect(!DataFlowCache.sameText("\u{E9}", "e\u{301}"))
        #expect(!DataFlowCache.sameText([1, 2], [1, 2, 3]))
    }

    @Test func sameTextFollowsEditsOfSharedDocuments() {
        let original: JSON = ["orders": .array((0..<2000).map { ["id": .number(.int(Int64($0)))] }), "total": 1]
        var edited = original
        #expect(DataFlowCache.sameText(original, edited))
        if case .object(var members) = edited {
            members["total"] = 2
            edited = .object(members)
        }
        #expect(!DataFlowCache.sameText(original, edited))
        // Built again from scratch, not shared: still the same text.
        let rebuilt: JSON = ["orders": .array((0..<2000).map { ["id": .number(.int(Int64($0)))] }), "total": 1]
        #expect(DataFlowCache.sameText(original, rebuilt))
    }

    @Test func cachedTreeRowsAreTheRowsOfTheDocumentAskedFor() {
        let cache = DataFlowCache()
        let documents: [JSON] = [["a": 1, "b": 2], ["b": 2, "a": 1], ["a": 1, "b": 2], ["a": 1.0, "b": 2]]
        for document in documents {
            let cached = cache.treeRows(document, changes: [], collapsed: [])
            #expect(cached.map(\.text) == JSONTreeView(document).rows().map(\.text), "\(document)")
        }
        let folded = cache.treeRows(["a": [1, 2]], changes: [], collapsed: ["/a"])
        #expect(folded.map(\.text) == JSONTreeView(["a": [1, 2]], collapsed: ["/a"]).rows().map(\.text))
    }

    @Test func previewPrintsSmallValuesWholeAndCutsLargeOnesOnACharacter() {
        #expect(JSONPreview.compact(["a": [1, "x"]]) == #"{"a":[1,"x"]}"#)
        let big: JSON = ["names": .array((0..<500).map { .string("名前\($0)") })]
        let whole = JSONPrinter.compact(big)
        for limit in [10, 11, 12, 100, 1024] {
            let preview = JSONPreview.compact(big, limit: limit)
            #expect(preview.hasSuffix("…"))
            let cut = String(preview.dropLast())
            #expect(whole.hasPrefix(cut), "limit \(limit): \(cut)")
            #expect(cut.utf8.count <= limit && cut.utf8.count > limit - 3)
        }
    }

    @Test func inspectorShowsAHugeInputAsOneShortRow() {
        let input: JSON = ["orders": .array((0..<5000).map { ["id": .number(.int(Int64($0))), "note": "deliver after noon"] })]
        let machine = DefinitionLoader.load(text: #"{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}"#).machine!
        var session = DebugSession(SessionSetup(definition: machine, input: input))
        _ = session.step()
        let rows = InspectorRows(session: session).build().map { $0.spans.map(\.text).joined() }
        let row = rows.first { $0.contains("$$.Execution.Input") }
        #expect(row.map { $0.utf8.count < 1200 && $0.hasSuffix("…") } == true, "\(rows)")
    }
}

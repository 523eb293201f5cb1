import Testing
import StatesJSON

@Suite struct JSONSizeMemoTests {
    /// A document and its edited successors share most of their storage, as a state's input and
    /// output do: the remembered sizes must never leak from one version into another.
    @Test(arguments: [3, 5, 8] as [UInt64])
    func remembersSizesOnlyOfUnchangedParts(seed: UInt64) {
        var random = RandomJSON(seed: seed)
        var memo = JSONSizeMemo()
        let items = JSON.array((0..<40).map { _ in random.value(depth: 3) })
        var members = JSONObject()
        for i in 0..<20 { members["k\(i)"] = random.value(depth: 2) }
        var document: JSON = ["items": items, "wide": .object(members), "n": 0]
        for round in 0..<200 {
            #expect(memo.compactByteCount(document) == JSONPrinter.compactByteCount(document), "seed \(seed) round \(round)")
            guard case .object(var top) = document else { return }
            switch round % 4 {
            case 0:
                // Replace one item: a new array that differs from the remembered one in one place.
                if case .array(var list)? = top["items"] {
                    list[round % list.count] = random.value(depth: 3)
                    top["items"] = .array(list)
                }
            case 1:
                top["n"] = .int(round)
            case 2:
                if case .object(var wide)? = top["wide"] {
                    wide["k\(round % 20)"] = random.mutate(wide["k\(round % 20)"] ?? .null)
                    top["wide"] = .object(wide)
                }
            default:
                // Wrap and unwrap, as `Parameters: {"wrapped.$": "$"}` and `OutputPath: $.wrapped` do.
                top = ["wrapped": document]
                top = top["wrapped"]?.objectValue ?? top
            }
            document = .object(top)
        }
    }
}

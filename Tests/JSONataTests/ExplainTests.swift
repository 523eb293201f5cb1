import StatesJSON
import Testing
@testable import JSONata

/// `explain` shows each sub-expression as written beside the value it had.
@Suite struct ExplainTests {
    let input: JSON = ["n": 3, "i": 1, "meta": ["src": "bench"], "orders": [["id": "a", "total": 5], ["id": "b", "total": 12]]]

    func explain(_ expression: String) throws -> JSONataExplanation {
        try JSONataExpression(expression).explain(input: input)
    }

    /// Every step, depth first, as `source → shown`.
    func flat(_ e: JSONataExplanation) -> [String] {
        var out: [String] = []
        func walk(_ s: JSONataExplanation.Step) {
            out.append(s.source + " → " + s.shown)
            s.children.forEach(walk)
        }
        walk(e.root)
        return out
    }

    @Test func eachOperandShowsItsTextAndValue() throws {
        let e = try explain("meta.src & ' step ' & (i + 1)")
        #expect(e.result == "bench step 2")
        #expect(flat(e) == [
            "meta.src & ' step ' & (i + 1) → \"bench step 2\"",
            "meta.src & ' step ' → \"bench step \"",
            "meta.src → \"bench\"", "meta → {\"src\":\"bench\"}", "src → \"bench\"",
            "' step ' → \" step \"",
            "(i + 1) → 2", "i + 1 → 2", "i → 1", "1 → 1",
        ])
    }

    @Test func aBranchNotTakenIsMarkedSo() throws {
        let e = try explain("i > 2 ? 'big' : 'small'")
        #expect(flat(e) == ["i > 2 ? 'big' : 'small' → \"small\"", "i > 2 → false", "i → 1", "2 → 2",
                            "'big' → not evaluated", "'small' → \"small\""])
    }

    @Test func stepsEvaluatedPerItemCountTheirEvaluations() throws {
        let e = try explain("orders[total > 10].id")
        #expect(e.result == "b")
        let filter = try #require(e.root.children.first?.children.first)
        #expect(filter.source == "total > 10")
        #expect(filter.evaluations == 2)
        #expect(filter.value == false, "the first item's verdict")
        #expect(e.lines()[2] == "│  └─ total > 10  → false  (×2, the first shown)")
    }

    @Test func callsReachToTheirClosingBracket() throws {
        let e = try explain("$sum(orders.total) + $count(orders)")
        #expect(e.root.children.map(\.source) == ["$sum(orders.total)", "$count(orders)"])
        #expect(e.root.children.map(\.shown) == ["17", "2"])
    }

    @Test func aFailureKeepsTheStepsUpToIt() throws {
        let e = try explain("meta.src + 1")
        #expect(e.error?.code == "T2001")
        #expect(e.result == nil)
        #expect(flat(e).contains("meta.src → \"bench\""))
    }

    @Test func explainingChangesNoResult() throws {
        for source in ["orders.total", "$merge([$, {'x': n}])", "orders^(>total).id", "orders{id: total}", "[1,2,3][$ > 1]"] {
            let expression = try JSONataExpression(source)
            #expect(expression.explain(input: input).result == (try expression.evaluate(input: input)), "\(source)")
        }
    }
}

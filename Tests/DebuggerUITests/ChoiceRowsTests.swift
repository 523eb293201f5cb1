import Testing
@testable import DebuggerUI

/// A Choice says why it took its branch: every rule with its value at this moment and the
/// values it compared, JSONPath and JSONata alike; selecting it in the graph gives each edge's
/// whole label.
@Suite struct ChoiceRowsTests {
    static func choiceRows(_ app: DebuggerApp) -> [String] {
        let rows = app.dataFlowText
        guard let start = rows.firstIndex(where: { $0.contains("Choices  tried in order") }) else { return [] }
        return Array(rows[start...])
    }

    @Test func eachJSONPathRuleShowsWhetherItHoldsAndWhatItRead() throws {
        var app = try AppHarness.app("choice", testCase: nil)
        app.press(.char("s"), .char("s"))
        let rows = Self.choiceRows(app)
        #expect(rows.count > 6, "\(app.dataFlowText)")
        let text = rows.joined(separator: "\n")
        #expect(text.contains("✗ Choices[0] → ExpressDomestic"))
        #expect(text.contains("And($.total > 100, $.country == \"ES\")  false"))
        #expect(text.contains("$.country == \"ES\"  false  $.country is \"FR\""))
        #expect(text.contains("✓ Choices[1] → ExpressInternational  taken"))
        #expect(text.contains("$.total > 100  true  $.total is 150"))
        #expect(text.contains("· Choices[2] → ApplyCoupon  not tried"))
        #expect(text.contains("IsPresent $.coupon  false  $.coupon is nothing"))
        #expect(text.contains("Default → Standard  only when no rule is true"))
    }

    @Test func aJSONataConditionShowsItsValue() throws {
        var app = try AppHarness.app("order-processing-jsonata", testCase: "HappyPath")
        for _ in 0..<40 where !Self.choiceRows(app).contains(where: { $0.contains("Choices[0]") }) && !app.session.current.isFinished {
            app.press(.char("s"))
        }
        let text = Self.choiceRows(app).joined(separator: "\n")
        #expect(text.contains("$total <= 0  false"), "\(text)")
        #expect(text.contains("taken: no rule is true"))
    }

    @Test func selectingAChoiceInTheGraphGivesEveryEdgesWholeLabel() throws {
        var app = try AppHarness.app("choice", testCase: nil)
        app.press(.char("c"))
        app.press(.home)
        #expect(app.selectedState == "RouteOrder")
        #expect(app.message.contains("[0] And($.total > 100, $.country == \"ES\") → ExpressDomestic"))
        #expect(app.message.contains("[1] $.total > 100 → ExpressInternational (taken)"))
        #expect(app.message.contains("Default → Standard"))
    }
}

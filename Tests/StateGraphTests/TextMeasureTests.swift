@testable import StateGraph
import StatesLanguage
import Testing

@Suite struct TextMeasureTests {
    @Test(arguments: [
        ("ShipOrder", 9), ("注文", 4), ("🚚", 2), ("e\u{301}", 1), ("👨‍👩‍👧", 2), ("🇯🇵", 2), ("ｶﾅ", 2), ("ＡＢ", 4), ("", 0),
    ])
    func cellWidths(text: String, cells: Int) {
        #expect(cellWidth(text) == cells)
    }

    @Test func truncationCountsCellsNotCharacters() {
        #expect(truncated("注文を確認する", toCells: 6) == "注文…")
        #expect(truncated("short", toCells: 10) == "short")
        #expect(cellWidth(truncated("PaymentProcessingError", toCells: 10)) == 10)
    }

    @Test func controlCharactersAreEscaped() {
        #expect(sanitized("a\u{1B}[2Jb\n") == "a\\u001B[2Jb\\n")
    }

    @Test func longNamesWrapAtWordOrCamelCaseBoundaries() {
        #expect(StateBox.wrap("Describe StackSet Function", innerLimit: 20) == ["Describe StackSet", "Function"])
        #expect(StateBox.wrap("NotifyCustomerAboutFailedPayment", innerLimit: 20) == ["NotifyCustomerAbout", "FailedPayment"])
        #expect(StateBox.wrap("x".padding(50), innerLimit: 20)[1].hasSuffix("…"))
        #expect(StateBox.wrap("Short", innerLimit: 20) == ["Short"])
    }
}

@Suite struct EdgeLabelTests {
    @Test func comparisonsReadAsExpressions() {
        #expect(EdgeLabel.text(for: compare("$.total", "NumericGreaterThan", 100)) == "$.total > 100")
        #expect(EdgeLabel.text(for: compare("$.total", "NumericLessThanEquals", 1.5)) == "$.total <= 1.5")
        #expect(EdgeLabel.text(for: compare("$.status", "StringEquals", "DONE")) == "$.status == \"DONE\"")
        #expect(EdgeLabel.text(for: compare("$.a", "NumericEqualsPath", "$.b")) == "$.a == $.b")
        #expect(EdgeLabel.text(for: compare("$.name", "StringMatches", "log-*")) == "$.name ~ \"log-*\"")
        #expect(EdgeLabel.text(for: compare("$.when", "TimestampGreaterThanEquals", "2024-01-01T00:00:00Z"))
                == "$.when >= \"2024-01-01T00:00:00Z\"")
    }

    @Test func typeTestsAndLogic() {
        #expect(EdgeLabel.text(for: compare("$.x", "IsPresent", true)) == "IsPresent $.x")
        #expect(EdgeLabel.text(for: compare("$.x", "IsNull", false)) == "!IsNull $.x")
        let both: ChoiceCondition = .and([compare("$.a", "BooleanEquals", true), .not(compare("$.b", "IsPresent", true))])
        #expect(EdgeLabel.text(for: both) == "And($.a == true, Not(IsPresent $.b))")
        #expect(EdgeLabel.text(for: .jsonata("{% $states.input.total\n   > 100 %}")) == "$states.input.total > 100")
    }

    @Test func catchLabelsListTheErrors() {
        #expect(EdgeLabel.text(forErrors: ["States.Timeout", "States.TaskFailed"]) == "States.Timeout, States.TaskFailed")
    }
}

private extension String {
    func padding(_ n: Int) -> String { String(repeating: self, count: n) }
}

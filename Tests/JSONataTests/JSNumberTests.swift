import Testing
@testable import JSONata

/// Numbers print as JavaScript prints them, which is what users of JSONata see.
@Suite struct JSNumberTests {
    @Test(arguments: [
        (1e21, "1e+21"), (1e20, "100000000000000000000"), (0.1 + 0.2, "0.30000000000000004"),
        (3.0, "3"), (-0.0, "0"), (1.5e-7, "1.5e-7"), (0.000001, "0.000001"), (123.456, "123.456"),
        (-2.5e-10, "-2.5e-10"), (Double.leastNonzeroMagnitude, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"),
        (9_007_199_254_740_992, "9007199254740992"), (123456789012345680000.0, "123456789012345680000"),
    ] as [(Double, String)])
    func printsLikeJavaScript(value: Double, text: String) {
        #expect(JSNumber.string(value) == text)
    }

    @Test func errorMessagesFillTheirInserts() {
        let e = JSONataError("T2001", position: 3, token: "+")
        #expect(e.description == "T2001: The left side of the \"+\" operator must evaluate to a number")
        let d = JSONataError("D3030", value: .string("abc"))
        #expect(d.message == "Unable to cast value to a number: \"abc\"")
        #expect(JSONataError("T1005", token: "sum").message == "Attempted to invoke a non-function. Did you mean $sum?")
    }
}

import Testing
import StepDebugger

/// Each sample's trace, as a person reading `asldb trace` sees it, against its golden file.
@Suite struct TraceGoldenTests {
    struct Case: CustomStringConvertible, Sendable {
        var golden: String
        var folder: String
        var testCase: String?
        var inject: [String] = []
        var input = "input.json"
        var description: String { golden }
    }

    static let cases: [Case] = [
        Case(golden: "order-happy-path.trace", folder: "order-processing", testCase: "HappyPath"),
        Case(golden: "order-payment-retries-then-succeeds.trace", folder: "order-processing", testCase: "PaymentRetriesThenSucceeds"),
        Case(golden: "order-payment-always-fails.trace", folder: "order-processing", testCase: "PaymentAlwaysFails"),
        Case(golden: "order-payment-declined.trace", folder: "order-processing", testCase: "PaymentDeclined"),
        Case(golden: "order-validation-fails.trace", folder: "order-processing", testCase: "ValidationFails",
             input: "input-empty-order.json"),
        Case(golden: "order-injected-processing-error.trace", folder: "order-processing", testCase: "HappyPath",
             inject: ["ProcessPayment=PaymentProcessingError"]),
        Case(golden: "order-injected-payment-failed.trace", folder: "order-processing", testCase: "PaymentAlwaysFails",
             inject: ["ProcessPayment=PaymentFailedError:card declined"]),
        Case(golden: "order-jsonata-happy-path.trace", folder: "order-processing-jsonata", testCase: "HappyPath"),
        Case(golden: "order-jsonata-payment-retries.trace", folder: "order-processing-jsonata", testCase: "PaymentRetriesThenSucceeds"),
        Case(golden: "order-jsonata-payment-declined.trace", folder: "order-processing-jsonata", testCase: "PaymentDeclined"),
        Case(golden: "order-jsonata-empty-order.trace", folder: "order-processing-jsonata", testCase: "HappyPath",
             input: "input-empty-order.json"),
        Case(golden: "jsonata-variables.trace", folder: "jsonata-variables"),
        Case(golden: "data-flow.trace", folder: "data-flow", testCase: "Default"),
        Case(golden: "choice.trace", folder: "choice"),
        Case(golden: "wait.trace", folder: "wait"),
        Case(golden: "parallel.trace", folder: "parallel"),
        Case(golden: "map.trace", folder: "map"),
        Case(golden: "intrinsics.trace", folder: "intrinsics"),
        Case(golden: "variables.trace", folder: "variables"),
        Case(golden: "retry-backoff.trace", folder: "retry-backoff", testCase: "Default"),
        Case(golden: "catch-resultpath.trace", folder: "catch-resultpath", testCase: "Declined"),
    ]

    @Test(arguments: cases) func traceMatchesGolden(_ c: Case) throws {
        var session = try Samples.session(c.folder, input: c.input, testCase: c.testCase)
        for spec in c.inject { try session.arm(spec) }
        let text = TraceWriter().trace(&session, title: session.setup.definition.comment ?? c.folder)
        let expected = Golden.expected(c.golden, actual: text)
        if Golden.recording { return }
        #expect(expected != nil, "missing golden \(c.golden): run with ASLDB_RECORD_GOLDENS=1")
        #expect(text == expected)
    }

    @Test func colourIsOnlyAddedWhenAskedFor() throws {
        var plain = try Samples.order()
        var coloured = try Samples.order()
        let a = TraceWriter().trace(&plain, title: "t")
        let b = TraceWriter(style: TextStyle(enabled: true)).trace(&coloured, title: "t")
        #expect(!a.contains("\u{1B}["))
        #expect(b.contains("\u{1B}[1m"))
    }
}

import Testing
@testable import CommandLineSupport
import StatesEngine

/// `asldb trace` / `asldb run --format trace` on the article's workflow, as the issue describes it.
@Suite struct TraceCommandTests {
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/samples/order-processing/"
    }()

    func trace(testCase: String = "HappyPath", inject: [String]) -> RunInvocation.Outcome {
        RunInvocation(definition: Self.root + "order-processing.asl.json", input: Self.root + "input.json",
                      mockConfig: Self.root + "mock-config.json", testCase: testCase, format: .trace, inject: inject).run()
    }

    @Test func anInjectedProcessingErrorRetriesFourTimesAndFails() {
        let outcome = trace(inject: ["ProcessPayment=PaymentProcessingError"])
        #expect(outcome.exitCode == ExitStatus.failed)
        let attempts = outcome.output.split(separator: "\n").filter { $0.contains("attempt") && $0.contains("LambdaFunctionScheduled") }
        #expect(attempts.suffix(4).map { String($0.prefix(9).filter { $0 != " " }) } == ["+0.000s", "+5.000s", "+15.000s", "+35.000s"])
        #expect(outcome.output.contains("no catcher matches PaymentProcessingError (Catch[0] wants [PaymentFailedError])"))
        #expect(outcome.output.contains("ExecutionFailed"))
        #expect(!outcome.output.contains("\u{1B}["), "plain when not asked for colour")
    }

    @Test func anInjectedPaymentFailedErrorIsCaughtIntoNotifyOrderError() {
        let outcome = trace(testCase: "PaymentAlwaysFails", inject: ["ProcessPayment=PaymentFailedError:card declined"])
        #expect(outcome.exitCode == ExitStatus.ok)
        #expect(outcome.output.contains("Catch[0] [PaymentFailedError] catches it → NotifyOrderError"))
        let notify = outcome.output.components(after: "▶ NotifyOrderError")
        #expect(notify.contains("\"Error\": \"PaymentFailedError\""))
        #expect(notify.contains("\"Cause\": \"card declined\""))
    }

    @Test func aBadInjectionSaysWhatToWrite() {
        let outcome = trace(inject: ["ProcessPayment"])
        #expect(outcome.exitCode == ExitStatus.usage)
        #expect(outcome.errors.first?.contains("STATE=ERROR[:CAUSE][@ATTEMPTS]") == true)
        let unknown = trace(inject: ["Pay=X"])
        #expect(unknown.errors.first?.contains("no state named 'Pay'") == true)
    }

    @Test func aTaskWithoutAMockStopsWithAnExplanation() {
        let outcome = RunInvocation(definition: Self.root + "order-processing.asl.json", format: .trace).run()
        #expect(outcome.exitCode == ExitStatus.usage)
        #expect(outcome.errors.first?.contains("ValidateOrder") == true)
        #expect(outcome.output.contains("the execution stopped before its end"))
    }

    @Test func theTraceSubcommandParsesInjections() throws {
        let command = try TraceCommand.parse(["d.json", "--inject", "A=B@0-1", "--inject", "C=D", "--seed", "3"])
        #expect(command.inject == ["A=B@0-1", "C=D"])
        #expect(command.seed == 3)
        #expect(throws: (any Error).self) { try TraceCommand.parse(["d.json", "--mock-config", "m.json"]) }
    }
}

extension String {
    func components(after marker: String) -> String {
        let parts = split(separator: marker, maxSplits: 1, omittingEmptySubsequences: false)
        return parts.count == 2 ? String(parts[1]) : ""
    }
}

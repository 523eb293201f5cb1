import Testing
import StepDebugger

/// Error injection and data edits at a pause, and how they flow through Retry and Catch.
@Suite struct InjectionAndEditTests {
    @Test func injectedErrorsOnTheFirstTwoAttemptsAreRetriedThenTheMockAnswers() throws {
        var session = try Samples.order("PaymentRetriesThenSucceeds")
        try session.arm("ProcessPayment=ServiceUnavailable:maintenance@0-1")
        let end = session.continueRunning()
        #expect(end.reason == .finished(.succeeded))
        let failures = session.history.all.filter { $0.type.rawValue == "LambdaFunctionFailed" }
        #expect(failures.map { $0.details?["error"]?.stringValue } == ["ServiceUnavailable", "ServiceUnavailable"])
        #expect(end.elapsed == 15_000)
    }

    @Test func anInjectedCatchableErrorGoesToTheCatcher() throws {
        var session = try Samples.order("PaymentAlwaysFails")
        try session.arm(Injection(state: "ProcessPayment", error: "PaymentFailedError", cause: "card declined"))
        let pause = try session.run(to: "NotifyOrderError")
        #expect(pause.event?.details?["input"] == ["Error": "PaymentFailedError", "Cause": "card declined"])
    }

    @Test func injectNowFailsTheStateAtThePause() throws {
        var session = try Samples.order("PaymentAlwaysFails")
        try session.addBreakpoint("enter:ProcessPayment")
        _ = session.continueRunning()
        let pause = try session.injectNow(error: "PaymentFailedError")
        #expect(pause.event?.type.rawValue == "LambdaFunctionFailed")
        #expect(pause.visit?.errorDetails?.catchIndex == 0)
        #expect(session.continueRunning().reason == .finished(.succeeded))
        #expect(session.history.all.contains { $0.stateName == "NotifyOrderError" })
    }

    @Test func timeoutsAndNextNAttempts() throws {
        var session = try Samples.order("PaymentRetriesThenSucceeds")
        try session.arm(Injection.timeout(state: "ValidateOrder"))
        #expect(session.continueRunning().reason == .finished(.failed))
        #expect(session.current.failure?.error == "States.Timeout")
        #expect(session.history.all.contains { $0.type.rawValue == "LambdaFunctionTimedOut" })

        var again = try Samples.order()
        try again.armNext(1, state: "ShipOrder", error: "States.TaskFailed")
        #expect(again.continueRunning().reason == .finished(.failed))
    }

    @Test func injectNowOnARetryingStateShowsTheBackOff() throws {
        var session = try Samples.order("PaymentRetriesThenSucceeds")
        _ = try session.run(to: "ProcessPayment")
        let pause = try session.injectNow(error: "States.HeartbeatTimeout")
        #expect(pause.event?.type.rawValue == "LambdaFunctionTimedOut")
        #expect(pause.visit?.errorDetails?.isUnhandled == true, "no retrier or catcher names States.HeartbeatTimeout")
        #expect(throws: SessionError.self) { try session.injectNow(error: "X") }
    }

    @Test func suggestedErrorsComeFromRetryAndCatchFirst() throws {
        let session = try Samples.order()
        #expect(session.suggestedErrors(for: "ProcessPayment") == [
            "PaymentProcessingError", "ServiceUnavailable", "PaymentFailedError", "States.TaskFailed", "States.Timeout", "States.HeartbeatTimeout",
        ])
    }

    @Test func badInjectionSpecsSayWhatToWrite() throws {
        var session = try Samples.order()
        for (spec, fragment) in [("ProcessPayment", "no '='"), ("Nowhere=X", "no state named 'Nowhere'"),
                                 ("ProcessPayment=X@2-1", "not an attempt"), ("ProcessPayment=@1", "error name is empty"),
                                 ("ProcessPayment=X@a", "not an attempt")] {
            do {
                try session.arm(spec)
                Issue.record("\(spec) was accepted")
            } catch {
                #expect(error.description.contains(fragment), "\(error.description)")
            }
        }
        #expect(session.injections.isEmpty)
        var choice = try Samples.session("choice")
        #expect(throws: SessionError.self) { try choice.arm("RouteOrder=X") }
    }

    @Test func editingTheInputAtAChoiceChangesTheBranchTaken() throws {
        var session = try Samples.session("choice")
        _ = session.step()
        _ = try session.editInput(#"{"total": 20, "coupon": "SPRING"}"#)
        _ = session.continueRunning()
        #expect(session.current.output == ["total": 20, "coupon": "SPRING", "shipping": "standard-with-coupon"])
    }

    @Test func editingAVariableChangesWhatLaterStatesSee() throws {
        var session = try Samples.session("variables")
        _ = try session.run(to: "Discount")
        _ = try session.editVariable("total", "100")
        _ = session.continueRunning()
        #expect(session.current.output == ["customer": "c-42", "total": 95, "attempts": 1])
    }

    @Test func malformedEditsChangeNothing() throws {
        var session = try Samples.session("choice")
        _ = session.step()
        do {
            _ = try session.editInput("{\"total\": }")
            Issue.record("malformed JSON was accepted")
        } catch {
            #expect(error.description.contains("line 1"))
            #expect(error.description.contains("nothing was changed"))
        }
        let huge = "{\"blob\": \"" + String(repeating: "x", count: 300_000) + "\"}"
        #expect(throws: SessionError.self) { try session.editInput(huge) }
        _ = session.continueRunning()
        #expect(session.current.output?["shipping"] == "express-intl")
    }

    @Test func anEditDropsTheRecordedFuture() throws {
        var session = try Samples.session("choice")
        _ = session.continueRunning()
        let recorded = session.recordedEvents
        _ = try session.jump(toEvent: 2)
        _ = try session.editInput(#"{"total": 1}"#)
        #expect(session.recordedEvents == 2)
        _ = session.continueRunning()
        #expect(session.recordedEvents == recorded)
        #expect(session.current.output?["shipping"] == "standard")
    }
}

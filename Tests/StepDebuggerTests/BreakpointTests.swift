import Testing
import StepDebugger

/// Breakpoints as a user sets them: on states, errors, retries, catches and conditions.
@Suite struct BreakpointTests {
    @Test func continueStopsAtAnEnterBreakpointAndThenRunsToTheEnd() throws {
        var session = try Samples.order()
        let bp = try session.addBreakpoint("enter:ProcessPayment")
        let pause = session.continueRunning()
        #expect(pause.reason == .breakpoint([bp.id]))
        #expect(pause.visit?.stateName == "ProcessPayment")
        #expect(session.continueRunning().reason == .finished(.succeeded))
    }

    @Test func exitBreakpointShowsTheFinishedVisit() throws {
        var session = try Samples.order()
        try session.addBreakpoint("exit:ValidateOrder")
        let pause = session.continueRunning()
        #expect(pause.visit?.finished == true)
        #expect(pause.visit?.next == "ProcessPayment")
    }

    @Test func retryBreakpointReportsTheRetrierAndTheBackOff() throws {
        var session = try Samples.order("PaymentAlwaysFails")
        try session.addBreakpoint("retry")
        var delays: [Int64] = []
        var times: [Int64] = []
        while case .breakpoint = session.continueRunning().reason {
            let details = try #require(session.pause(.step).visit?.errorDetails)
            #expect(details.retrierIndex == 0)
            delays.append(details.delayMilliseconds ?? -1)
            times.append(session.pause(.step).elapsed)
        }
        #expect(delays == [5_000, 10_000, 20_000])
        #expect(times == [0, 5_000, 15_000], "each pause is at the time of the failed attempt")
        #expect(session.current.status == .failed)
    }

    @Test func errorBreakpointExplainsThatNoCatcherMatches() throws {
        var session = try Samples.order("PaymentAlwaysFails")
        try session.addBreakpoint("error:PaymentProcessingError")
        var pause = session.continueRunning()
        for _ in 0..<3 { pause = session.continueRunning() }
        let visit = try #require(pause.visit)
        let details = try #require(visit.errorDetails)
        #expect(details.isUnhandled)
        let lines = session.errorExplanation(for: visit, at: try #require(pause.event))
        #expect(lines.contains("no catcher matches PaymentProcessingError (Catch[0] wants [PaymentFailedError])"))
        #expect(lines.last == "→ the execution FAILS")
    }

    @Test func catchBreakpointShowsTheCatcherAndTheNextStateInput() throws {
        var session = try Samples.order("PaymentDeclined")
        try session.addBreakpoint("catch")
        let pause = session.continueRunning()
        #expect(pause.visit?.errorDetails?.catchIndex == 0)
        #expect(session.step().event?.type.rawValue == "TaskStateExited")
        let entered = session.step()
        #expect(entered.visit?.stateName == "NotifyOrderError")
        #expect(entered.event?.details?["input"] == ["Error": "PaymentFailedError", "Cause": "card declined: insufficient funds"])
    }

    @Test func conditionBreakpointTestsTheStateInput() throws {
        var session = try Samples.session("variables")
        try session.addBreakpoint("if:$.discounted > 30")
        let pause = session.continueRunning()
        #expect(pause.visit?.stateName == "Summary")
    }

    @Test func disabledBreakpointsDoNotStop() throws {
        var session = try Samples.order()
        let bp = try session.addBreakpoint("enter:ShipOrder")
        try session.setBreakpoint(bp.id, enabled: false)
        #expect(session.continueRunning().reason == .finished(.succeeded))
        #expect(session.breakpoints.map(\.spec) == ["enter:ShipOrder"])
    }

    @Test func badBreakpointsSayWhatToWrite() throws {
        var session = try Samples.order()
        #expect(throws: SessionError.self) { try session.addBreakpoint("enter:Nowhere") }
        do {
            try session.addBreakpoint("if:$.total >")
            Issue.record("a malformed condition was accepted")
        } catch {
            #expect(error.description.hasPrefix("condition '$.total >', column"))
            #expect(error.description.contains("$.order.total > 100"))
        }
        do {
            try session.addBreakpoint("stop here")
            Issue.record("a malformed breakpoint was accepted")
        } catch {
            #expect(error.description.contains("enter:STATE"))
        }
        #expect(throws: SessionError.noSuchBreakpoint(9)) { try session.setBreakpoint(9, enabled: true) }
        #expect(session.breakpoints.isEmpty)
    }
}

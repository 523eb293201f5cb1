import Testing
@testable import StepDebugger

/// The per-event progress the debugger lights the graph with: what was visited, what failed and
/// which transitions were taken, at every moment, and still right after the future is dropped.
@Suite struct ProgressTests {
    @Test func progressFollowsTheExecutionAndItsCatch() throws {
        var session = try Samples.order("PaymentDeclined")
        _ = session.continueRunning()
        let end = session.progress(at: session.cursor)
        #expect(end.visited == ["ValidateOrder", "ProcessPayment", "NotifyOrderError"])
        #expect(end.failed == ["ProcessPayment"])
        #expect(end.transitions == [Progress.Transition(from: "ValidateOrder", to: "ProcessPayment"),
                                    Progress.Transition(from: "ProcessPayment", to: "NotifyOrderError")])
        #expect(session.progress(at: 0) == Progress())
        // Every moment's progress is what walking the history up to it gives.
        for position in 0...session.recordedEvents {
            var walked = Progress()
            for i in 0..<position { walked = walked.after(session.history[i], level: session.level(at: i + 1)) }
            #expect(session.progress(at: position) == walked, "at event \(position)")
        }
    }

    @Test func retriesThatEndInSuccessClearTheFailure() throws {
        var session = try Samples.order("PaymentRetriesThenSucceeds")
        _ = session.continueRunning()
        #expect(session.progress(at: session.cursor).failed.isEmpty)
        #expect(session.progress(at: session.cursor).visited.contains("ShipOrder"))
    }

    @Test func anEditDropsTheProgressOfTheFutureItReplaces() throws {
        var session = try Samples.order()
        _ = session.step()
        #expect(session.current.history.last?.type.rawValue == "TaskStateEntered")
        _ = try session.editInput(#"{"orderId": "x"}"#)
        #expect(session.progress(at: session.cursor).visited == ["ValidateOrder"])
        _ = session.continueRunning()
        #expect(session.progress(at: session.cursor).visited.contains("ShipOrder"))
    }
}

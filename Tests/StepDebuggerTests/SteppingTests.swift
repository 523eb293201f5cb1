import Testing
import StepDebugger

/// Driving a session the way a user at the keyboard does: step, next, step out, back, jump.
@Suite struct SteppingTests {
    @Test func stepStopsAtEachStateEntryAndExit() throws {
        var session = try Samples.order()
        var stops: [String] = []
        for _ in 0..<6 {
            let pause = session.step()
            stops.append("\(pause.event?.type.rawValue ?? "-") \(pause.visit?.stateName ?? "-")")
        }
        #expect(stops == [
            "TaskStateEntered ValidateOrder", "TaskStateExited ValidateOrder",
            "TaskStateEntered ProcessPayment", "TaskStateExited ProcessPayment",
            "TaskStateEntered ShipOrder", "TaskStateExited ShipOrder",
        ])
        let end = session.step()
        #expect(end.reason == .finished(.succeeded))
        #expect(end.status == .succeeded)
    }

    @Test func theVisitAtAnExitShowsEveryStageWithItsExpression() throws {
        var session = try Samples.session("data-flow", testCase: "Default")
        _ = session.step()
        let pause = session.step()
        let visit = try #require(pause.visit)
        #expect(visit.stages.map(\.name) == ["input", "afterInputPath", "afterParameters", "result", "afterResultSelector", "afterResultPath", "output"])
        #expect(visit.stages.first { $0.name == "afterResultPath" }?.expression == "ResultPath: $.order.pricing")
        #expect(visit.stages.first { $0.name == "afterResultPath" }?.changes.map(\.pointer) == ["/order/pricing"])
        #expect(visit.stages.last?.value == ["sku": "BOOK-7", "qty": 2, "pricing": ["unitPrice": 12.5, "currency": "EUR"]])
    }

    @Test func steppingBackThenForwardShowsTheSameMoments() throws {
        var session = try Samples.order("PaymentRetriesThenSucceeds")
        var forward: [Int] = []
        for _ in 0..<8 { forward.append(session.step().position) }
        var backward: [Int] = []
        for _ in 0..<7 { backward.append(session.stepBack().position) }
        #expect(backward == Array(forward.dropLast().reversed()))
        let recorded = session.recordedEvents
        var again: [Int] = []
        for _ in 0..<7 { again.append(session.step().position) }
        #expect(again == Array(forward.dropFirst()))
        #expect(session.recordedEvents == recorded, "replaying recorded moments runs nothing new")
    }

    @Test func jumpGoesToAnyEventAndReportsItsVisit() throws {
        var session = try Samples.order()
        _ = session.continueRunning()
        let pause = try session.jump(toEvent: 7)
        #expect(pause.event?.id == 7)
        #expect(pause.visit?.stateName == "ProcessPayment")
        #expect(throws: SessionError.self) { try session.jump(toEvent: 500) }
    }

    @Test func nextStepsOverAMapAndStepEntersIt() throws {
        var over = try Samples.session("map")
        _ = over.step()
        let afterNext = over.next()
        #expect(afterNext.event?.type.rawValue == "MapStateExited")

        var into = try Samples.session("map")
        _ = into.step()
        let inside = into.step()
        #expect(inside.visit?.stateName == "LineTotal")
        let out = into.stepOut()
        #expect(out.event?.type == .mapIterationSucceeded)
    }

    @Test func stepOutOfAParallelBranchStopsWhereTheBranchEnds() throws {
        var session = try Samples.session("parallel")
        _ = session.step()
        #expect(session.step().visit?.stateName == "CheckStock")
        let out = session.stepOut()
        #expect(out.event?.type.rawValue == "PassStateExited")
        #expect(out.visit?.stateName == "CheckStock")
        let next = session.step()
        #expect(next.visit?.stateName == "CheckFraud")
        #expect(session.stepOut().visit?.stateName == "CheckFraud")
        #expect(session.stepOut().event?.type.rawValue == "ParallelStateExited")
    }

    @Test func restartGivesTheSameHistory() throws {
        var session = try Samples.session("retry-backoff", testCase: "Default", seed: 7)
        _ = session.continueRunning()
        let first = session.history.all.map { "\($0.id) \($0.timestamp) \($0.type)" }
        _ = session.restart()
        #expect(session.recordedEvents == 0)
        _ = session.continueRunning()
        #expect(session.history.all.map { "\($0.id) \($0.timestamp) \($0.type)" } == first)
    }

    @Test func runToStopsAtTheNamedStateAndRejectsUnknownNames() throws {
        var session = try Samples.order()
        let pause = try session.run(to: "ShipOrder")
        #expect(pause.reason == .reachedState("ShipOrder"))
        #expect(throws: SessionError.self) { try session.run(to: "ShipIt") }
        do {
            _ = try session.run(to: "ShipIt")
        } catch {
            #expect(error.description.contains("no state named 'ShipIt'"))
            #expect(error.description.contains("ProcessPayment"))
        }
    }

    @Test func aTaskNobodyAnswersPausesWithTheEngineMessage() throws {
        var session = try Samples.session("order-processing")
        let pause = session.continueRunning()
        guard case .engineError(let message) = pause.reason else {
            Issue.record("expected an engine error, got \(pause.reason)")
            return
        }
        #expect(message.contains("ValidateOrder"))
    }
}

import ScreenSnapshots
import Testing
@testable import DebuggerUI

/// The debugger's whole screen, as text plus style runs, at the moments a newcomer goes
/// through with the order-processing sample: at 80×24 and at an odd larger size.
@Suite struct DebuggerScreenTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 111, height: 37)]

    func expectScreens(_ app: DebuggerApp, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for size in Self.sizes {
            var sized = app
            _ = sized.update(.resize(size))
            expectSnapshot(sized.view(size), named: "debugger-\(name)-\(size.width)x\(size.height)", sourceLocation: sourceLocation)
        }
    }

    @Test func atTheStart() throws {
        expectScreens(try AppHarness.app(), "start")
    }

    @Test func afterEachStepOfTheHappyPath() throws {
        var app = try AppHarness.app()
        var step = 0
        while !app.session.current.isFinished && step < 12 {
            app.press(.char("s"))
            step += 1
            expectScreens(app, "happy-step\(step)")
        }
        #expect(app.session.current.status == .succeeded)
    }

    @Test func duringARetry() throws {
        var app = try AppHarness.app(testCase: "PaymentRetriesThenSucceeds")
        app.step(until: "ProcessPayment")
        // Stop at the second failure: retry 2 of 3, the back-off arithmetic on screen.
        var failures = 0
        while failures < 2 && !app.session.current.isFinished {
            app.press(.char("s"))
            if app.session.visit(at: app.session.cursor)?.errorDetails != nil && app.currentState == "ProcessPayment" { failures += 1 }
        }
        #expect(app.session.visit(at: app.session.cursor)?.attempts == 2)
        // The lesson of the moment is on screen: the retrier, the back-off arithmetic, the outcome.
        let text = app.text()
        #expect(text.contains("↻2/4"))
        #expect(text.contains("retry 2 of 3 · 5 s × 2^1 = 10 s"))
        #expect(text.contains("the execution FAILS"))
        expectScreens(app, "retry")
    }

    @Test func afterACatch() throws {
        var app = try AppHarness.app(testCase: "PaymentDeclined")
        app.step(until: "NotifyOrderError")
        expectScreens(app, "caught")
    }

    @Test func withTheHelpOverlay() throws {
        var app = try AppHarness.app()
        app.press(.char("?"))
        expectScreens(app, "help")
    }

    @Test func withTheInjectDialog() throws {
        var app = try AppHarness.app()
        app.step(until: "ProcessPayment")
        app.press(.char("e"))
        expectScreens(app, "inject")
    }

    @Test func monochromeKeepsTheCurrentStateVisible() throws {
        var app = try AppHarness.app()
        app.step(until: "ProcessPayment")
        let screen = app.view(Size(width: 80, height: 24)).degraded(to: .monochrome)
        let runs = screen.styleRuns()
        #expect(runs.contains("reverse"))
        #expect(!runs.contains("fg="))
        #expect(!runs.contains("bg="))
    }
}

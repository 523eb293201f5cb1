import Testing
@testable import DebuggerUI

/// The smaller things a newcomer trips over: the help wraps instead of cutting, `e` edits an
/// injection instead of adding one, `i` before the first state edits the execution input, a Map
/// says it is running and how far, the panel split moves, Home resets the pan, and a key that
/// does nothing says where the keys are.
@Suite struct SmallerItemsTests {
    static let size = Size(width: 80, height: 24)

    @Test func theHelpWrapsLongDescriptionsInsteadOfCuttingThem() throws {
        let rows = KeyBindings.helpRows(width: 50).map { $0.map(\.text).joined() }
        for row in rows { #expect(cellWidth(row) <= 50, "\(row)") }
        let words = rows.joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(words.contains("step into the child execution a startExecution Task starts; back out"))
        #expect(words.contains("search: graph: state names as you type; data flow: its text (folded parts open)"))
        var app = try AppHarness.app()
        app.press(.char("?"))
        #expect(!app.rows(Self.size).contains { $0.contains("…") })
        app.press(.end)
        #expect(app.text(Self.size).contains("quit"))
    }

    @Test func slashInTheHelpNarrowsItToTheKeysThatMatch() throws {
        var app = try AppHarness.app()
        app.press(.char("?"), .char("/"))
        app.type("clipboard")
        let text = app.text(Self.size)
        #expect(text.contains("asldb keys · /clipboard"))
        #expect(text.contains("copy the selected value"))
        #expect(!text.contains("step back to the previous pause"))
        app.press(.enter)
        #expect(app.overlayName == "help")
        app.press(.escape)
        #expect(app.overlayName == "help")
        #expect(app.text(Self.size).contains("step back to the previous pause"))
        app.press(.escape)
        #expect(app.overlay == nil)
    }

    @Test func eOnAStateWithAnInjectionEditsIt() throws {
        var app = try AppHarness.app()
        app.step(until: "ProcessPayment")
        app.press(.char("e"), .enter)
        #expect(app.session.injections.count == 1)
        app.press(.char("e"))
        guard case .inject(let form)? = app.overlay else { Issue.record("no dialog"); return }
        #expect(form.replacing)
        #expect(app.text(Self.size).contains("Edit the injection into ProcessPayment"))
        let armed = app.session.injections[0].error.error
        #expect(form.error.text == armed)
        app.press(.tab, .tab)
        for _ in 0..<5 { app.press(.backspace) }
        app.type("0")
        app.press(.enter)
        #expect(app.overlay == nil)
        #expect(app.session.injections.count == 1)
        #expect(app.session.injections[0].spec == "ProcessPayment=\(armed)@0")
    }

    @Test func iBeforeTheFirstStateEditsTheExecutionInput() throws {
        var app = try AppHarness.app()
        app.press(.char("i"))
        #expect(app.text(Self.size).contains("Edit the execution input"))
        for _ in 0..<400 { app.press(.backspace) }
        app.type("{\"orderId\": \"o-2\"}")
        app.press(.enter)
        #expect(app.overlay == nil)
        #expect(app.session.setup.input == ["orderId": "o-2"])
        #expect(app.message.contains("execution input changed"))
        app.press(.char("s"))
        #expect(app.session.current.history[0].details?["input"] == ["orderId": "o-2"])
    }

    @Test func aMapSaysItIsRunningAndHowManyIterationsStarted() throws {
        var app = try AppHarness.app("map", testCase: nil)
        for _ in 0..<6 where app.currentState != "LineTotal" { app.press(.char("s")) }
        #expect(app.currentState == "LineTotal")
        let marks = app.graphView().marks
        #expect(marks.running.contains("PriceLines"))
        let count = try #require(marks.iterations["PriceLines"])
        #expect(count.hasPrefix("1/"))
        let text = app.text(Size(width: 100, height: 30))
        #expect(text.contains("◐"))
        #expect(text.contains("▸" + count))
        app.press(.char("c"))
        #expect(app.graphView().marks.running.isEmpty)
        #expect(!app.text(Size(width: 100, height: 30)).contains("◐"))
    }

    @Test func thePanelSplitMovesAndASmallGraphLeavesRoomToTheDataFlow() throws {
        let size = Size(width: 120, height: 40)
        var app = try AppHarness.app("wait", testCase: nil, size: size)
        let graph = try #require(app.panelRect(.graph, size: size))
        #expect(graph.width == max(28, app.graph.width + 3), "the graph panel fits its graph")
        app.press(.char("L"))
        let wider = try #require(app.panelRect(.graph, size: size))
        #expect(wider.width == 120 * 50 / 100)
        app.press(.char("H"), .char("H"))
        #expect(try #require(app.panelRect(.graph, size: size)).width == 120 * 40 / 100)
        #expect(app.message.contains("40%"))
    }

    @Test func homeResetsTheDataFlowsHorizontalPan() throws {
        var app = try AppHarness.app()
        app.press(.tab, .char("l"), .char("l"))
        #expect(app.dataOffsetX == 16)
        app.press(.home)
        #expect(app.dataOffsetX == 0)
    }

    @Test func aKeyThatDoesNothingPointsToTheHelp() throws {
        var app = try AppHarness.app()
        app.press(.char("X"))
        #expect(app.message == "X does nothing here · ? help lists every key")
    }
}

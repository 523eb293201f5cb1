import Testing
@testable import DebuggerUI

/// Finding things: `/` on the graph finds a state by name as it is typed and brings it into
/// view, `n` and `N` walk the matches of any active search instead of stepping, a match reads
/// the same on every theme, and the timeline filters by state name or event type.
@Suite struct SearchTests {
    static let size = Size(width: 80, height: 24)

    @Test func slashOnTheGraphFindsAStateByNameAsItIsTypedAndBringsItIntoView() throws {
        var app = try GraphViewportTests.largestApp()
        app.press(.char("/"))
        app.type("delete stack instance or")
        // Selected while typing, before Enter, with any case.
        #expect(app.selectedState == "Delete Stack Instance or Finish?")
        app.press(.enter)
        #expect(app.overlay == nil)
        #expect(app.activeSearch == .states)
        #expect(app.focus == .graph)
        let graph = try GraphViewportTests.graphRows(app).joined(separator: "\n")
        #expect(graph.contains("Delete Stack"), "the box is in view:\n\(graph)")
        #expect(app.message.hasPrefix("n N next/previous"))
        // The only match: n keeps it and never steps the execution.
        app.press(.char("n"))
        #expect(app.session.cursor == 0)
        #expect(app.selectedState == "Delete Stack Instance or Finish?")
    }

    @Test func nAndCapitalNWalkTheMatchesAndEscEndsTheSearch() throws {
        var app = try GraphViewportTests.largestApp()
        app.press(.char("/"))
        app.type("stackset")
        app.press(.enter)
        let order = app.graphView().statesInReadingOrder.filter { $0.lowercased().contains("stackset") }
        #expect(order.count > 2)
        let first = try #require(app.selectedState)
        app.press(.char("n"))
        let second = try #require(app.selectedState)
        #expect(second != first)
        #expect(order.firstIndex(of: second) == (order.firstIndex(of: first)! + 1) % order.count)
        app.press(.char("N"))
        #expect(app.selectedState == first)
        app.press(.escape)
        #expect(app.activeSearch == nil)
        app.press(.char("n"))
        #expect(app.session.cursor > 0, "n steps over again once the search has ended")
    }

    @Test func escInTheBarPutsTheSelectionBackAndANameNoStateHasSaysSo() throws {
        var app = try AppHarness.app()
        let before = app.selectedState
        app.press(.char("/"))
        app.type("ship")
        #expect(app.selectedState == "ShipOrder")
        app.type("zzz")
        #expect(app.text(Self.size).contains("no state name contains this"))
        app.press(.escape)
        #expect(app.selectedState == before)
        #expect(app.activeSearch == nil)
    }

    @Test func nAfterADataSearchFindsTheNextMatchInsteadOfStepping() throws {
        var app = try AppHarness.app()
        app.press(.tab, .char("/"))
        app.type("\"")
        app.press(.enter)
        let first = try #require(app.dataList.selection)
        app.press(.char("n"))
        #expect(app.session.cursor == 0)
        let second = try #require(app.dataList.selection)
        #expect(second > first)
        app.press(.char("N"))
        #expect(app.dataList.selection == first)
    }

    @Test func aMatchIsReverseBoldOnTheSelectedRowToo() throws {
        var app = try AppHarness.app()
        app.press(.tab, .char("/"))
        app.type("o-1001")
        app.press(.enter)
        let screen = app.view(Self.size)
        let row = try #require(screen.rows().firstIndex { $0.contains("o-1001") })
        let line = screen.rows()[row]
        let x = cellWidth(String(line[..<line.range(of: "o-1001")!.lowerBound]))
        let style = screen[x, row].style
        #expect(style.attributes.contains(.reverse) && style.attributes.contains(.bold))
        #expect(style.foreground == .default && style.background == .default, "no colour of its own: readable on any theme")
    }

    @Test func theTimelineFiltersByStateNameOrEventType() throws {
        var app = try AppHarness.app()
        app.press(.char("c"))
        app.press(.tab, .tab)
        #expect(app.focus == .timeline)
        app.press(.char("f"))
        app.type("shiporder")
        app.press(.enter)
        let kept = app.filteredTimeline()
        #expect(!kept.isEmpty && kept.count < app.session.recordedEvents)
        for index in kept { #expect(app.session.history[index].stateName == "ShipOrder") }
        let text = app.text(Self.size)
        #expect(text.contains("Timeline · \"shiporder\""))
        #expect(text.contains("\(kept.count) of \(app.session.recordedEvents)"))
        // The arrows travel between the events the filter keeps.
        app.press(.home)
        #expect(app.session.cursor == kept[0] + 1)
        app.press(.down)
        #expect(app.session.cursor == kept[1] + 1)
        // By event type too, and an empty filter shows everything again.
        app.press(.char("f"))
        for _ in 0..<9 { app.press(.backspace) }
        app.type("Succeeded")
        app.press(.enter)
        #expect(app.filteredTimeline().allSatisfy { app.session.history[$0].type.rawValue.contains("Succeeded") })
        app.press(.char("f"))
        for _ in 0..<9 { app.press(.backspace) }
        app.press(.enter)
        #expect(app.timelineFilter == nil)
        #expect(app.filteredTimeline().count == app.session.recordedEvents)
    }
}

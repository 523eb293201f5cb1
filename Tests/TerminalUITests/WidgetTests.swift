import ScreenSnapshots
import Testing
import TerminalUI

@Suite struct WidgetTests {
    @Test func wrappingBreaksAtSpacesAndCutsOnlyWordsWiderThanARow() {
        #expect(wrapped("a answer · nothing answers ValidateOrder", toWidth: 16) == ["a answer ·", "nothing answers", "ValidateOrder"])
        #expect(wrapped("arn:aws:lambda:function", toWidth: 10) == ["arn:aws:la", "mbda:funct", "ion"])
        #expect(wrapped("出荷出荷出荷", toWidth: 5) == ["出荷", "出荷", "出荷"])
        #expect(wrapped("one\ntwo  three", toWidth: 20) == ["one", "two three"])
        #expect(wrapped("", toWidth: 5) == [""])
        #expect(wrapped("x\u{1b}[31m", toWidth: 40) == ["x\\u001B[31m"])
    }

    @Test func textBoxScrollsAndSaysWhereItIs() {
        var screen = Screen(width: 30, height: 8)
        let rows = (1...10).map { [Span("row \($0)")] }
        #expect(TextBox.clamped(Int.max, count: rows.count, in: screen.bounds) == 6)
        TextBox("Log", rows: rows, offset: Int.max, hint: "Esc").render(in: screen.bounds, on: &screen)
        let text = screen.rows()
        #expect(text[2].contains("row 7") && text[5].contains("row 10"))
        #expect(text[6].contains("10/10 · Esc"))
    }

    @Test func panelPutsItsTitleInTheBorderAndMarksFocus() {
        var screen = Screen(width: 24, height: 4)
        let columns = screen.bounds.columns([.fixed(12), .rest])
        let inner = Panel("Graph").render(in: columns[0], on: &screen)
        Panel("Timeline long title", focused: true, footer: "3/9").render(in: columns[1], on: &screen)
        #expect(inner == Rect(x: 1, y: 1, width: 10, height: 2))
        #expect(screen.rows() == [
            "┌ Graph ───┐┏ Timelin… ┓",
            "│          │┃          ┃",
            "│          │┃          ┃",
            "└──────────┘┗━━━━━ 3/9 ┛",
        ])
        #expect(screen[12, 0].style.attributes.contains(.bold))
    }

    @Test func listKeepsTheSelectionVisibleAndHighlightsItsRow() {
        var screen = Screen(width: 12, height: 3)
        var state = ListState()
        let list = ListView(lines: (1...10).map { "event \($0)" }, marker: "▶")
        for _ in 0..<4 { _ = state.handle(.down, count: 10, pageHeight: 3) }
        list.render(state: &state, in: screen.bounds, on: &screen)
        #expect(screen.trimmedRows() == [" event 3", " event 4", "▶event 5"])
        #expect(screen.styleRuns() == "2: 0-11 reverse")
        #expect(state.index(atScreenRow: 0, in: screen.bounds, count: 10) == 2)
        _ = state.handle(.end, count: 10, pageHeight: 3)
        #expect(state.selection == 9)
    }

    @Test func textInputEditsAndScrollsToKeepTheCursorVisible() {
        var input = TextInput("States.Timeout")
        for key: Key in [.home, .delete, .char("s"), .end, .backspace, .ctrl("w")] { _ = input.handle(key) }
        #expect(input.text == "")
        #expect(input.handle(.char("\u{1B}")) == false)
        input.setText("PaymentProcessingError")
        var screen = Screen(width: 10, height: 1)
        input.render(in: screen.bounds, on: &screen, style: .plain)
        #expect(screen.rows() == ["ssingError"] || screen.rows() == ["singError "])
        #expect(screen.styleRuns().contains("reverse"))
    }

    @Test func dialogIsCentredAndReturnsItsContentArea() {
        var screen = Screen(width: 40, height: 10)
        screen.put(String(repeating: "x", count: 40), at: Point(x: 0, y: 4))
        let content = Dialog("Inject error", lines: ["Error name:"], hint: "Enter apply · Esc cancel", contentHeight: 1)
            .render(in: screen.bounds, on: &screen)
        var field = TextInput("States.TaskFailed")
        field.render(in: content, on: &screen)
        expectSnapshot(screen, named: "dialog-40x10")
    }

    @Test func statusLineDropsHintsThatDoNotFitAndKeepsTheMessage() {
        var screen = Screen(width: 30, height: 1)
        StatusLine(hints: [("s", "step"), ("n", "next"), ("c", "continue")], message: "RUNNING")
            .render(in: screen.bounds, on: &screen)
        #expect(screen.trimmedRows() == [" s step  n next       RUNNING"])
    }

    @Test func helpOverlayAt80x24() {
        var screen = Screen(width: 80, height: 24)
        screen.put("background", at: Point(x: 0, y: 0))
        HelpOverlay(sections: [
            .init("Stepping", [("s", "step one transition"), ("u", "step back")]),
            .init("Panels", [("Tab / Shift-Tab", "next / previous panel"), ("q", "quit")]),
        ]).render(in: screen.bounds, on: &screen)
        expectSnapshot(screen, named: "help-80x24")
    }

    @Test func scrollStateFollowsATargetWithTheLeastMovement() {
        var scroll = ScrollState()
        let content = Size(width: 100, height: 50), viewport = Size(width: 20, height: 10)
        scroll.follow(Rect(x: 30, y: 12, width: 5, height: 3), content: content, viewport: viewport)
        #expect(scroll.offset == Point(x: 15, y: 5))
        scroll.follow(Rect(x: 20, y: 8, width: 2, height: 1), content: content, viewport: viewport)
        #expect(scroll.offset == Point(x: 15, y: 5))
        scroll.scroll(by: Point(x: 200, y: -20), content: content, viewport: viewport)
        #expect(scroll.offset == Point(x: 80, y: 0))
    }
}

import Testing
import TerminalUI

@Suite struct ScreenTests {
    @Test func textIsClippedToTheRectangleAndTheGrid() {
        var screen = Screen(width: 10, height: 2)
        screen.put("hello world", at: Point(x: 2, y: 0), clip: Rect(x: 0, y: 0, width: 6, height: 1))
        screen.put("far away", at: Point(x: 8, y: 1))
        screen.put("nowhere", at: Point(x: 0, y: 5))
        screen.put("left", at: Point(x: -2, y: 1))
        #expect(screen.rows() == ["  hell    ", "ft      fa"])
    }

    @Test func wideCharactersTakeTwoCellsAndArePaddedAtTheRightEdge() {
        var screen = Screen(width: 5, height: 2)
        screen.put("漢字", at: .zero)
        screen.put("ab漢", at: Point(x: 0, y: 1), style: .bold, clip: Rect(x: 0, y: 1, width: 3, height: 1))
        #expect(screen.rows() == ["漢字 ", "ab   "])
        #expect(screen[1, 0].isContinuation)
        #expect(screen[2, 1].text == " ")
        #expect(screen[2, 1].style == .bold)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var screen = Screen(width: 6, height: 1)
        screen.put("漢字漢", at: .zero)
        screen.put("x", at: Point(x: 1, y: 0))
        screen.put("y", at: Point(x: 2, y: 0))
        #expect(screen.rows() == [" xy 漢"])
    }

    @Test func controlCharactersAndEscapeSequencesAreShownEscaped() {
        var screen = Screen(width: 30, height: 1)
        screen.put("a\u{1B}[2Jb\nc\td", at: .zero)
        #expect(screen.trimmedRows() == ["a\\u001B[2Jb\\nc\\td"])
        #expect(!screen.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 } })
    }

    @Test func combiningMarksStayWithTheirBaseAndEmojiSequencesAreOneCellPair() {
        var screen = Screen(width: 8, height: 1)
        let end = screen.put("e\u{301}👩‍💻!", at: .zero)
        #expect(end == 4)
        #expect(screen.rows() == ["e\u{301}👩‍💻!    "])
    }

    @Test func styleRunsDescribeStyledCellsPerRow() {
        var screen = Screen(width: 12, height: 2)
        screen.put("error", at: Point(x: 1, y: 1), style: Style.fg(.red).with(.bold))
        screen.put("sel", at: Point(x: 8, y: 1), style: .reverse)
        #expect(screen.styleRuns() == "1: 1-5 bold fg=1, 8-10 reverse")
    }

    @Test func truncationCutsByCellsAndAddsAnEllipsis() {
        #expect(truncated("ProcessPayment", toWidth: 8) == "Process…")
        #expect(truncated("漢字漢字", toWidth: 6) == "漢字…")
        #expect(truncated("short", toWidth: 8) == "short")
        #expect(padded("漢", toWidth: 4) == "漢  ")
    }
}

@Suite struct StyleTests {
    @Test func monochromeKeepsMeaningThroughAttributes() {
        #expect(Style.fg(.red).degraded(to: .monochrome) == .bold)
        #expect(Style(foreground: .black, background: .cyan).degraded(to: .monochrome) == .reverse)
        #expect(Style.fg(.brightBlack).degraded(to: .monochrome) == .dim)
        #expect(Style.underline.degraded(to: .monochrome) == .underline)
    }

    @Test func fewerColoursMapToTheNearestBasicOne() {
        #expect(Color.palette(196).degraded(to: .basic16) == .brightRed)
        #expect(Color.palette(9).degraded(to: .basic8) == .red)
        #expect(Color.palette(21).degraded(to: .basic8) == .blue)
        #expect(Color.palette(240).degraded(to: .basic16) == .brightBlack)
        #expect(Color.default.degraded(to: .basic8) == .default)
    }
}

@Suite struct LayoutTests {
    @Test func splitsNeverOverlapAndCoverTheWhole() {
        let area = Rect(x: 0, y: 1, width: 81, height: 22)
        let columns = area.columns([.percent(40), .rest])
        #expect(columns.map(\.width) == [32, 49])
        #expect(columns[1].x == 32)
        let rows = area.rows([.fixed(1), .fill(2), .fill(1), .fixed(1)])
        #expect(rows.map(\.height) == [1, 14, 6, 1])
        #expect(rows.map(\.y) == [1, 2, 16, 22])
        #expect(Rect(x: 0, y: 0, width: 5, height: 3).rows([.fixed(2), .fixed(4)]).map(\.height) == [2, 1])
    }

    @Test func centredRectanglesFitInside() {
        #expect(Rect(x: 0, y: 0, width: 80, height: 24).centered(Size(width: 30, height: 10))
                == Rect(x: 25, y: 7, width: 30, height: 10))
        #expect(Rect(x: 0, y: 0, width: 10, height: 4).centered(Size(width: 30, height: 10)).size == Size(width: 10, height: 4))
    }
}

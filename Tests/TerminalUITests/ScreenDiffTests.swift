import Testing
import TerminalUI

@Suite struct ScreenDiffTests {
    @Test func onlyChangedCellsAreRewritten() {
        var old = Screen(width: 20, height: 3)
        old.put("keys pressed: 1", at: Point(x: 0, y: 1))
        var new = old
        new.put("2", at: Point(x: 14, y: 1))
        let diff = ScreenDiff(from: old, to: new)
        #expect(diff.changedCellCount == 1)
        #expect(diff.runs == [ScreenDiff.Run(origin: Point(x: 14, y: 1), cells: [Cell("2")])])
        #expect(ScreenDiff(from: new, to: new).isEmpty)
    }

    @Test func firstFrameAndResizeRedrawEverything() {
        let screen = Screen(width: 4, height: 2)
        #expect(ScreenDiff(from: nil, to: screen).isFullRedraw)
        #expect(ScreenDiff(from: Screen(width: 3, height: 2), to: screen).changedCellCount == 8)
    }

    @Test func aRunNeverStartsOnTheRightHalfOfAWideCharacter() {
        var old = Screen(width: 6, height: 1)
        old.put("漢字", at: .zero)
        var new = old
        new.restyle(Rect(x: 1, y: 0, width: 1, height: 1)) { _ in .bold }
        let diff = ScreenDiff(from: old, to: new)
        #expect(diff.runs.first?.origin.x == 0)
    }

    /// Property: applying the diff of two random screens to the old one gives the new one.
    @Test func diffThenApplyGivesTheNewScreen() {
        var generator = SplitMix(seed: 42)
        let texts = ["abc", "漢字", "😀x", "e\u{301}", "  ", "│─┐", "q"]
        let styles: [Style] = [.plain, .bold, .reverse, Style.fg(.red)]
        for _ in 0..<200 {
            let size = Size(width: Int(generator.next() % 12) + 1, height: Int(generator.next() % 5) + 1)
            func random() -> Screen {
                var screen = Screen(size: size)
                for _ in 0..<Int(generator.next() % 8) {
                    screen.put(texts[Int(generator.next() % UInt64(texts.count))],
                               at: Point(x: Int(generator.next() % 14) - 1, y: Int(generator.next() % 6)),
                               style: styles[Int(generator.next() % UInt64(styles.count))])
                }
                return screen
            }
            let old = random(), new = random()
            var shown = old
            ScreenDiff(from: old, to: new).apply(to: &shown)
            #expect(shown == new)
        }
    }
}

/// A small deterministic generator so property tests are repeatable.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

import CursesTerminal
import ScreenSnapshots
import Testing
import TerminalUI

@MainActor
@Suite struct MemoryTerminalTests {
    @Test func demoSessionDrivenByScriptedKeys() {
        let terminal = MemoryTerminal(width: 80, height: 24)
        terminal.enqueue(keys: .down, .down)
        terminal.enqueue(.mouse(MouseEvent(.click, at: Point(x: 50, y: 4))))
        terminal.enqueue(keys: .char("q"))
        var app = DemoApp()
        let code = runEventLoop(on: terminal, view: { app.view($0) }, update: { app.update($0) })
        #expect(code == 0)
        #expect(terminal.rows()[4].hasPrefix("┃▶ 出荷 ShipOrder"))
        #expect(terminal.rows()[4].contains("last click: x=50 y=4"))
        expectSnapshot(terminal.screen, named: "demo-80x24")
    }

    @Test func redrawsRewriteOnlyChangedCells() {
        let terminal = MemoryTerminal(width: 80, height: 24)
        terminal.enqueue(keys: .char("x"), .char("q"))
        var app = DemoApp()
        _ = runEventLoop(on: terminal, view: { app.view($0) }, update: { app.update($0) })
        #expect(terminal.fullRedraws == [true, false])
        #expect(terminal.changedCellsPerDraw[0] == 80 * 24)
        // "keys pressed: 0" → "1" and "last event: none" → "key x".
        #expect(terminal.changedCellsPerDraw[1] < 12)
    }

    @Test func resizeRedrawsWholeAtTheNewSizeAndOddSizesRender() {
        let terminal = MemoryTerminal(width: 80, height: 24)
        terminal.resize(to: Size(width: 37, height: 9))
        terminal.enqueue(keys: .char("?"), .char("q"))
        var app = DemoApp()
        _ = runEventLoop(on: terminal, view: { app.view($0) }, update: { app.update($0) })
        #expect(terminal.screen.size == Size(width: 37, height: 9))
        #expect(terminal.fullRedraws == [true, true, false])
        expectSnapshot(terminal.screen, named: "demo-help-37x9")
    }

    @Test func monochromeTerminalsGetAttributesInsteadOfColours() {
        let terminal = MemoryTerminal(width: 80, height: 24, colorMode: .monochrome)
        terminal.enqueue(keys: .char("q"))
        var app = DemoApp()
        _ = runEventLoop(on: terminal, view: { app.view($0) }, update: { app.update($0) })
        #expect(!terminal.screen.cells.contains { $0.style.foreground != .default || $0.style.background != .default })
        #expect(terminal.screen[1, 2].style.attributes.contains(.reverse))
    }

    @Test func scriptWithoutQuitEndsWithTerminate() {
        let terminal = MemoryTerminal(width: 20, height: 5)
        var app = DemoApp()
        #expect(runEventLoop(on: terminal, view: { app.view($0) }, update: { app.update($0) }) == 143)
    }

    @Test func benchmarkHelperMeasuresFrames() {
        let timings = RenderBenchmark.measure(frames: 5, makeFrame: RenderBenchmark.sampleFrame)
        #expect(timings.frames == 5)
        #expect(timings.meanChangedCells > 0)
    }
}

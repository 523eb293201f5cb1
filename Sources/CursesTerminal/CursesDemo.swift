import Glibc
import TerminalUI

/// A small full-screen app that exercises the terminal layer end to end until the debugger
/// exists: two panels with wide characters, a highlight moved by the arrows, a key counter,
/// mouse coordinates, resize and quit. The model is pure, so tests drive it in memory too.
public struct DemoApp: Sendable {
    public static let items = ["ValidateOrder ✓", "ProcessPayment ●", "出荷 ShipOrder", "🚀 Launch", "NotifyOrderError"]

    public var selection = 0
    public var focusRight = false
    public var keyCount = 0
    public var lastClick: Point?
    public var lastEvent = "none"
    public var size = Size.zero
    public var showHelp = false

    public init() {}

    /// Handles one event; q quits with 0, Ctrl-C with 130, a termination request with 143.
    public mutating func update(_ event: Event?) -> LoopAction {
        guard let event else { return .continue }
        switch event {
        case .key(let key):
            keyCount += 1
            lastEvent = "key \(key)"
            switch key {
            case .char("q"): return .quit(0)
            case .ctrlC: return .quit(130)
            case .char("?"): showHelp.toggle()
            case .escape: showHelp = false
            case .up: selection = max(0, selection - 1)
            case .down: selection = min(Self.items.count - 1, selection + 1)
            case .left, .right, .tab, .backTab: focusRight.toggle()
            default: break
            }
        case .mouse(let mouse):
            lastEvent = "mouse \(mouse.kind)"
            switch mouse.kind {
            case .click: lastClick = mouse.position
            case .wheelUp: selection = max(0, selection - 1)
            case .wheelDown: selection = min(Self.items.count - 1, selection + 1)
            }
        case .resize(let newSize):
            size = newSize
            lastEvent = "resize \(newSize)"
        case .terminate:
            return .quit(143)
        }
        return .continue
    }

    /// Draws the whole screen for `size`.
    public func view(_ size: Size) -> Screen {
        var screen = Screen(size: size)
        let parts = screen.bounds.rows([.fixed(1), .rest, .fixed(1)])
        screen.put(" asldb demo · 終端 \(size)", at: parts[0].origin, style: .bold, clip: parts[0])
        let columns = parts[1].columns([.percent(50), .rest])
        let left = Panel("States · 状態", focused: !focusRight).render(in: columns[0], on: &screen)
        var list = ListState(selection: selection)
        ListView(lines: Self.items, selectedStyle: Style(foreground: .black, background: .cyan), marker: "▶ ")
            .render(state: &list, in: left, on: &screen)
        let right = Panel("Input", focused: focusRight).render(in: columns[1], on: &screen)
        let lines = [
            "keys pressed: \(keyCount)",
            "last event: \(lastEvent)",
            "last click: " + (lastClick.map { "x=\($0.x) y=\($0.y)" } ?? "none"),
            "selected: \(Self.items[selection])",
        ]
        for (i, line) in lines.enumerated() {
            screen.put(line, at: Point(x: right.x + 1, y: right.y + i), clip: right)
        }
        StatusLine(hints: [("↑↓", "move"), ("Tab", "panel"), ("?", "help"), ("q", "quit")], message: "wide: 漢字 😀")
            .render(in: parts[2], on: &screen)
        if showHelp {
            HelpOverlay(sections: [.init("Demo", [("↑ ↓", "move the highlight"), ("Tab", "switch panel"), ("q", "quit")])])
                .render(in: screen.bounds, on: &screen)
        }
        return screen
    }
}

/// The demo's entry point, for a hidden CLI command: `CursesDemo.run()` returns the exit code.
public enum CursesDemo {
    /// Runs the demo on the real terminal; a startup failure prints one line and returns 2.
    @MainActor
    public static func run(options: CursesTerminal.Options = .init()) -> Int32 {
        do {
            return try CursesTerminal.withTerminal(options: options) { terminal in
                var app = DemoApp()
                app.size = terminal.size
                return runEventLoop(on: terminal, tick: .milliseconds(250), view: { app.view($0) }, update: { app.update($0) })
            }
        } catch let error as CursesTerminalError {
            writeError(error.description)
            return error.exitCode
        } catch {
            writeError("asldb: \(error)")
            return 1
        }
    }

    private static func writeError(_ message: String) {
        let bytes = Array((message + "\n").utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }
}

/// The narrow interface between the UI and a real or simulated terminal.
///
/// Drawing goes through `Renderer`, which keeps the last frame and hands the terminal only
/// what changed; the terminal never sees the app's model.
@MainActor
public protocol Terminal: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    /// What colours the terminal can show; styles are degraded to this before drawing.
    var colorMode: ColorMode { get }
    /// Takes over the screen (alternate screen, raw keys). Throws when that is impossible.
    func begin() throws
    /// Gives the screen back exactly as it was; safe to call more than once.
    func end()
    /// Rewrites the changed cells and shows the result.
    func draw(_ diff: ScreenDiff)
    /// The next input, or nil when none came within `timeout`.
    func readEvent(timeout: Duration) -> Event?
    /// Asks the terminal to put text on the system clipboard (OSC 52); `base64` is the text's
    /// UTF-8 bytes in Base64. Terminals that do not allow it ignore the request.
    func copyToClipboard(base64: String)
}

/// Turns whole frames into diffs against the previous frame and draws them on a terminal.
@MainActor
public final class Renderer {
    public let terminal: any Terminal
    /// The frame the terminal shows now, as the app drew it (before colour degradation).
    public private(set) var lastFrame: Screen?

    public init(terminal: any Terminal) {
        self.terminal = terminal
    }

    /// Draws `frame`, rewriting only the cells that differ from the last one; returns the diff.
    @discardableResult
    public func render(_ frame: Screen) -> ScreenDiff {
        let mode = terminal.colorMode
        let shown = mode == .indexed256 ? frame : frame.degraded(to: mode)
        let previous = lastFrame.map { mode == .indexed256 ? $0 : $0.degraded(to: mode) }
        let diff = ScreenDiff(from: previous, to: shown)
        terminal.draw(diff)
        lastFrame = frame
        return diff
    }

    /// Forgets the last frame so the next one is drawn whole (after a resize or a resume,
    /// when the terminal's contents are unknown).
    public func invalidate() {
        lastFrame = nil
    }
}

extension Screen {
    /// The screen with every style as a terminal with `mode` shows it.
    public func degraded(to mode: ColorMode) -> Screen {
        var copy = self
        copy.restyle(bounds) { $0.degraded(to: mode) }
        return copy
    }
}

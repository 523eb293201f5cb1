/// An in-memory terminal for tests: events come from a script, frames land in `screen`,
/// and every draw is recorded so tests can check that only changed cells were rewritten.
@MainActor
public final class MemoryTerminal: Terminal {
    public private(set) var size: Size
    public var colorMode: ColorMode
    /// What the terminal shows now: every diff applied in turn.
    public private(set) var screen: Screen
    /// Scripted input; a nil entry stands for a read that timed out.
    public private(set) var pendingEvents: [Event?] = []
    /// Returned once the script is used up, so a loop whose script forgot to quit still ends.
    public var eventWhenScriptEnds: Event? = .terminate
    /// How many cells each draw rewrote, in order.
    public private(set) var changedCellsPerDraw: [Int] = []
    /// Whether each draw was a full redraw, in order.
    public private(set) var fullRedraws: [Bool] = []
    public private(set) var isActive = false
    public private(set) var beginCount = 0
    public private(set) var endCount = 0

    public init(size: Size = Size(width: 80, height: 24), colorMode: ColorMode = .indexed256) {
        self.size = size
        self.colorMode = colorMode
        self.screen = Screen(size: size)
    }

    public convenience init(width: Int, height: Int, colorMode: ColorMode = .indexed256) {
        self.init(size: Size(width: width, height: height), colorMode: colorMode)
    }

    /// Adds events to the end of the script.
    public func enqueue(_ events: Event...) {
        pendingEvents.append(contentsOf: events.map { Optional($0) })
    }

    /// Adds key presses to the script.
    public func enqueue(keys: Key...) {
        pendingEvents.append(contentsOf: keys.map { Optional(.key($0)) })
    }

    /// Types each character of `text` as a key press.
    public func type(_ text: String) {
        pendingEvents.append(contentsOf: text.map { Optional(.key(.char($0))) })
    }

    /// Adds a read that times out (for apps that animate on idle ticks).
    public func enqueueTimeout() {
        pendingEvents.append(nil)
    }

    /// Changes the size and scripts the resize event a real terminal would deliver.
    public func resize(to newSize: Size) {
        pendingEvents.append(.resize(newSize))
    }

    public var drawCount: Int { changedCellsPerDraw.count }
    /// What the app asked to copy, in order (Base64, as sent).
    public private(set) var clipboard: [String] = []

    public func copyToClipboard(base64: String) {
        clipboard.append(base64)
    }

    /// The rows the terminal shows now.
    public func rows() -> [String] { screen.rows() }

    public func begin() throws {
        isActive = true
        beginCount += 1
    }

    public func end() {
        guard isActive else { return }
        isActive = false
        endCount += 1
    }

    public func draw(_ diff: ScreenDiff) {
        diff.apply(to: &screen)
        changedCellsPerDraw.append(diff.changedCellCount)
        fullRedraws.append(diff.isFullRedraw)
    }

    public func readEvent(timeout: Duration) -> Event? {
        guard !pendingEvents.isEmpty else { return eventWhenScriptEnds }
        let event = pendingEvents.removeFirst()
        if case .resize(let newSize) = event { size = newSize }
        return event
    }
}

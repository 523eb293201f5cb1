import CCurses
import Glibc
import TerminalUI

/// The real terminal, through ncursesw. Everything that touches ncurses lives in this module
/// and runs on the main actor, because ncurses keeps global state.
@MainActor
public final class CursesTerminal: Terminal {
    /// Choices made before taking the screen.
    public struct Options: Sendable {
        /// Force monochrome; nil reads the NO_COLOR convention (set and non-empty).
        public var noColor: Bool?
        /// Report mouse clicks and the wheel.
        public var mouse: Bool
        /// Milliseconds to wait after Esc for the rest of an escape sequence.
        public var escapeDelay: Int32

        public init(noColor: Bool? = nil, mouse: Bool = true, escapeDelay: Int32 = 25) {
            self.noColor = noColor
            self.mouse = mouse
            self.escapeDelay = escapeDelay
        }
    }

    public let options: Options
    public private(set) var size = Size.zero
    public private(set) var colorMode = ColorMode.monochrome
    public private(set) var isActive = false
    var screen: OpaquePointer?
    var previousSignalActions: [sigaction] = []
    var colorPairs = ColorPairs()

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Runs `body` with the screen taken, and gives the terminal back however `body` ends:
    /// by returning, by throwing, or by the process being asked to stop.
    public static func withTerminal<Result>(
        options: Options = Options(), _ body: (CursesTerminal) throws -> Result
    ) throws -> Result {
        let terminal = CursesTerminal(options: options)
        try terminal.begin()
        defer { terminal.end() }
        return try body(terminal)
    }

    /// Checks, in order, that stdin and stdout are terminals, TERM is set, ncurses knows the
    /// terminal and it can address the cursor; then takes the screen.
    public func begin() throws {
        guard !isActive else { return }
        guard isatty(STDIN_FILENO) == 1 else { throw CursesTerminalError.notATerminal(stream: "input") }
        guard isatty(STDOUT_FILENO) == 1 else { throw CursesTerminalError.notATerminal(stream: "output") }
        guard let termValue = getenv("TERM"), termValue.pointee != 0 else { throw CursesTerminalError.termNotSet }
        let term = String(cString: termValue)
        Self.selectUTF8Locale()

        previousSignalActions = TerminationSignals.install()
        asldb_guard_save_tty()
        guard let screen = asldb_newterm(nil) else {
            TerminationSignals.restore(previousSignalActions)
            throw CursesTerminalError.unknownTerminal(term: term)
        }
        self.screen = screen
        set_term(screen)
        guard asldb_has_string_capability("cup") != 0 else {
            endwin()
            delscreen(screen)
            self.screen = nil
            TerminationSignals.restore(previousSignalActions)
            throw CursesTerminalError.cannotAddressCursor(term: term)
        }
        isActive = true
        configureInput()
        configureColors()
        asldb_guard_arm(Self.resetSequence(mouse: options.mouse))
        updateSize()
    }

    public func end() {
        guard isActive else { return }
        isActive = false
        asldb_guard_disarm()
        if options.mouse { mousemask(0, nil) }
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
        colorPairs = ColorPairs()
        asldb_flush_stdout()
        TerminationSignals.restore(previousSignalActions)
    }

    private func configureInput() {
        let window = asldb_stdscr()
        // cbreak, not raw: Ctrl-C stays a signal (so a busy app can still be stopped) and
        // Ctrl-Z suspends through ncurses' own SIGTSTP handler, which restores on resume.
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        curs_set(0)
        set_escdelay(options.escapeDelay)
        if options.mouse {
            let mask = asldb_button1_pressed() | asldb_button4_pressed() | asldb_button5_pressed()
            mousemask(mask, nil)
            // Report presses at once instead of waiting to tell clicks from double clicks.
            mouseinterval(0)
        }
    }

    private func configureColors() {
        let noColorEnv = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        guard !(options.noColor ?? noColorEnv), has_colors() else {
            colorMode = .monochrome
            return
        }
        start_color()
        colorPairs.defaultColorsWork = use_default_colors() == OK
        let colors = asldb_colors()
        colorMode = colors >= 256 ? .indexed256 : colors >= 16 ? .basic16 : colors >= 8 ? .basic8 : .monochrome
        colorPairs.limit = Int(min(asldb_color_pairs(), 32767))
    }

    func updateSize() {
        let window = asldb_stdscr()
        size = Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    /// A UTF-8 locale is needed for wide characters and box drawing; "C" garbles both.
    private static func selectUTF8Locale() {
        let chosen = setlocale(LC_ALL, "").map { String(cString: $0).lowercased() } ?? ""
        if !(chosen.contains("utf-8") || chosen.contains("utf8")) {
            _ = setlocale(LC_ALL, "C.UTF-8")
        }
    }

    /// The bytes the crash guard writes if the process dies with the screen taken.
    private static func resetSequence(mouse: Bool) -> String {
        var sequence = ""
        for name in ["sgr0", "cnorm", "rmcup"] where asldb_has_string_capability(name) != 0 {
            if let value = tigetstr(name) { sequence += String(cString: value) }
        }
        if mouse { sequence += "\u{1b}[?1006l\u{1b}[?1002l\u{1b}[?1000l" }
        return sequence
    }
}

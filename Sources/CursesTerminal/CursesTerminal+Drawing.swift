import CCurses
import Glibc
import TerminalUI

/// ncurses colour pairs, allocated the first time a (foreground, background) combination
/// is drawn.
struct ColorPairs {
    var pairs: [Int32: Int16] = [:]
    var limit = 0
    /// Whether -1 (the terminal's own colours) can be used in pairs.
    var defaultColorsWork = false

    mutating func pair(for style: Style) -> Int16 {
        let fg = number(style.foreground, fallback: 7), bg = number(style.background, fallback: 0)
        if fg == -1 && bg == -1 { return 0 }
        let key = (fg + 1) << 16 | (bg + 1)
        if let pair = pairs[key] { return pair }
        // Out of pairs: draw in the default colours rather than recolour cells already shown.
        guard pairs.count + 1 < limit else { return 0 }
        let pair = Int16(pairs.count + 1)
        init_pair(pair, Int16(fg), Int16(bg))
        pairs[key] = pair
        return pair
    }

    private func number(_ color: Color, fallback: Int32) -> Int32 {
        switch color {
        case .default: return defaultColorsWork ? -1 : fallback
        case .palette(let index): return Int32(index)
        }
    }
}

extension CursesTerminal {
    /// Moves to each changed run, writes its cells with the wide-character API, and shows
    /// everything with one `doupdate`.
    public func draw(_ diff: ScreenDiff) {
        guard isActive else { return }
        let window = asldb_stdscr()
        if diff.isFullRedraw { werase(window) }
        for run in diff.runs {
            var x = run.origin.x
            let y = Int32(run.origin.y)
            wmove(window, y, Int32(x))
            for cell in run.cells {
                if cell.isContinuation {
                    x += 1
                    continue
                }
                if Int(getcurx(window)) != x || Int(getcury(window)) != Int(y) { wmove(window, y, Int32(x)) }
                write(cell, window: window)
                // The wide character's continuation cell comes next in the run and advances x.
                x += 1
            }
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// Writes `ESC ] 52 ; c ; BASE64 BEL` straight to the terminal, after what ncurses has
    /// drawn: tmux with `set-clipboard on` keeps it in its buffer and passes it on, no DCS
    /// wrapping needed.
    public func copyToClipboard(base64: String) {
        guard isActive else { return }
        let sequence = Array("\u{1b}]52;c;\(base64)\u{07}".utf8)
        var written = 0
        while written < sequence.count {
            let n = sequence[written...].withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            written += n
        }
    }

    /// Writes one grapheme. When the C library thinks it is narrower than the grid does
    /// (an emoji with a presentation selector), the spare cell is blanked so the row stays aligned.
    private func write(_ cell: Cell, window: UnsafeMutablePointer<WINDOW>?) {
        var characters = drawableScalars(cell.text).map { wchar_t(bitPattern: $0.value) }
        var systemWidth = Int(wcwidth(characters[0]))
        if systemWidth < 1 || systemWidth > cell.width {
            // The C library cannot show it in the space the grid gave it.
            characters = [wchar_t(UInt8(ascii: "?"))]
            systemWidth = 1
        }
        characters.append(0)
        let attributes = attributes(for: cell.style)
        let pair = colorMode == .monochrome ? 0 : colorPairs.pair(for: cell.style)
        var glyph = cchar_t()
        setcchar(&glyph, characters, attributes, pair, nil)
        wadd_wch(window, &glyph)
        if systemWidth < cell.width {
            var space = cchar_t()
            setcchar(&space, [wchar_t(32), 0], attributes, pair, nil)
            wadd_wch(window, &space)
        }
    }

    private func attributes(for style: Style) -> attr_t {
        var result = attr_t(0)
        if style.attributes.contains(.bold) { result |= asldb_a_bold() }
        if style.attributes.contains(.dim) { result |= asldb_a_dim() }
        if style.attributes.contains(.italic) { result |= asldb_a_italic() }
        if style.attributes.contains(.underline) { result |= asldb_a_underline() }
        if style.attributes.contains(.reverse) { result |= asldb_a_reverse() }
        return result
    }
}

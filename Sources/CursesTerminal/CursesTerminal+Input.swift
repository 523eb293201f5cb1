import CCurses
import Glibc
import TerminalUI

extension CursesTerminal {
    /// Waits up to `timeout` for a key, mouse action, resize or termination request. Reads in
    /// slices of at most 50 ms so a signal recorded meanwhile is noticed promptly.
    public func readEvent(timeout: Duration) -> Event? {
        guard isActive else { return nil }
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        let window = asldb_stdscr()
        while true {
            if let signal = TerminationSignals.take() {
                return signal == SIGINT ? .key(.ctrlC) : .terminate
            }
            let remaining = deadline - clock.now
            let milliseconds = max(0, min(50, Int32(remaining / .milliseconds(1))))
            wtimeout(window, milliseconds)
            var input: wint_t = 0
            let status = wget_wch(window, &input)
            if status == OK {
                return .key(Self.key(forCharacter: UInt32(input)))
            }
            if status == KEY_CODE_YES, let event = event(forKeyCode: Int32(input)) {
                return event
            }
            if status == ERR, clock.now >= deadline, TerminationSignals.pending.load(ordering: .relaxed) == 0 {
                return nil
            }
        }
    }

    private func event(forKeyCode code: Int32) -> Event? {
        switch code {
        case KEY_RESIZE:
            updateSize()
            return .resize(size)
        case KEY_MOUSE:
            var mouse = MEVENT()
            guard getmouse(&mouse) == OK else { return nil }
            let position = Point(x: Int(mouse.x), y: Int(mouse.y))
            if mouse.bstate & asldb_button4_pressed() != 0 { return .mouse(MouseEvent(.wheelUp, at: position)) }
            if mouse.bstate & asldb_button5_pressed() != 0 { return .mouse(MouseEvent(.wheelDown, at: position)) }
            if mouse.bstate & (asldb_button1_pressed() | asldb_button1_clicked()) != 0 {
                return .mouse(MouseEvent(.click, at: position))
            }
            return nil
        default:
            return Self.key(forKeyCode: code).map { .key($0) }
        }
    }

    static func key(forKeyCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case asldb_key_f(1)...asldb_key_f(24): return .function(Int(code - asldb_key_f(0)))
        default: return nil
        }
    }

    static func key(forCharacter value: UInt32) -> Key {
        switch value {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x7F, 0x08: return .backspace
        case 0x1B: return .escape
        case 0x00: return .ctrl(" ")
        case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(UInt8(value) + 0x60)))
        case 0x1C...0x1F: return .ctrl(Character(Unicode.Scalar(UInt8(value) + 0x40)))
        default:
            guard let scalar = Unicode.Scalar(value), visibleEscape(scalar) == nil else { return .char("?") }
            return .char(Character(scalar))
        }
    }
}

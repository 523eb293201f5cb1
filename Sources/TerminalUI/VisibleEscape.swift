import StatesJSON

/// The escaped text shown instead of a control character (`\n`, `\t`, `\u001B`), or nil when
/// the scalar is safe to send to a terminal. Escape sequences in state data would otherwise
/// move the cursor or change colours, so every path to the screen goes through this; which
/// scalars are unsafe is `TerminalText`'s decision, the same for every output of asldb.
@inlinable
public func visibleEscape(_ scalar: Unicode.Scalar) -> String? {
    TerminalText.isUnsafe(scalar) ? TerminalText.escape(scalar) : nil
}

/// The string with every control character replaced by its visible escape.
public func sanitizedForDisplay(_ text: String) -> String {
    TerminalText.safe(text)
}

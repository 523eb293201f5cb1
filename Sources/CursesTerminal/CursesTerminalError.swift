/// Why the full-screen terminal could not start. The CLI prints `description` as one line
/// and exits with status 2.
public enum CursesTerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Standard input or output (named) is not a terminal: piped, redirected or in CI.
    case notATerminal(stream: String)
    /// TERM is unset or empty.
    case termNotSet
    /// ncurses has no description for this TERM.
    case unknownTerminal(term: String)
    /// The terminal cannot move the cursor (`cup`), e.g. TERM=dumb.
    case cannotAddressCursor(term: String)

    /// What to use instead when no terminal is available.
    public static let headlessHint = "use `asldb run --format trace` (or `asldb trace`) to step through the execution without the full-screen debugger"

    public var description: String {
        let reason: String
        switch self {
        case .notATerminal(let stream):
            reason = "standard \(stream) is not a terminal"
        case .termNotSet:
            reason = "the TERM environment variable is not set"
        case .unknownTerminal(let term):
            reason = "unknown terminal type TERM=\(term)"
        case .cannotAddressCursor(let term):
            reason = "terminal TERM=\(term) cannot position the cursor"
        }
        return "cannot start the full-screen debugger: \(reason); \(Self.headlessHint)"
    }

    /// The process exit status the CLI uses for this error (usage error).
    public var exitCode: Int32 { 2 }
}

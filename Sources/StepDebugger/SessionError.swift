/// A command the session could not carry out, phrased for the person who typed it.
public enum SessionError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownState(String, known: [String], context: String)
    case badBreakpoint(String, String)
    case badCondition(String, column: Int, String)
    case badInjection(String, String)
    case badJSON(what: String, line: Int, column: Int, String)
    case notAtPause(String)
    case noSuchEvent(Int, count: Int)
    case noSuchBreakpoint(Int)
    case sessionFile(path: String, String)

    public var description: String {
        switch self {
        case .unknownState(let name, let known, let context):
            return "\(context): there is no state named '\(name)'; states: \(known.joined(separator: ", "))"
        case .badBreakpoint(let spec, let hint):
            return "breakpoint '\(spec)' is not understood: \(hint)"
        case .badCondition(let text, let column, let message):
            return "condition '\(text)', column \(column): \(message); write a JSONPath test such as $.order.total > 100"
        case .badInjection(let spec, let hint):
            return "injection '\(spec)': \(hint)"
        case .badJSON(let what, let line, let column, let message):
            return "\(what) is not valid JSON (line \(line), column \(column)): \(message); nothing was changed"
        case .notAtPause(let why):
            return why
        case .noSuchEvent(let id, let count):
            return "there is no event \(id): the history has events 1 to \(count) (step forward to make more)"
        case .noSuchBreakpoint(let id):
            return "there is no breakpoint \(id); list them to see their numbers"
        case .sessionFile(let path, let message):
            return "\(path): \(message)"
        }
    }
}

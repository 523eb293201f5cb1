/// Where the session stops on its own while it steps or continues.
public struct Breakpoint: Sendable, Hashable, Identifiable {
    public enum Kind: Sendable, Hashable {
        /// When the state is entered (its `…StateEntered` event).
        case enter(String)
        /// When the state is left (its `…StateExited` event).
        case exit(String)
        /// On any error (nil) or an error with this name, in any state.
        case error(String?)
        /// Whenever Retry schedules another attempt.
        case retry
        /// Whenever a catcher takes an error.
        case `catch`
        /// When a state is entered with an input for which the JSONPath test holds.
        case condition(BreakpointCondition)
    }

    public var id: Int
    public var kind: Kind
    public var enabled = true

    public init(id: Int, kind: Kind, enabled: Bool = true) {
        self.id = id
        self.kind = kind
        self.enabled = enabled
    }

    /// The breakpoint as written in a spec (`enter:ProcessPayment`, `if:$.total > 100`).
    public var spec: String {
        switch kind {
        case .enter(let s): return "enter:" + s
        case .exit(let s): return "exit:" + s
        case .error(let name): return name.map { "error:" + $0 } ?? "error"
        case .retry: return "retry"
        case .catch: return "catch"
        case .condition(let c): return "if:" + c.text
        }
    }

    /// Parses `enter:S`, `exit:S`, `error`, `error:NAME`, `retry`, `catch` or `if:JSONPATH-TEST`.
    public static func parseKind(_ spec: String, stateNames: Set<String>) throws(SessionError) -> Kind {
        let (head, rest): (Substring, String?) = {
            guard let colon = spec.firstIndex(of: ":") else { return (spec[...], nil) }
            return (spec[..<colon], String(spec[spec.index(after: colon)...]))
        }()
        switch (head, rest) {
        case ("enter", let s?), ("exit", let s?):
            guard stateNames.contains(s) else { throw .unknownState(s, known: stateNames.sorted(), context: "breakpoint '\(spec)'") }
            return head == "enter" ? .enter(s) : .exit(s)
        case ("error", nil): return .error(nil)
        case ("error", let name?) where !name.isEmpty: return .error(name)
        case ("retry", nil): return .retry
        case ("catch", nil): return .catch
        case ("if", let text?): return .condition(try BreakpointCondition(text))
        default:
            throw .badBreakpoint(spec, "write enter:STATE, exit:STATE, error, error:NAME, retry, catch or if:CONDITION (for example if:$.order.total > 100)")
        }
    }
}

/// A JSONPath test against a state's input, such as `$.order.total > 100` or `$.items[0].sku == 'A'`.
public struct BreakpointCondition: Sendable, Hashable {
    public let text: String
    private let filter: JSONPath

    /// Parses the test; a syntax error says at which column and what to write instead.
    public init(_ text: String) throws(SessionError) {
        self.text = text
        let trimmed = text.trimmingSpaces
        guard trimmed.hasPrefix("$") else {
            throw .badCondition(text, column: 1, "a condition starts with $ (the state input), for example $.order.total > 100")
        }
        // The filter language has the comparisons we need: evaluate `[?(@…)]` over a one-element array.
        let relative = "@" + trimmed.dropFirst()
        let wrapped = "$[?(" + relative + ")]"
        do {
            filter = try JSONPath(wrapped)
        } catch {
            let column = max(1, min(text.count, error.column - 4))
            throw .badCondition(text, column: column, error.message)
        }
    }

    /// Whether the test holds for this input.
    public func holds(for input: JSON) -> Bool {
        guard let found = try? filter.evaluate(.array([input])) else { return false }
        if case .array(let matches) = found { return !matches.isEmpty }
        return true
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

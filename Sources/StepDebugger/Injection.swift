/// An armed error injection: a Task state's attempts fail with an error instead of asking the
/// task source, and the error flows through Retry and Catch like a real one.
public struct Injection: Sendable, Hashable {
    /// Which attempts (0 = first try) within one entry of the state fail.
    public enum Attempts: Sendable, Hashable {
        case every
        case range(ClosedRange<Int>)

        public func contains(_ attempt: Int) -> Bool {
            switch self {
            case .every: return true
            case .range(let r): return r.contains(attempt)
            }
        }
    }

    public var state: String
    public var error: ExecutionError
    public var attempts: Attempts

    public init(state: String, error: String, cause: String = "", attempts: Attempts = .every) {
        self.state = state
        self.error = ExecutionError(error, cause: cause.isEmpty ? Self.defaultCause(error) : cause)
        self.attempts = attempts
    }

    /// The task attempt timing out (`States.Timeout`).
    public static func timeout(state: String, attempts: Attempts = .every) -> Injection {
        Injection(state: state, error: StatesErrorName.timeout, attempts: attempts)
    }

    /// The task's heartbeat timing out (`States.HeartbeatTimeout`).
    public static func heartbeatTimeout(state: String, attempts: Attempts = .every) -> Injection {
        Injection(state: state, error: StatesErrorName.heartbeatTimeout, attempts: attempts)
    }

    static func defaultCause(_ error: String) -> String {
        switch error {
        case StatesErrorName.timeout: return "The task timed out (injected by asldb)."
        case StatesErrorName.heartbeatTimeout: return "The task's heartbeat timed out (injected by asldb)."
        default: return "injected by asldb"
        }
    }

    /// The injection as `STATE=ERROR[:CAUSE][@ATTEMPTS]`.
    public var spec: String {
        var text = state + "=" + error.error
        if error.cause != Self.defaultCause(error.error) { text += ":" + error.cause }
        if case .range(let r) = attempts { text += "@" + (r.count == 1 ? "\(r.lowerBound)" : "\(r.lowerBound)-\(r.upperBound)") }
        return text
    }

    /// Parses `STATE=ERROR[:CAUSE][@ATTEMPTS]`; ATTEMPTS is `k` or `j-k` (0 = first try), all when absent.
    public static func parse(_ spec: String, stateNames: Set<String>) throws(SessionError) -> Injection {
        let hint = "write STATE=ERROR[:CAUSE][@ATTEMPTS], for example ProcessPayment=PaymentProcessingError@0-1"
        guard let eq = spec.firstIndex(of: "=") else { throw .badInjection(spec, "no '=': " + hint) }
        let state = String(spec[..<eq])
        guard stateNames.contains(state) else { throw .unknownState(state, known: stateNames.sorted(), context: "injection '\(spec)'") }
        var rest = Substring(spec[spec.index(after: eq)...])
        var attempts = Attempts.every
        if let at = rest.lastIndex(of: "@") {
            let text = rest[rest.index(after: at)...]
            rest = rest[..<at]
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), let low = Int(parts[0]), let high = Int(parts.last!), low >= 0, low <= high else {
                throw .badInjection(spec, "'@\(text)' is not an attempt or range of attempts (0 is the first try, 0-1 the first two)")
            }
            attempts = .range(low...high)
        }
        var cause = ""
        if let colon = rest.firstIndex(of: ":") {
            cause = String(rest[rest.index(after: colon)...])
            rest = rest[..<colon]
        }
        guard !rest.isEmpty else { throw .badInjection(spec, "the error name is empty: " + hint) }
        return Injection(state: state, error: String(rest), cause: cause, attempts: attempts)
    }
}

/// An answer the user gave by hand to one Task attempt that nothing else answered (a task
/// with no mock, or a `.waitForTaskToken` task waiting for SendTaskSuccess/Failure).
public struct TaskAnswer: Sendable {
    public var state: String
    /// Which entry of the state (0 = the first), so loop passes and Map iterations differ.
    public var entry: Int
    /// Which attempt within the entry (0 = the first try).
    public var attempt: Int
    public var response: TaskResponse

    public init(state: String, entry: Int, attempt: Int, response: TaskResponse) {
        self.state = state
        self.entry = entry
        self.attempt = attempt
        self.response = response
    }
}

/// Answers Task states from the armed injections first, then from answers given by hand, then
/// from the underlying source.
public struct InjectingTaskSource: TaskSource {
    public var base: any TaskSource
    public var injections: [Injection]
    public var answers: [TaskAnswer]

    public init(base: any TaskSource, injections: [Injection], answers: [TaskAnswer] = []) {
        self.base = base
        self.injections = injections
        self.answers = answers
    }

    public func respond(to request: TaskRequest) -> TaskResponse? {
        if let hit = injections.last(where: { $0.state == request.stateName && $0.attempts.contains(request.attempt) }) {
            return .failed(hit.error)
        }
        if let answer = answers.last(where: { $0.state == request.stateName && $0.entry == request.entry && $0.attempt == request.attempt }) {
            return answer.response
        }
        return base.respond(to: request)
    }
}

extension State {
    /// The error names worth injecting here: those Retry and Catch name, then the standard ones.
    public var suggestedInjectionErrors: [String] {
        var names: [String] = []
        for list in retry.map(\.errorEquals) + self.catch.map(\.errorEquals) {
            for name in list where name != StatesErrorName.all && !names.contains(name) { names.append(name) }
        }
        for name in [StatesErrorName.taskFailed, StatesErrorName.timeout, StatesErrorName.heartbeatTimeout] where !names.contains(name) {
            names.append(name)
        }
        return names
    }
}

extension InjectingTaskSource: ChildExecutionProviding {
    public func childExecution(for request: TaskRequest) -> Execution? {
        (base as? any ChildExecutionProviding)?.childExecution(for: request)
    }
}

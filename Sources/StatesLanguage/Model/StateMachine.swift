/// The query language of a state machine or state (`QueryLanguage` field).
public enum QueryLanguage: String, Sendable, Hashable {
    case jsonPath = "JSONPath"
    case jsonata = "JSONata"
}

/// A state machine, or a nested one (a Parallel branch, a Map item processor).
public struct StateMachine: Sendable {
    public var comment: String?
    public var startAt: String
    /// States in definition order.
    public var states: OrderedDictionary<String, State>
    /// Execution-level `TimeoutSeconds` (top level only).
    public var timeoutSeconds: Int64?
    public var version: String?
    /// The machine's `QueryLanguage` (JSONPath when absent); states inherit it.
    public var queryLanguage: QueryLanguage
    /// JSON Pointer of this machine's object in the source document (`""` at the top level).
    public var pointer: String

    public init(comment: String? = nil, startAt: String, states: OrderedDictionary<String, State>,
                timeoutSeconds: Int64? = nil, version: String? = nil,
                queryLanguage: QueryLanguage = .jsonPath, pointer: String = "") {
        self.comment = comment
        self.startAt = startAt
        self.states = states
        self.timeoutSeconds = timeoutSeconds
        self.version = version
        self.queryLanguage = queryLanguage
        self.pointer = pointer
    }

    /// The state called `name` in this machine (not in nested ones).
    public subscript(name: String) -> State? { states[name] }
}

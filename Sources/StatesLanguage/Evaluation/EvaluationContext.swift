/// What a path, payload template or intrinsic function can see while it is evaluated.
public struct EvaluationContext: Sendable {
    /// `$`: the document the expression applies to (effective input, result, ...).
    public var input: JSON
    /// `$$`: the context object (Execution, State, StateMachine, Task, Map.Item).
    public var contextObject: JSON
    /// `$name`: workflow variables set by Assign, as visible to this state.
    public var variables: [String: JSON]
    /// Randomness for States.MathRandom and States.UUID; advanced by each use.
    public var random: SeededRandom

    public init(input: JSON, contextObject: JSON = .object([:]), variables: [String: JSON] = [:], random: SeededRandom = SeededRandom(seed: 0)) {
        self.input = input
        self.contextObject = contextObject
        self.variables = variables
        self.random = random
    }
}

extension EvaluationContext {
    /// The same context with `$` bound to another document (the result, the effective input, ...).
    public func with(input: JSON) -> EvaluationContext {
        var copy = self
        copy.input = input
        return copy
    }
}

/// `Type: Choice`.
public struct ChoiceState: Sendable {
    public var choices: [ChoiceRule]
    public var defaultNext: String?
    public init(choices: [ChoiceRule], defaultNext: String? = nil) {
        self.choices = choices
        self.defaultNext = defaultNext
    }
}

/// One entry of `Choices`: a condition, where it leads, and what it assigns or outputs.
public struct ChoiceRule: Sendable {
    public var condition: ChoiceCondition
    public var next: String
    public var assign: JSON?
    /// JSONata `Output` of the rule.
    public var output: JSON?
    public var comment: String?
    /// JSON Pointer of the rule (`/States/Check/Choices/0`).
    public var pointer: String

    public init(condition: ChoiceCondition, next: String, assign: JSON? = nil, output: JSON? = nil, comment: String? = nil, pointer: String) {
        self.condition = condition
        self.next = next
        self.assign = assign
        self.output = output
        self.comment = comment
        self.pointer = pointer
    }
}

/// A Choice rule's test, as a tree.
public indirect enum ChoiceCondition: Sendable {
    case and([ChoiceCondition])
    case or([ChoiceCondition])
    case not(ChoiceCondition)
    /// `Variable` + one comparison operator (`NumericEquals`, `StringMatches`, `IsPresent`,
    /// `TimestampLessThanPath`, ...): the operator name as written and its operand (for a
    /// `…Path` operator, a path string).
    case comparison(variable: String, operator: String, operand: JSON)
    /// JSONata `Condition` (the text between `{%` and `%}`), or a literal boolean.
    case jsonata(JSON)
}

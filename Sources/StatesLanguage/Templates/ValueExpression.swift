/// A field whose string value is either a path or an intrinsic function call: the value of a `.$`
/// key, a Fail state's ErrorPath / CausePath.
public enum ValueExpression: Sendable, Hashable, CustomStringConvertible {
    case path(JSONPath)
    case intrinsic(IntrinsicCall)

    /// Parses `$...`, `$$...`, `$name...` as a path and `States.Name(...)` as an intrinsic call.
    public init(_ text: String) throws(JSONPathSyntaxError) {
        if text.hasPrefix("States.") {
            self = .intrinsic(try IntrinsicCall(text))
        } else {
            self = .path(try JSONPath(text))
        }
    }

    /// Whether evaluating reads the context object (`$$…`).
    public var usesContextObject: Bool {
        switch self {
        case .path(let p): return p.usesContextObject
        case .intrinsic(let c): return c.usesContextObject
        }
    }

    public var description: String {
        switch self {
        case .path(let p): return p.text
        case .intrinsic(let c): return c.text
        }
    }

    /// Evaluates; a path that matches nothing fails with `States.Runtime` and AWS's
    /// `The JSONPath '<path>' specified for the field '<field>' could not be found in the input '<input>'`.
    public borrowing func evaluate(in context: inout EvaluationContext, field: String) throws(ExecutionError) -> JSON {
        switch self {
        case .intrinsic(let call):
            return try call.evaluate(in: &context, field: field)
        case .path(let path):
            return try path.evaluate(in: context, field: field)
        }
    }
}

import StatesJSON

/// An expression that is nothing but field names, perhaps after a variable (`$states.input.n`,
/// `order.total`): most expressions in Step Functions definitions are of this form. Over JSON
/// it is a chain of member lookups, which `JSONataExpression.evaluate` answers directly,
/// without an evaluator, frames or values. Whatever the chain cannot settle exactly (an
/// array on the way, which JSONata maps over; a variable the bindings do not hold, which may
/// name a function) goes to the evaluator.
struct FieldChain: Sendable {
    /// The variable the chain starts from (without `$`), or nil for the input.
    let variable: String?
    let names: [String]

    /// The chain of a prepared expression, when it is one.
    init?(_ root: Expr) {
        guard root.kind == .path, root.isSimpleChain, root.predicate == nil, root.stages == nil,
              root.group == nil, !root.keepArray, let first = root.steps.first else { return nil }
        if first.kind == .variable {
            // `$` and `$$` are the context and the root, which the input answers in the evaluator.
            guard !first.text.isEmpty, first.text != "$" else { return nil }
            variable = first.text
            names = root.steps.dropFirst().map(\.text)
        } else {
            variable = nil
            names = root.steps.map(\.text)
        }
        guard root.steps.allSatisfy({ $0.kind == .name || $0.kind == .variable }) else { return nil }
    }

    /// What the chain gives: `.some(nil)` for undefined, nil when the evaluator must decide.
    func evaluate(input: JSON?, bindings: [String: JSON]) -> JSON?? {
        var value: JSON
        if let variable {
            guard let bound = bindings[variable] else { return nil }
            value = bound
        } else {
            guard let input else { return .some(nil) }
            value = input
        }
        for name in names {
            switch value {
            case .object(let o):
                guard let member = o[name] else { return .some(nil) }
                value = member
            case .array:
                return nil
            default:
                // A field of a string, number, boolean or null is undefined.
                return .some(nil)
            }
        }
        // Through a value and back, as the evaluator's answer would go: a number becomes
        // what JavaScript holds (an integer past 2^53 is rounded); containers stay as they are.
        return .some(Value(value).jsonValue)
    }
}

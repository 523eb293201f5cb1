import JSONata
import StatesLanguage

/// One Choice condition tested against a state's input, for showing why a branch was taken:
/// whether it holds, and for a comparison the value the path found and what it was compared with.
public struct ChoiceCheck: Sendable {
    public var condition: ChoiceCondition
    /// true or false; nil when testing it failed (`error` says why).
    public var holds: Bool?
    public var error: ExecutionError?
    /// A comparison's `Variable` value (nil: the path matched nothing).
    public var value: JSON?
    /// A `…Path` comparison's operand as its path resolved, or a JSONata condition's result.
    public var resolved: JSON?
    /// The parts of an And, Or or Not.
    public var parts: [ChoiceCheck]

    /// Tests every rule of `choice` (not only up to the first that holds, so each can be shown)
    /// the way the engine does: JSONPath rules against `input` and `$$`, JSONata conditions
    /// with `$states.input`, `$states.context` and the variables.
    public static func rules(of choice: ChoiceState, queryLanguage: QueryLanguage, input: JSON,
                             variables: [String: JSON], contextObject: JSON, now: Int64) -> [ChoiceCheck] {
        let context = EvaluationContext(input: input, contextObject: contextObject, variables: variables)
        var bindings = variables
        bindings["states"] = ["input": input, "context": contextObject]
        let environment = JSONataEnvironment(timestamp: Double(now), randomSeed: 0)
        return choice.choices.map { rule in
            queryLanguage == .jsonata
                ? jsonata(rule.condition, bindings: bindings, environment: environment)
                : check(rule.condition, in: context)
        }
    }

    static func check(_ condition: ChoiceCondition, in context: EvaluationContext) -> ChoiceCheck {
        var result = ChoiceCheck(condition: condition, parts: [])
        switch condition {
        case .and(let parts), .or(let parts):
            result.parts = parts.map { check($0, in: context) }
            let values = result.parts.map(\.holds)
            if case .and = condition {
                result.holds = values.contains(false) ? false : values.contains(nil) ? nil : true
            } else {
                result.holds = values.contains(true) ? true : values.contains(nil) ? nil : false
            }
        case .not(let inner):
            result.parts = [check(inner, in: context)]
            result.holds = result.parts[0].holds.map { !$0 }
        case .comparison(let variable, let name, let operand):
            guard let path = try? JSONPath(variable) else {
                result.error = ExecutionError(StatesErrorName.runtime, cause: "Invalid path '\(variable)'")
                return result
            }
            result.value = path.valueIfPresent(in: context)
            if name.hasSuffix("Path"), case .string(let text) = operand, let other = try? JSONPath(text) {
                result.resolved = other.valueIfPresent(in: context)
            }
            do {
                result.holds = try ChoiceComparison.evaluate(operator: name, variable: path, operand: operand, in: context)
            } catch {
                result.error = error
            }
        case .jsonata(let value):
            result.holds = value == .bool(true)
            result.resolved = value
        }
        return result
    }

    static func jsonata(_ condition: ChoiceCondition, bindings: [String: JSON], environment: JSONataEnvironment) -> ChoiceCheck {
        var result = ChoiceCheck(condition: condition, parts: [])
        guard case .jsonata(let value) = condition else { return result }
        let template = if case .string(let text) = value { JSONataTemplate(expression: text, field: "Condition") }
            else { JSONataTemplate(value, field: "Condition") }
        do {
            let outcome = try template.evaluate(expecting: "boolean", bindings, environment)
            result.resolved = outcome
            result.holds = outcome == .bool(true)
        } catch {
            result.error = error
        }
        return result
    }
}

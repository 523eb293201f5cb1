/// A Choice data-test rule with its paths parsed and its operator looked up once, for evaluating
/// the same rule many times (a Choice in a loop). Same results and errors as
/// `ChoiceComparison.evaluate(operator:variable:operand:in:)`.
public struct PreparedComparison: Sendable {
    // Kept in one shared object: a Choice in a loop copies its rules' comparisons at every test.
    fileprivate final class Storage: Sendable {
        let variable: JSONPath
        let operatorName: String
        let operand: JSON
        let operandPath: (text: String, path: Result<JSONPath, JSONPathSyntaxError>)?
        let isTypeTest: Bool
        let comparison: ChoiceComparison.Test?

        init(variable: JSONPath, operatorName name: String, operand: JSON) {
            self.variable = variable
            operatorName = name
            self.operand = operand
            isTypeTest = ChoiceComparison.typeTestOperators.contains(name)
            if name.hasSuffix("Path"), case .string(let text) = operand {
                operandPath = (text, Result { () throws(JSONPathSyntaxError) in try JSONPath(text) })
            } else {
                operandPath = nil
            }
            let base = name.hasSuffix("Path") ? String(name.dropLast(4)) : name
            comparison = ChoiceComparison.comparisonOperators.contains(base) ? ChoiceComparison.Test(base) : nil
        }
    }
    fileprivate let storage: Storage

    /// The rule's `Variable`.
    public var variable: JSONPath { storage.variable }
    /// The operator as written (`NumericLessThanPath`, `IsPresent`, ...).
    public var operatorName: String { storage.operatorName }

    /// Prepares a rule: `operand` is the rule's value, for a `…Path` operator a path string.
    public init(variable: JSONPath, operator name: String, operand: JSON) {
        storage = Storage(variable: variable, operatorName: name, operand: operand)
    }

    /// Whether the variable or the operand path reads the context object (`$$…`).
    public var usesContextObject: Bool {
        if variable.usesContextObject { return true }
        if case .success(let path)? = storage.operandPath?.path { return path.usesContextObject }
        return false
    }

    /// Whether the rule holds in `context`.
    public func evaluate(in context: EvaluationContext) throws(ExecutionError) -> Bool {
        try storage.evaluate(in: context)
    }
}

extension PreparedComparison.Storage {
    func evaluate(in context: EvaluationContext) throws(ExecutionError) -> Bool {
        let value: JSON? = isTypeTest ? variable.valueIfPresent(in: context) : try variable.select(in: context)
        var resolved = operand
        if let operandPath {
            switch operandPath.path {
            case .success(let path): resolved = try path.select(in: context)
            case .failure(let error):
                throw ExecutionError(StatesErrorName.runtime, cause: "Invalid path '\(operandPath.text)' : \(error.message)")
            }
        }
        if !isTypeTest, let comparison, let value { return ChoiceComparison.compare(comparison, value, resolved) }
        return try ChoiceComparison.evaluate(operator: operatorName, value: value, operand: resolved)
    }
}

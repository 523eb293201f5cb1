/// A Choice data-test rule with its paths parsed and its operator looked up once, for evaluating
/// the same rule many times (a Choice in a loop). Same results and errors as
/// `ChoiceComparison.evaluate(operator:variable:operand:in:)`.
public struct PreparedComparison: Sendable {
    // Kept in one shared object: a Choice in a loop copies its rules' comparisons at every test.
    fileprivate final class Storage: Sendable {
        let variable: JSONPath
        let operatorName: String
        let operand: JSON
        /// A `…Path` operator's operand, parsed (else `variable`, unused): read in place at each
        /// test, where unwrapping an optional path would copy it.
        let operandJSONPath: JSONPath
        let hasOperandPath: Bool
        /// Why a `…Path` operand does not parse: the cause of the error each test raises.
        let operandPathFailure: String?
        let isTypeTest: Bool
        let comparison: ChoiceComparison.Test?

        init(variable: JSONPath, operatorName name: String, operand: JSON) {
            self.variable = variable
            operatorName = name
            self.operand = operand
            isTypeTest = ChoiceComparison.typeTestOperators.contains(name)
            var parsed: JSONPath?
            var failure: String?
            if name.hasSuffix("Path"), case .string(let text) = operand {
                do {
                    parsed = try JSONPath(text)
                } catch {
                    failure = "Invalid path '\(text)' : \(error.message)"
                }
            }
            operandJSONPath = parsed ?? variable
            hasOperandPath = parsed != nil
            operandPathFailure = failure
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

    private init(storage: Storage) { self.storage = storage }

    /// Whether the variable or the operand path reads the context object (`$$…`).
    public var usesContextObject: Bool {
        if variable.usesContextObject { return true }
        return storage.hasOperandPath && storage.operandJSONPath.usesContextObject
    }

    /// Whether the rule holds in `context`.
    public func evaluate(in context: EvaluationContext) throws(ExecutionError) -> Bool {
        try storage.evaluate(in: context)
    }

    /// A reference to a prepared rule that does not keep it alive: a holder that keeps the rule
    /// tests it through this without counting a reference at each test.
    public struct Unowned: @unchecked Sendable {
        fileprivate let storage: Unmanaged<Storage>

        /// `PreparedComparison.usesContextObject`; the rule must still be alive.
        public var usesContextObject: Bool {
            storage.withGuaranteedInstance { PreparedComparison(storage: $0).usesContextObject }
        }

        /// `PreparedComparison.evaluate(in:)`; the rule must still be alive.
        public func evaluate(in context: EvaluationContext) throws(ExecutionError) -> Bool {
            try storage.withGuaranteedInstance { (storage) throws(ExecutionError) in try storage.evaluate(in: context) }
        }
    }

    /// This rule, unowned (see `Unowned`).
    public var unowned: Unowned { Unowned(storage: .passUnretained(storage)) }
}

extension PreparedComparison.Storage {
    func evaluate(in context: EvaluationContext) throws(ExecutionError) -> Bool {
        let value: JSON? = isTypeTest ? variable.valueIfPresent(in: context) : try variable.select(in: context)
        let resolved: JSON
        if hasOperandPath {
            resolved = try operandJSONPath.select(in: context)
        } else if let operandPathFailure {
            throw ExecutionError(StatesErrorName.runtime, cause: operandPathFailure)
        } else {
            resolved = operand
        }
        if !isTypeTest, let comparison, let value { return ChoiceComparison.compare(comparison, value, resolved) }
        return try ChoiceComparison.evaluate(operator: operatorName, value: value, operand: resolved)
    }
}

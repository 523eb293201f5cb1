/// Paths, templates and Choice conditions parsed when the machine is prepared. Whatever does not
/// parse keeps its text, and evaluating it goes through `DataFlow`, which raises the same runtime
/// error it always did: a bad path fails the state that uses it, when it is used.

/// InputPath / OutputPath / ItemsPath.
enum PathPlan: Sendable {
    /// `$` (or absent): the document itself.
    case whole
    /// `null`: `{}`.
    case empty
    case path(JSONPath)
    case invalid(String)

    /// `$`: the document passes unchanged.
    var isWhole: Bool {
        if case .whole = self { return true }
        return false
    }

    init(_ setting: PathSetting) {
        switch setting.effectivePath {
        case nil: self = .empty
        case "$": self = .whole
        case let text?:
            do { self = .path(try JSONPath(text)) } catch { self = .invalid(text) }
        }
    }
}

/// ResultPath.
enum ResultPathPlan: Sendable {
    /// `null`: the result is discarded, the raw input goes on.
    case discard
    /// `$` (or absent): the result replaces the input.
    case whole
    case path(ReferencePath)
    case invalid(String)

    init(_ setting: PathSetting) {
        switch setting.effectivePath {
        case nil: self = .discard
        case "$": self = .whole
        case let text?:
            do { self = .path(try ReferencePath(text)) } catch { self = .invalid(text) }
        }
    }
}

/// Parameters, ResultSelector, ItemSelector, Assign.
struct TemplatePlan: Sendable {
    enum Form: Sendable {
        /// Reached unowned (`TemplatePlan` keeps the template), so that reading the form out of
        /// a prepared state counts no reference.
        case compiled(PayloadTemplate.Unowned, usesContextObject: Bool)
        case invalid(JSON)
    }

    let form: Form
    private let template: PayloadTemplate?

    init(_ source: JSON) {
        do {
            let template = try PayloadTemplate(source)
            self.template = template
            form = .compiled(template.unowned, usesContextObject: template.usesContextObject)
        } catch {
            template = nil
            form = .invalid(source)
        }
    }
}

/// A Choice rule's condition.
enum ConditionPlan: Sendable {
    case and([ConditionPlan])
    case or([ConditionPlan])
    indirect case not(ConditionPlan)
    /// Reached unowned, so that testing copies no reference: whoever prepared the condition
    /// keeps the comparisons alive (`init(_:keeping:)`).
    case comparison(PreparedComparison.Unowned)
    /// A Variable that does not parse, or JSONata: `DataFlow.test` reports it.
    case unprepared(ChoiceCondition)

    /// Prepares `condition`; `owners` collects the prepared comparisons, which the caller keeps.
    init(_ condition: ChoiceCondition, keeping owners: inout [PreparedComparison]) {
        switch condition {
        case .and(let all): self = .and(all.map { ConditionPlan($0, keeping: &owners) })
        case .or(let any): self = .or(any.map { ConditionPlan($0, keeping: &owners) })
        case .not(let inner): self = .not(ConditionPlan(inner, keeping: &owners))
        case .comparison(let variable, let op, let operand):
            guard let path = try? JSONPath(variable) else {
                self = .unprepared(condition)
                return
            }
            let comparison = PreparedComparison(variable: path, operator: op, operand: operand)
            owners.append(comparison)
            self = .comparison(comparison.unowned)
        case .jsonata:
            self = .unprepared(condition)
        }
    }

    /// Whether testing may read the context object (`$$…`).
    var usesContextObject: Bool {
        switch self {
        case .and(let all), .or(let all): return all.contains { $0.usesContextObject }
        case .not(let inner): return inner.usesContextObject
        case .comparison(let comparison): return comparison.usesContextObject
        case .unprepared: return true
        }
    }

    /// Whether the condition holds; evaluated like `DataFlow.test`.
    borrowing func test(in context: EvaluationContext) throws(ExecutionError) -> Bool {
        switch self {
        case .and(let all):
            for c in all where !(try c.test(in: context)) { return false }
            return true
        case .or(let any):
            for c in any where try c.test(in: context) { return true }
            return false
        case .not(let inner):
            return !(try inner.test(in: context))
        case .comparison(let comparison):
            return try comparison.evaluate(in: context)
        case .unprepared(let condition):
            return try DataFlow.test(condition, in: context)
        }
    }
}

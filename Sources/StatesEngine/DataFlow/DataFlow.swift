/// The engine's one doorway to StatesLanguage's paths, payload templates and Choice rules:
/// it turns their syntax problems into the runtime errors AWS reports.
enum DataFlow {
    /// A path field (InputPath, OutputPath, ItemsPath, SecondsPath, ...).
    static func select(_ text: String, field: String, in context: EvaluationContext) throws(ExecutionError) -> JSON {
        let path: JSONPath
        do {
            path = try JSONPath(text)
        } catch {
            throw ExecutionError(StatesErrorName.runtime, cause: "Invalid path '\(text)' : \(error.message)")
        }
        return try path.select(in: context)
    }

    /// A payload template (Parameters, ResultSelector, ItemSelector, Assign).
    static func template(_ source: JSON, in context: inout EvaluationContext) throws(ExecutionError) -> JSON {
        let template: PayloadTemplate
        do {
            template = try PayloadTemplate(source)
        } catch {
            throw ExecutionError(StatesErrorName.runtime, cause: error.message)
        }
        return try template.evaluate(in: &context)
    }

    /// A path or intrinsic function call written where a `.$` field's value would be
    /// (ErrorPath, CausePath), with AWS's message for a path that finds nothing.
    static func expression(_ text: String, field: String, in context: inout EvaluationContext) throws(ExecutionError) -> JSON {
        if text.hasPrefix("States.") {
            let call: IntrinsicCall
            do {
                call = try IntrinsicCall(text)
            } catch {
                throw ExecutionError(StatesErrorName.runtime, cause: "Invalid intrinsic function '\(text)' in the field '\(field)': \(error.message)")
            }
            return try call.evaluate(in: &context)
        }
        let path: JSONPath
        do {
            path = try JSONPath(text)
        } catch {
            throw ExecutionError(StatesErrorName.runtime, cause: "Invalid path '\(text)' : \(error.message)")
        }
        return try path.evaluate(in: context, field: field)
    }

    /// ResultPath: writes `result` into `input`.
    static func place(_ result: JSON, at text: String, in input: JSON) throws(ExecutionError) -> JSON {
        let path: ReferencePath
        do {
            path = try ReferencePath(text)
        } catch {
            throw ExecutionError(StatesErrorName.runtime, cause: "Invalid path '\(text)' : \(error.message)")
        }
        return try path.set(result, in: input)
    }

    /// Whether a Choice rule's condition holds.
    static func test(_ condition: ChoiceCondition, in context: EvaluationContext) throws(ExecutionError) -> Bool {
        switch condition {
        case .and(let all):
            for c in all where !(try test(c, in: context)) { return false }
            return true
        case .or(let any):
            for c in any where try test(c, in: context) { return true }
            return false
        case .not(let inner):
            return !(try test(inner, in: context))
        case .comparison(let variable, let op, let operand):
            let path: JSONPath
            do {
                path = try JSONPath(variable)
            } catch {
                throw ExecutionError(StatesErrorName.runtime, cause: "Invalid path '\(variable)' : \(error.message)")
            }
            return try ChoiceComparison.evaluate(operator: op, variable: path, operand: operand, in: context)
        case .jsonata:
            throw ExecutionError(StatesErrorName.runtime, cause: "asldb does not evaluate JSONata yet")
        }
    }

    /// A value as AWS quotes it in messages: strings bare, everything else as compact JSON.
    static func describe(_ value: JSON) -> String {
        if case .string(let s) = value { return s }
        return JSONPrinter.compact(value)
    }
}

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
        throw ExecutionError(StatesErrorName.runtime, cause: "Choice rules are not evaluated yet")
    }

    /// A value as AWS quotes it in messages: strings bare, everything else as compact JSON.
    static func describe(_ value: JSON) -> String {
        if case .string(let s) = value { return s }
        return JSONPrinter.compact(value)
    }
}

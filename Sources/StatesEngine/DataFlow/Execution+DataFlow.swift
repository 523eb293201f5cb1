/// The JSONPath-mode data flow of a state, in AWS order:
/// InputPath → Parameters → (task) → ResultSelector → ResultPath → OutputPath, plus Assign.
extension Execution {
    /// Evaluates something that may draw random numbers, keeping the execution's random state.
    mutating func evaluate<T>(_ document: JSON, usesContextObject: Bool = true,
                              _ body: (inout EvaluationContext) throws(ExecutionError) -> T) throws(ExecutionError) -> T {
        var lent = document
        return try evaluate(&lent, usesContextObject: usesContextObject, body)
    }

    /// Evaluates with `$` bound to `document`, `$$` and the top frame's variables. The document
    /// and the variables are lent to the evaluation, moved in and back out, so that neither is
    /// copied. Without `usesContextObject` the context object is left out (null): building it
    /// costs more than most expressions, and most never read it.
    mutating func evaluate<T>(_ document: inout JSON, usesContextObject: Bool = true,
                              _ body: (inout EvaluationContext) throws(ExecutionError) -> T) throws(ExecutionError) -> T {
        let top = frames.count - 1
        var context = EvaluationContext(input: .null, contextObject: usesContextObject ? contextObject() : .null,
                                        variables: [:], random: random)
        swap(&context.input, &document)
        swap(&context.variables, &frames[top].variables)
        defer {
            swap(&context.input, &document)
            swap(&context.variables, &frames[top].variables)
            random = context.random
        }
        return try body(&context)
    }

    /// InputPath: `$` by default, `{}` when null.
    mutating func applyInputPath(_ state: StatePlan, _ input: consuming JSON) throws(ExecutionError) -> JSON {
        if state.inputPathIsWhole { return input }
        return try select(state.inputPath, field: "InputPath", in: input)
    }

    /// A prepared path field (InputPath, OutputPath, ItemsPath) applied to `document`.
    mutating func select(_ plan: PathPlan, field: String, in document: JSON) throws(ExecutionError) -> JSON {
        switch plan {
        case .whole: return document
        case .empty: return .object([:])
        case .path(let path):
            if case .input = path.root { return try path.select(from: document) }
            return try evaluate(document, usesContextObject: path.usesContextObject) { (c) throws(ExecutionError) in try path.select(in: c) }
        case .invalid(let text):
            return try evaluate(document) { (c) throws(ExecutionError) in try DataFlow.select(text, field: field, in: c) }
        }
    }

    /// Parameters / ItemSelector as a payload template, or the value unchanged.
    mutating func applyTemplate(_ template: JSON?, to value: JSON) throws(ExecutionError) -> JSON {
        guard let template else { return value }
        return try evaluate(value) { (c) throws(ExecutionError) in try DataFlow.template(template, in: &c) }
    }

    /// A prepared template (Parameters, ResultSelector, ItemSelector, Assign), or the value unchanged.
    mutating func applyTemplate(_ template: TemplatePlan?, to value: consuming JSON) throws(ExecutionError) -> JSON {
        guard let form = template?.form else { return value }
        return try applyTemplate(form, lending: &value)
    }

    /// A prepared template applied to `document`, which is lent to the evaluation, not copied.
    mutating func applyTemplate(_ template: TemplatePlan.Form, lending document: inout JSON) throws(ExecutionError) -> JSON {
        switch template {
        case .compiled(let compiled, let usesContextObject):
            return try evaluate(&document, usesContextObject: usesContextObject) { (c) throws(ExecutionError) in try compiled.evaluate(in: &c) }
        case .invalid(let source):
            return try applyTemplate(source, to: document)
        }
    }

    /// ResultSelector → ResultPath → OutputPath for a state's result; records the stages.
    mutating func applyResult(_ state: StatePlan, rawInput: borrowing JSON, result: consuming JSON) throws(ExecutionError) -> JSON {
        let index = frames.count - 1
        let recording = options.recordsStages
        if recording { frames[index].stages.result = result }
        var selected = result
        if let selector = state.resultSelector?.form {
            selected = try applyTemplate(selector, lending: &selected)
            if recording { frames[index].stages.afterResultSelector = selected }
        }
        let placed = try applyResultPath(state.resultPath, rawInput: rawInput, result: selected)
        if recording { frames[index].stages.afterResultPath = placed }
        return try applyOutputPath(state, placed)
    }

    mutating func applyResultPath(_ setting: PathSetting, rawInput: JSON, result: JSON) throws(ExecutionError) -> JSON {
        guard let path = setting.effectivePath else { return rawInput }
        if path == "$" { return result }
        return try DataFlow.place(result, at: path, in: rawInput)
    }

    mutating func applyResultPath(_ plan: ResultPathPlan, rawInput: borrowing JSON, result: consuming JSON) throws(ExecutionError) -> JSON {
        switch plan {
        case .discard: return copy rawInput
        case .whole: return result
        case .path(let path): return try path.set(result, in: rawInput)
        case .invalid(let text): return try DataFlow.place(result, at: text, in: rawInput)
        }
    }

    /// OutputPath: `$` by default, `{}` when null.
    mutating func applyOutputPath(_ state: StatePlan, _ value: consuming JSON) throws(ExecutionError) -> JSON {
        if state.outputPathIsWhole { return value }
        return try select(state.outputPath, field: "OutputPath", in: value)
    }

    /// Evaluates an Assign block against `document`; the values take effect from the next state.
    mutating func evaluateAssign(_ assign: JSON?, document: JSON) throws(ExecutionError) -> JSONObject? {
        guard let assign else { return nil }
        let value = try applyTemplate(assign, to: document)
        return value.objectValue
    }

    /// A prepared Assign block (see `evaluateAssign(_:document:)`).
    mutating func evaluateAssign(_ assign: TemplatePlan?, document: JSON) throws(ExecutionError) -> JSONObject? {
        guard let assign else { return nil }
        let value = try applyTemplate(assign, to: document)
        return value.objectValue
    }

    /// A `…Path` field's value (SecondsPath, TimeoutSecondsPath, ErrorPath, ...).
    mutating func resolve(_ source: ValueSource, field: String, input: JSON) throws(ExecutionError) -> JSON {
        switch source {
        case .literal(let value): return value
        case .path(let path):
            return try evaluate(input) { (c) throws(ExecutionError) in try DataFlow.select(path, field: field, in: c) }
        case .jsonata:
            throw ExecutionError(StatesErrorName.runtime, cause: "asldb does not evaluate JSONata yet")
        }
    }

    /// A States.Runtime error with AWS's prefix naming the state and its entered event.
    func runtimeError(_ cause: String) -> ExecutionError {
        ExecutionError(StatesErrorName.runtime, cause: located(cause))
    }

    /// AWS's prefix for errors raised while a state runs.
    func located(_ cause: String) -> String {
        let frame = frames[frames.count - 1]
        return "An error occurred while executing the state '\(frame.stateName)' (entered at the event id #\(frame.enteredEventId)). \(cause)"
    }

    /// Adds the state prefix to evaluation errors that AWS reports with it.
    func locatedIfNeeded(_ error: ExecutionError) -> ExecutionError {
        guard error.error == StatesErrorName.runtime || error.error == StatesErrorName.queryEvaluationError,
              !error.cause.hasPrefix("An error occurred while executing the state") else { return error }
        return ExecutionError(error.error, cause: located(error.cause))
    }
}

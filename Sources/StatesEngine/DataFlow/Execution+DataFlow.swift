/// The JSONPath-mode data flow of a state, in AWS order:
/// InputPath → Parameters → (task) → ResultSelector → ResultPath → OutputPath, plus Assign.
extension Execution {
    /// What paths and templates see in the top frame: `$` = `document`, `$$`, the variables.
    mutating func evaluationContext(_ document: JSON) -> EvaluationContext {
        EvaluationContext(input: document, contextObject: contextObject(), variables: frames[frames.count - 1].variables, random: random)
    }

    /// Evaluates something that may draw random numbers, keeping the execution's random state.
    mutating func evaluate<T>(_ document: JSON, _ body: (inout EvaluationContext) throws(ExecutionError) -> T) throws(ExecutionError) -> T {
        var context = evaluationContext(document)
        defer { random = context.random }
        return try body(&context)
    }

    /// InputPath: `$` by default, `{}` when null.
    mutating func applyInputPath(_ state: State, _ input: JSON) throws(ExecutionError) -> JSON {
        guard let path = state.inputPath.effectivePath else { return .object([:]) }
        if path == "$" { return input }
        return try evaluate(input) { (c) throws(ExecutionError) in try DataFlow.select(path, field: "InputPath", in: c) }
    }

    /// Parameters / ItemSelector as a payload template, or the value unchanged.
    mutating func applyTemplate(_ template: JSON?, to value: JSON) throws(ExecutionError) -> JSON {
        guard let template else { return value }
        return try evaluate(value) { (c) throws(ExecutionError) in try DataFlow.template(template, in: &c) }
    }

    /// ResultSelector → ResultPath → OutputPath for a state's result; records the stages.
    mutating func applyResult(_ state: State, rawInput: JSON, result: JSON) throws(ExecutionError) -> JSON {
        let index = frames.count - 1
        frames[index].stages.result = result
        let selected = try applyTemplate(state.resultSelector, to: result)
        if state.resultSelector != nil { frames[index].stages.afterResultSelector = selected }
        let placed = try applyResultPath(state.resultPath, rawInput: rawInput, result: selected)
        frames[index].stages.afterResultPath = placed
        return try applyOutputPath(state, placed)
    }

    mutating func applyResultPath(_ setting: PathSetting, rawInput: JSON, result: JSON) throws(ExecutionError) -> JSON {
        guard let path = setting.effectivePath else { return rawInput }
        if path == "$" { return result }
        return try DataFlow.place(result, at: path, in: rawInput)
    }

    /// OutputPath: `$` by default, `{}` when null.
    mutating func applyOutputPath(_ state: State, _ value: JSON) throws(ExecutionError) -> JSON {
        guard let path = state.outputPath.effectivePath else { return .object([:]) }
        if path == "$" { return value }
        return try evaluate(value) { (c) throws(ExecutionError) in try DataFlow.select(path, field: "OutputPath", in: c) }
    }

    /// Evaluates an Assign block against `document`; the values take effect from the next state.
    mutating func evaluateAssign(_ assign: JSON?, document: JSON) throws(ExecutionError) -> JSONObject? {
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

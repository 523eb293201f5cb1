/// `Pass`: Result (or the effective input) flows through ResultPath and OutputPath.
extension Execution {
    mutating func runPass(_ state: StatePlan) {
        let index = frames.count - 1
        // Moved out of the frame while the state runs and lent to each stage, not copied; put
        // back when the state fails.
        var raw = frames[index].takeInput()
        let output: JSON
        let assigned: JSONObject?
        do throws(ExecutionError) {
            // With InputPath `$` (most states) the raw input is the effective input.
            let whole = state.inputPathIsWhole
            var effective = JSON.null
            if !whole { effective = try select(state.inputPath, field: "InputPath", in: raw) }
            let recording = options.recordsStages
            if recording { frames[index].stages.afterInputPath = whole ? raw : effective }
            var result = JSON.null
            if let parameters = state.parameters?.form {
                result = whole ? try applyTemplate(parameters, lending: &raw) : try applyTemplate(parameters, lending: &effective)
                if recording { frames[index].stages.afterParameters = result }
            } else if state.passResult == nil {
                result = whole ? raw : effective
            }
            // Result, when written, is the state's result; Parameters still ran.
            if let passResult = state.passResult { result = passResult }
            assigned = try evaluateAssign(state.assign, document: result)
            output = try applyResult(state, rawInput: raw, result: result)
        } catch {
            frames[index].input = raw
            failState(locatedIfNeeded(error))
            return
        }
        exitState(state, output: consume output, next: state.nextName, nextNode: state.nextNode, assigned: assigned)
    }

}

extension Transition {
    /// The next state's name, nil for End (and for Choice, Succeed and Fail).
    var nextName: String? {
        if case .next(let name) = self { return name }
        return nil
    }
}

/// `Pass`: Result (or the effective input) flows through ResultPath and OutputPath.
extension Execution {
    mutating func runPass(_ state: StatePlan) {
        let index = frames.count - 1
        let raw = frames[index].input
        do throws(ExecutionError) {
            let effective = try applyInputPath(state, raw)
            frames[index].stages.afterInputPath = effective
            let parameters = try applyTemplate(state.parameters, to: effective)
            if state.parameters != nil { frames[index].stages.afterParameters = parameters }
            let result = state.passResult ?? parameters
            let assigned = try evaluateAssign(state.assign, document: result)
            let output = try applyResult(state, rawInput: raw, result: result)
            exitState(state, output: output, next: state.nextName, nextNode: state.nextNode, assigned: assigned)
        } catch {
            failState(locatedIfNeeded(error))
        }
    }

}

extension Transition {
    /// The next state's name, nil for End (and for Choice, Succeed and Fail).
    var nextName: String? {
        if case .next(let name) = self { return name }
        return nil
    }
}

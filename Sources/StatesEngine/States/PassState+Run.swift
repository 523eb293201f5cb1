/// `Pass`: Result (or the effective input) flows through ResultPath and OutputPath.
extension Execution {
    mutating func runPass(_ state: State, _ pass: PassState) {
        let index = frames.count - 1
        let raw = frames[index].input
        do throws(ExecutionError) {
            let effective = try applyInputPath(state, raw)
            frames[index].stages.afterInputPath = effective
            let parameters = try applyTemplate(state.parameters, to: effective)
            if state.parameters != nil { frames[index].stages.afterParameters = parameters }
            let result = pass.result ?? parameters
            let assigned = try evaluateAssign(state.assign, document: result)
            let output = try applyResult(state, rawInput: raw, result: result)
            exitState(output: output, next: state.transition.nextName, assigned: assigned)
        } catch {
            failState(locatedIfNeeded(error))
        }
    }

    /// `Succeed`: ends its (sub-)machine with InputPath → OutputPath of its input.
    mutating func runSucceed(_ state: State) {
        let raw = frames[frames.count - 1].input
        do throws(ExecutionError) {
            let effective = try applyInputPath(state, raw)
            let output = try applyOutputPath(state, effective)
            exitState(output: output, next: nil, assigned: nil)
        } catch {
            failState(locatedIfNeeded(error))
        }
    }

    /// `Fail`: ends its (sub-)machine with Error and Cause (or their Path forms).
    mutating func runFail(_ state: State, _ fail: FailState) {
        let raw = frames[frames.count - 1].input
        do throws(ExecutionError) {
            let name = try fail.error.map { (s) throws(ExecutionError) in try failText(s, field: "ErrorPath", input: raw) } ?? nil
            let cause = try fail.cause.map { (s) throws(ExecutionError) in try failText(s, field: "CausePath", input: raw) } ?? nil
            finishFrame(.failure(ExecutionError(name ?? "", cause: cause ?? "")))
        } catch {
            finishFrame(.failure(locatedIfNeeded(error)))
        }
    }

    private mutating func failText(_ source: ValueSource, field: String, input: JSON) throws(ExecutionError) -> String? {
        let value: JSON
        if case .path(let text) = source {
            // ErrorPath and CausePath take a path or an intrinsic function, like a `.$` field.
            value = try evaluate(input) { (c) throws(ExecutionError) in try DataFlow.expression(text, field: field, in: &c) }
        } else {
            value = try resolve(source, field: field, input: input)
        }
        if case .string(let s) = value { return s }
        return JSONPrinter.compact(value)
    }
}

extension Transition {
    /// The next state's name, nil for End (and for Choice, Succeed and Fail).
    var nextName: String? {
        if case .next(let name) = self { return name }
        return nil
    }
}

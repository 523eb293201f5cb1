/// `Fail`: ends its (sub-)machine with Error and Cause (or their Path forms).
extension Execution {
    mutating func runFail(_ state: StatePlan, _ fail: FailState) {
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

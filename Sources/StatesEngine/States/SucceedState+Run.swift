/// `Succeed`: ends its (sub-)machine with InputPath → OutputPath of its input.
extension Execution {
    mutating func runSucceed(_ state: StatePlan) {
        let raw = frames[frames.count - 1].input
        do throws(ExecutionError) {
            let effective = try applyInputPath(state, raw)
            let output = try applyOutputPath(state, effective)
            exitState(output: output, next: nil, assigned: nil)
        } catch {
            failState(locatedIfNeeded(error))
        }
    }
}

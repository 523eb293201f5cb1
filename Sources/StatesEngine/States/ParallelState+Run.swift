/// `Parallel`: runs every branch on the same input and collects their outputs in branch order.
extension Execution {
    mutating func runParallel(_ state: StatePlan, _ parallel: ParallelState) {
        let index = frames.count - 1
        let raw = frames[index].input
        do throws(ExecutionError) {
            let effective = try applyInputPath(state, raw)
            frames[index].stages.afterInputPath = effective
            let parameters = try applyTemplate(state.parameters, to: effective)
            if state.parameters != nil { frames[index].stages.afterParameters = parameters }
            var run = ChildRun(kind: .parallel(state.children), effectiveInput: parameters)
            run.startedEventId = emit(.parallelStateStarted)
            frames[index].children = run
            frames[index].phase = .awaitingChildren
            startNextChild()
        } catch {
            failState(locatedIfNeeded(error))
        }
    }
}

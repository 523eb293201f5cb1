/// `Choice`: the first rule whose condition holds decides the next state, else Default,
/// else `States.NoChoiceMatched`.
extension Execution {
    mutating func runChoice(_ state: StatePlan) {
        let index = frames.count - 1
        let raw = frames[index].input
        do throws(ExecutionError) {
            let effective = try applyInputPath(state, raw)
            frames[index].stages.afterInputPath = effective
            // One context for every rule; the rules are read where the plan keeps them.
            let chosen = try state.firstMatchingRule(in: evaluationContext(effective, usesContextObject: state.choicesUseContextObject))
            let rules = state.choices
            guard let next = chosen.map({ rules[$0].rule.next }) ?? state.choiceDefault else {
                throw ExecutionError(StatesErrorName.noChoiceMatched,
                    cause: "No Matches!")
            }
            // The matching rule's Assign runs; the state's own Assign belongs to the Default path.
            let assigned = try evaluateAssign(chosen.map { rules[$0].assign } ?? state.assign, document: effective)
            let output = try applyOutputPath(state, effective)
            exitState(state, output: output, next: next, nextNode: chosen.map { state.choiceNodes[$0] } ?? state.defaultNode,
                      assigned: assigned)
        } catch {
            failState(locatedIfNeeded(error))
        }
    }
}

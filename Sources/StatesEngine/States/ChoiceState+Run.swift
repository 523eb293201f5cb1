/// `Choice`: the first rule whose condition holds decides the next state, else Default,
/// else `States.NoChoiceMatched`.
extension Execution {
    mutating func runChoice(_ state: StatePlan, _ choice: ChoiceState) {
        let index = frames.count - 1
        let raw = frames[index].input
        do throws(ExecutionError) {
            let effective = try applyInputPath(state, raw)
            frames[index].stages.afterInputPath = effective
            var chosen: ChoicePlan?
            for rule in state.choices {
                let holds = try evaluate(effective, usesContextObject: rule.condition.usesContextObject) { (c) throws(ExecutionError) in
                    try rule.condition.test(in: c)
                }
                if holds { chosen = rule; break }
            }
            guard let next = chosen?.rule.next ?? choice.defaultNext else {
                throw ExecutionError(StatesErrorName.noChoiceMatched,
                    cause: "No Matches!")
            }
            // The matching rule's Assign runs; the state's own Assign belongs to the Default path.
            let assigned = try evaluateAssign(chosen.map(\.assign) ?? state.assign, document: effective)
            let output = try applyOutputPath(state, effective)
            exitState(output: output, next: next, nextPosition: chosen.map(\.nextPosition) ?? state.defaultPosition, assigned: assigned)
        } catch {
            failState(locatedIfNeeded(error))
        }
    }
}

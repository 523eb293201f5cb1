/// `Choice`: the first rule whose condition holds decides the next state, else Default,
/// else `States.NoChoiceMatched`.
extension Execution {
    mutating func runChoice(_ state: StatePlan, _ choice: ChoiceState) {
        let index = frames.count - 1
        let raw = frames[index].input
        do throws(ExecutionError) {
            let effective = try applyInputPath(state, raw)
            frames[index].stages.afterInputPath = effective
            // By position: a rule is not copied to be tested.
            let rules = state.choices
            var chosen: Int?
            for i in rules.indices {
                let holds = try evaluate(effective, usesContextObject: rules[i].usesContextObject) { (c) throws(ExecutionError) in
                    try rules[i].condition.test(in: c)
                }
                if holds { chosen = i; break }
            }
            guard let next = chosen.map({ rules[$0].rule.next }) ?? choice.defaultNext else {
                throw ExecutionError(StatesErrorName.noChoiceMatched,
                    cause: "No Matches!")
            }
            // The matching rule's Assign runs; the state's own Assign belongs to the Default path.
            let assigned = try evaluateAssign(chosen.map { rules[$0].assign } ?? state.assign, document: effective)
            let output = try applyOutputPath(state, effective)
            exitState(output: output, next: next, nextPosition: chosen.map { rules[$0].nextPosition } ?? state.defaultPosition, assigned: assigned)
        } catch {
            failState(locatedIfNeeded(error))
        }
    }
}

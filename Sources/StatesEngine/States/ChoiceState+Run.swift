/// `Choice`: the first rule whose condition holds decides the next state, else Default,
/// else `States.NoChoiceMatched`.
extension Execution {
    mutating func runChoice(_ state: StatePlan) {
        let index = frames.count - 1
        // Moved out of the frame while the state runs and lent to the rules, not copied; put back
        // when the state fails.
        var raw = frames[index].takeInput()
        // With InputPath `$` (most states) the raw input is the effective input.
        let whole = state.inputPathIsWhole
        var effective = JSON.null
        let chosen: Int?
        let assigned: JSONObject?
        do throws(ExecutionError) {
            if !whole { effective = try select(state.inputPath, field: "InputPath", in: raw) }
            if options.recordsStages { frames[index].stages.afterInputPath = whole ? raw : effective }
            // One context for every rule; the rules are read where the plan keeps them.
            let uses = state.choicesUseContextObject
            // Captured unowned: the frame's plan keeps the state alive.
            let plan = Unmanaged.passUnretained(state)
            let test = { (c: inout EvaluationContext) throws(ExecutionError) -> Int? in
                try plan.withGuaranteedInstance { (state) throws(ExecutionError) in try state.firstMatchingRule(in: c) }
            }
            chosen = whole ? try evaluate(&raw, usesContextObject: uses, test) : try evaluate(&effective, usesContextObject: uses, test)
            guard chosen != nil || state.choiceDefault != nil else {
                throw ExecutionError(StatesErrorName.noChoiceMatched, cause: "No Matches!")
            }
            // The matching rule's Assign runs; the state's own Assign belongs to the Default path.
            if let assign = chosen.map({ state.choices[$0].assign }) ?? state.assign {
                assigned = try evaluateAssign(assign, document: whole ? raw : effective)
            } else {
                assigned = nil
            }
            if !state.outputPathIsWhole {
                effective = try select(state.outputPath, field: "OutputPath", in: whole ? raw : effective)
            }
        } catch {
            frames[index].input = raw
            failState(locatedIfNeeded(error))
            return
        }
        let next = chosen.map { state.choices[$0].rule.next } ?? state.choiceDefault
        let nextNode = chosen.map { state.choiceNodes[$0] } ?? state.defaultNode
        var output = JSON.null
        if whole && state.outputPathIsWhole { swap(&output, &raw) } else { swap(&output, &effective) }
        exitState(state, output: consume output, next: next, nextNode: nextNode, assigned: assigned)
    }
}

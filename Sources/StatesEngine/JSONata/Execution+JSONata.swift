import JSONata
import StatesLanguage

/// The JSONata-mode data flow of a state: Arguments → (task) → Output, with Assign; every field
/// sees `$states` (input, result, errorOutput, context) and the variables as they were when
/// the state was entered.
extension Execution {
    /// What a JSONata field of the top frame's state sees: `$states` and the variables.
    mutating func jsonataBindings(_ plan: JSONataPlan, input: JSON, result: JSON? = nil, errorOutput: JSON? = nil) -> [String: JSON] {
        var states: JSONObject = ["input": input]
        if let result { states["result"] = result }
        if let errorOutput { states["errorOutput"] = errorOutput }
        if plan.readsContext { states["context"] = contextObject() }
        var bindings = frames[frames.count - 1].variables
        bindings["states"] = .object(states)
        return bindings
    }

    /// The clock and random numbers an evaluation uses: the virtual clock, and a seed drawn
    /// from the execution's own random source, so a re-run gives the same values.
    mutating func jsonataEnvironment() -> JSONataEnvironment {
        JSONataEnvironment(timestamp: Double(now), randomSeed: random.next())
    }

    /// A template's value, or nil when the state does not have the field.
    mutating func evaluate(_ template: JSONataTemplate?, _ bindings: [String: JSON]) throws(ExecutionError) -> JSON? {
        guard let template else { return nil }
        return try template.evaluate(bindings, jsonataEnvironment())
    }

    /// An Assign block's variables (they take effect from the next state on).
    mutating func jsonataAssign(_ template: JSONataTemplate?, _ bindings: [String: JSON]) throws(ExecutionError) -> JSONObject? {
        guard let value = try evaluate(template, bindings) else { return nil }
        return value.objectValue
    }

    /// Output (the default is `fallback`) and Assign of a state that completed.
    mutating func jsonataFinish(_ state: StatePlan, _ plan: JSONataPlan, bindings: [String: JSON], fallback: JSON,
                                next: String?, nextNode: Unmanaged<StatePlan>?) {
        do throws(ExecutionError) {
            let assigned = try jsonataAssign(plan.assign, bindings)
            let output = try evaluate(plan.output, bindings) ?? fallback
            exitState(state, output: output, next: next, nextNode: nextNode, assigned: assigned)
        } catch {
            failState(locatedIfNeeded(error))
        }
    }

    /// Runs a JSONata state (entered already).
    mutating func executeJSONataState(_ state: StatePlan) throws(EngineError) {
        guard let plan = state.jsonata else { return }
        switch state.kind {
        case .pass: runJSONataPass(state, plan)
        case .task(let task): try runTask(state, task)
        case .choice(let choice): runJSONataChoice(state, plan, choice)
        case .wait(let wait): runJSONataWait(state, plan, wait)
        case .succeed: runJSONataSucceed(state, plan)
        case .fail: runJSONataFail(state, plan)
        case .parallel: runJSONataParallel(state, plan)
        case .map(let map): runMap(state, map)
        }
    }

    private mutating func runJSONataPass(_ state: StatePlan, _ plan: JSONataPlan) {
        let raw = frames[frames.count - 1].input
        let bindings = jsonataBindings(plan, input: raw)
        jsonataFinish(state, plan, bindings: bindings, fallback: raw, next: state.nextName, nextNode: state.nextNode)
    }

    private mutating func runJSONataSucceed(_ state: StatePlan, _ plan: JSONataPlan) {
        let raw = frames[frames.count - 1].input
        let bindings = jsonataBindings(plan, input: raw)
        do throws(ExecutionError) {
            let output = try evaluate(plan.output, bindings) ?? raw
            exitState(output: output, next: nil, assigned: nil)
        } catch {
            failState(locatedIfNeeded(error))
        }
    }

    private mutating func runJSONataFail(_ state: StatePlan, _ plan: JSONataPlan) {
        let raw = frames[frames.count - 1].input
        let bindings = jsonataBindings(plan, input: raw)
        do throws(ExecutionError) {
            let name = try evaluate(plan.values["Error"], bindings).map(DataFlow.describe)
            let cause = try evaluate(plan.values["Cause"], bindings).map(DataFlow.describe)
            finishFrame(.failure(ExecutionError(name ?? "", cause: cause ?? "")))
        } catch {
            finishFrame(.failure(locatedIfNeeded(error)))
        }
    }

    private mutating func runJSONataChoice(_ state: StatePlan, _ plan: JSONataPlan, _ choice: ChoiceState) {
        let raw = frames[frames.count - 1].input
        let bindings = jsonataBindings(plan, input: raw)
        do throws(ExecutionError) {
            var chosen: Int?
            for (i, condition) in plan.conditions.enumerated() {
                let value = try condition.evaluate(expecting: "boolean", bindings, jsonataEnvironment())
                if value == .bool(true) {
                    chosen = i
                    break
                }
            }
            guard chosen != nil || state.choiceDefault != nil else {
                throw ExecutionError(StatesErrorName.noChoiceMatched, cause: "No Matches!")
            }
            // The matching rule's Output and Assign; the state's own belong to the Default.
            let assign = chosen.map { plan.ruleAssigns[$0] } ?? plan.assign
            let output = chosen.map { plan.ruleOutputs[$0] } ?? plan.output
            let assigned = try jsonataAssign(assign, bindings)
            let result = try evaluate(output, bindings) ?? raw
            let next = chosen.map { state.choices[$0].rule.next } ?? state.choiceDefault
            let nextNode = chosen.map { state.choiceNodes[$0] } ?? state.defaultNode
            exitState(state, output: result, next: next, nextNode: nextNode, assigned: assigned)
        } catch {
            failState(locatedIfNeeded(error))
        }
    }

    private mutating func runJSONataWait(_ state: StatePlan, _ plan: JSONataPlan, _ wait: WaitState) {
        let raw = frames[frames.count - 1].input
        let bindings = jsonataBindings(plan, input: raw)
        do throws(ExecutionError) {
            let until: Int64
            var absolute = false
            if let seconds = plan.values["Seconds"] {
                let value = try seconds.evaluate(bindings, jsonataEnvironment())
                // The range AWS documents for Seconds, literal or computed.
                guard let n = value.intValue, (0...99_999_999).contains(n) else {
                    throw queryError("The Seconds field must be an integer from 0 to 99999999, but was: \(DataFlow.describe(value))")
                }
                until = try waitEnd(seconds: n)
            } else if let timestamp = plan.values["Timestamp"] {
                let value = try timestamp.evaluate(bindings, jsonataEnvironment())
                guard let text = value.stringValue, let millis = VirtualTime.parse(text) else {
                    throw queryError("The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: \(DataFlow.describe(value))")
                }
                until = try waitEnd(timestamp: millis)
                absolute = true
            } else {
                until = now
            }
            let assigned = try jsonataAssign(plan.assign, bindings)
            let output = try evaluate(plan.output, bindings) ?? raw
            finishWait(state, until: until, absolute: absolute, output: output, assigned: assigned)
        } catch {
            failState(locatedIfNeeded(error))
        }
    }

    private mutating func runJSONataParallel(_ state: StatePlan, _ plan: JSONataPlan) {
        let index = frames.count - 1
        let raw = frames[index].input
        do throws(ExecutionError) {
            let arguments = try evaluate(plan.arguments, jsonataBindings(plan, input: raw))
            if let arguments { frames[index].stages.afterArguments = arguments }
            var run = ChildRun(kind: .parallel(state.children), effectiveInput: arguments ?? raw)
            run.startedEventId = emit(.parallelStateStarted)
            frames[index].children = run
            frames[index].phase = .awaitingChildren
            startNextChild()
        } catch {
            failState(locatedIfNeeded(error))
        }
    }

    /// Completes a JSONata Map or Parallel with its children's results.
    mutating func jsonataCompleteChildren(_ state: StatePlan, _ plan: JSONataPlan, result: JSON) {
        let index = frames.count - 1
        if options.recordsStages { frames[index].stages.result = result }
        let bindings = jsonataBindings(plan, input: frames[index].input, result: result)
        jsonataFinish(state, plan, bindings: bindings, fallback: result, next: state.nextName, nextNode: state.nextNode)
    }

    /// States.QueryEvaluationError with AWS's prefix naming the state: what a JSONata state's
    /// field of the wrong type raises.
    func queryError(_ cause: String) -> ExecutionError {
        ExecutionError(StatesErrorName.queryEvaluationError, cause: located(cause))
    }

    /// A whole number field of a JSONata state (TimeoutSeconds, MaxConcurrency, ...).
    mutating func jsonataInteger(_ plan: JSONataPlan, _ field: String, input: JSON) throws(ExecutionError) -> Int64? {
        guard let template = plan.values[field] else { return nil }
        let value = try template.evaluate(jsonataBindings(plan, input: input), jsonataEnvironment())
        guard let n = value.intValue else {
            throw queryError("The \(field) field must be an integer, but was: \(DataFlow.describe(value))")
        }
        return n
    }
}

extension Execution {
    /// A JSONata catcher: its Output (the error output by default) and Assign, with
    /// `$states.errorOutput`.
    mutating func jsonataCatch(_ error: ExecutionError, _ plan: JSONataPlan, catcher c: Int) {
        let index = frames.count - 1
        let state = frames[index].state
        let errorOutput = error.errorOutput
        let bindings = jsonataBindings(plan, input: frames[index].input, errorOutput: errorOutput)
        do throws(ExecutionError) {
            let assigned = try jsonataAssign(plan.catchAssigns[c], bindings)
            let output = try evaluate(plan.catchOutputs[c], bindings) ?? errorOutput
            frames[index].stages.errorDetails?.afterCatchResultPath = output
            exitState(output: output, next: state.catch[c].next, assigned: assigned)
        } catch {
            finishFrame(.failure(locatedIfNeeded(error)))
        }
    }
}

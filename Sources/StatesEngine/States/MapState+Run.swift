/// `Map`: runs the item processor once per item, one iteration after another, and collects
/// the outputs in item order.
extension Execution {
    mutating func runMap(_ state: State, _ map: MapState) {
        let index = frames.count - 1
        let raw = frames[index].input
        do throws(ExecutionError) {
            let effective = try applyInputPath(state, raw)
            frames[index].stages.afterInputPath = effective
            let itemsValue: JSON
            if let path = map.itemsPath.effectivePath, path != "$" {
                itemsValue = try evaluate(effective) { (c) throws(ExecutionError) in try DataFlow.select(path, field: "ItemsPath", in: c) }
            } else if let literal = map.items {
                itemsValue = try applyTemplate(literal, to: effective)
            } else {
                itemsValue = effective
            }
            guard case .array(let items) = itemsValue else {
                throw runtimeError("Items of the Map state must be a JSON array, got: \(DataFlow.describe(itemsValue))")
            }
            var run = ChildRun(kind: .map(processor: map.processor, items: items), effectiveInput: effective)
            // Adapter: the loader does not read ProcessorConfig inside a legacy Iterator, which AWS
            // honours; look at the raw definition until it does.
            run.distributed = map.mode == .distributed
                || state.raw["Iterator"]?["ProcessorConfig"]?["Mode"]?.stringValue == "DISTRIBUTED"
            if let source = map.maxConcurrency { _ = try mapInteger(source, field: "MaxConcurrency", input: effective) }
            if let source = map.toleratedFailureCount {
                let count = try mapInteger(source, field: "ToleratedFailureCount", input: effective)
                guard count >= 0 else { throw runtimeError("ToleratedFailureCount cannot be negative.") }
                run.toleratedCount = count
            }
            if let source = map.toleratedFailurePercentage {
                let percentage = try mapFloat(source, field: "ToleratedFailurePercentage", input: effective)
                guard (0...100).contains(percentage) else { throw runtimeError("ToleratedFailurePercentage must be between 0 and 100.") }
                run.toleratedPercentage = percentage
            }
            emit(.mapStateStarted, ["length": .int(items.count)])
            if run.distributed {
                emit(.mapRunStarted, ["mapRunArn": .string(mapRunArn(state))])
            }
            frames[index].children = run
            frames[index].phase = .awaitingChildren
            startNextChild()
        } catch {
            failState(locatedIfNeeded(error))
        }
    }

    private func mapRunArn(_ state: State) -> String {
        "arn:aws:states:\(options.region):\(options.account):mapRun:\(options.stateMachineName)/\(state.name):\(executionName)"
    }

    private mutating func mapInteger(_ source: ValueSource, field: String, input: JSON) throws(ExecutionError) -> Int64 {
        let value = try resolve(source, field: field + "Path", input: input)
        // AWS also accepts a string holding the number.
        guard let n = value.intValue ?? value.stringValue.flatMap({ Int64($0) }) else {
            throw runtimeError("The \(field)Path field refers to value \"\(DataFlow.describe(value))\" which is not a valid integer: \(source.pathText)")
        }
        return n
    }

    private mutating func mapFloat(_ source: ValueSource, field: String, input: JSON) throws(ExecutionError) -> Double {
        let value = try resolve(source, field: field + "Path", input: input)
        guard let n = value.doubleValue ?? value.stringValue.flatMap({ Double($0) }) else {
            throw runtimeError("The \(field)Path field refers to value \"\(DataFlow.describe(value))\" which is not a valid float: \(source.pathText)")
        }
        return n
    }

    /// Starts the next iteration or branch of the top frame's Map or Parallel, or completes it.
    mutating func startNextChild() {
        let index = frames.count - 1
        guard var run = frames[index].children else { return }
        let state = frames[index].state
        guard run.next < run.total else {
            completeChildren(state, run)
            return
        }
        let i = run.next
        switch run.kind {
        case .parallel(let branches):
            let child = Frame(machine: branches[i], role: .branch(index: i), input: run.effectiveInput,
                              variables: frames[index].variables, lastEventId: frames[index].lastEventId)
            frames.append(child)
        case .map(let processor, let items):
            if !run.distributed { emit(.mapIterationStarted, ["index": .int(i), "name": .string(state.name)]) }
            let selector: JSON?
            if case .map(let map) = state.kind { selector = map.itemSelector } else { selector = nil }
            let item: JSON
            do throws(ExecutionError) {
                frames[index].mapItem = (i, items[i])
                defer { frames[index].mapItem = nil }
                item = try selector.map { (t) throws(ExecutionError) in try applyTemplate(t, to: run.effectiveInput) } ?? items[i]
            } catch {
                run.next = run.total
                frames[index].children = nil
                frames[index].phase = .execute
                failState(locatedIfNeeded(error))
                return
            }
            var child = Frame(machine: processor, role: .iteration(index: i), input: item,
                              variables: frames[index].variables, lastEventId: frames[index].lastEventId)
            child.silent = run.distributed || frames[index].silent
            frames.append(child)
        }
    }

    /// A child frame of the (now top) Map or Parallel frame finished.
    mutating func childFinished(_ outcome: Result<JSON, ExecutionError>) {
        let index = frames.count - 1
        guard var run = frames[index].children else { return }
        // Hold the only reference while appending, so results grow in place, not by copying.
        frames[index].children = nil
        let state = frames[index].state
        let i = run.next
        run.next += 1
        switch (run.kind, outcome) {
        case (.map, .success(let output)):
            if !run.distributed { emit(.mapIterationSucceeded, ["index": .int(i), "name": .string(state.name)]) }
            run.results.append(output)
        case (.map, .failure(let error)):
            if !run.distributed { emit(.mapIterationFailed, ["index": .int(i), "name": .string(state.name)]) }
            run.failures += 1
            let tolerated = run.failures <= run.toleratedCount
                || Double(run.failures) * 100 <= run.toleratedPercentage * Double(run.total)
            if !tolerated || (run.toleratedCount == 0 && run.toleratedPercentage == 0) {
                if run.distributed { emit(.mapRunFailed) }
                emit(.mapStateFailed)
                frames[index].children = nil
                frames[index].phase = .execute
                let reported = run.toleratedCount > 0 || run.toleratedPercentage > 0
                    ? ExecutionError(StatesErrorName.exceedToleratedFailureThreshold, cause: "The specified tolerated failure threshold was exceeded")
                    : error
                failState(reported, raisedByEngine: false)
                return
            }
            run.results.append(error.errorOutput)
        case (.parallel, .success(let output)):
            run.results.append(output)
        case (.parallel, .failure(let error)):
            emit(.parallelStateFailed)
            frames[index].children = nil
            frames[index].phase = .execute
            failState(error, raisedByEngine: false)
            return
        }
        frames[index].children = run
        startNextChild()
    }

    private mutating func completeChildren(_ state: State, _ run: ChildRun) {
        let index = frames.count - 1
        switch run.kind {
        case .map:
            if run.distributed { emit(.mapRunSucceeded) }
            emit(.mapStateSucceeded)
        case .parallel:
            emit(.parallelStateSucceeded)
        }
        frames[index].children = nil
        frames[index].phase = .execute
        let result = JSON.array(run.results)
        do throws(ExecutionError) {
            let selected = try applyTemplate(state.resultSelector, to: result)
            let assigned = try evaluateAssign(state.assign, document: selected)
            let output = try applyResult(state, rawInput: frames[index].input, result: result)
            exitState(output: output, next: state.transition.nextName, assigned: assigned)
        } catch {
            failState(locatedIfNeeded(error))
        }
    }
}

extension ValueSource {
    /// The path as written, for messages.
    var pathText: String {
        switch self {
        case .path(let p): return p
        case .literal(let v): return JSONPrinter.compact(v)
        case .jsonata(let e): return e
        }
    }
}

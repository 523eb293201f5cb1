/// Map iterations and Parallel branches: each runs on its own frame above the state that
/// started it, one after another, and hands its outcome back when it ends.
extension Execution {
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
            let child = Frame(plan: branches[i], role: .branch(index: i), input: run.effectiveInput,
                              variables: frames[index].variables, lastEventId: run.startedEventId)
            frames.append(child)
        case .map(let processor, let items):
            if !run.distributed { emit(.mapIterationStarted, ["index": .int(i), "name": .string(state.name)]) }
            let item: JSON
            do throws(ExecutionError) {
                item = try childInput(state, run, items: items, child: i)
            } catch {
                run.next = run.total
                frames[index].children = nil
                frames[index].phase = .execute
                failState(locatedIfNeeded(error))
                return
            }
            var child = Frame(plan: processor, role: .iteration(index: i), input: item,
                              variables: frames[index].variables, lastEventId: frames[index].lastEventId)
            child.silent = run.distributed || frames[index].silent
            if run.distributed, case .map(let map) = state.kind { child.express = map.executionType == "EXPRESS" } else {
                child.express = frames[index].express
            }
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
            if !run.distributed { emit(.mapIterationSucceeded, ["index": .int(i), "name": .string(state.name)], chain: .keep) }
            run.results.append(output)
        case (.map, .failure(let error)):
            if !run.distributed { emit(.mapIterationFailed, ["index": .int(i), "name": .string(state.name)], chain: .keep) }
            run.failures += 1
            let tolerated = run.failures <= run.toleratedCount
                || Double(run.failures) * 100 <= run.toleratedPercentage * Double(run.total)
            if !tolerated || (run.toleratedCount == 0 && run.toleratedPercentage == 0) {
                frames[index].children = nil
                frames[index].phase = .execute
                // A distributed Map (whose tolerance is 0 unless configured) reports the breach; an
                // inline Map without a tolerance fails with the iteration's own error.
                let reported = run.distributed || run.toleratedCount > 0 || run.toleratedPercentage > 0
                    ? ExecutionError(StatesErrorName.exceedToleratedFailureThreshold, cause: "The specified tolerated failure threshold was exceeded")
                    : error
                // On a retry the Map simply starts again: AWS records its failure only at the end.
                if !willRetry(reported) {
                    if run.distributed { emit(.mapRunFailed) }
                    emit(.mapStateFailed)
                }
                failState(reported, raisedByEngine: false)
                return
            }
            run.results.append(error.errorOutput)
        case (.parallel, .success(let output)):
            run.results.append(output)
        case (.parallel, .failure(let error)):
            frames[index].children = nil
            frames[index].phase = .execute
            if !willRetry(error) { emit(.parallelStateFailed) }
            failState(error, raisedByEngine: false)
            return
        }
        frames[index].children = run
        startNextChild()
    }

    private mutating func completeChildren(_ state: StatePlan, _ run: ChildRun) {
        let index = frames.count - 1
        if case .map = run.kind, run.distributed { emit(.mapRunSucceeded) }
        // The Succeeded event hangs off the last event of the children, and so does the state's
        // Exited event after it (AWS records both as following that event).
        let last = lastEmittedId
        switch run.kind {
        case .map: emit(.mapStateSucceeded, previous: last, chain: .keep)
        case .parallel: emit(.parallelStateSucceeded, previous: last, chain: .keep)
        }
        frames[index].lastEventId = last
        frames[index].children = nil
        frames[index].phase = .execute
        let result = JSON.array(run.results.all)
        if let plan = state.jsonata {
            jsonataCompleteChildren(state, plan, result: result)
            return
        }
        do throws(ExecutionError) {
            let selected = try applyTemplate(state.resultSelector, to: result)
            let assigned = try evaluateAssign(state.assign, document: selected)
            let output = try applyResult(state, rawInput: frames[index].input, result: result)
            exitState(state, output: output, next: state.nextName, nextNode: state.nextNode, assigned: assigned)
        } catch {
            failState(locatedIfNeeded(error))
        }
    }
}

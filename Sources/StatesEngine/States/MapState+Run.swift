/// `Map`: runs the item processor once per item, one iteration after another, and collects
/// the outputs in item order.
extension Execution {
    mutating func runMap(_ state: StatePlan, _ map: MapState) {
        let index = frames.count - 1
        let raw = frames[index].input
        let plan = state.jsonata
        do throws(ExecutionError) {
            let effective = plan == nil ? try applyInputPath(state, raw) : raw
            if plan == nil { frames[index].stages.afterInputPath = effective }
            if let plan {
                _ = try jsonataInteger(plan, "MaxConcurrency", input: raw)
            } else if let source = map.maxConcurrency {
                _ = try mapInteger(source, field: "MaxConcurrency", input: effective)
            }
            if map.itemReader != nil {
                throw runtimeError("ItemReader reads the items from Amazon S3, which asldb cannot reach; pass the items in the input and use ItemsPath instead")
            }
            let itemsValue: JSON
            if let plan {
                if let items = plan.items {
                    itemsValue = try items.evaluate(expecting: "array", jsonataBindings(plan, input: raw), jsonataEnvironment())
                } else {
                    itemsValue = raw
                }
            } else if let path = map.itemsPath.effectivePath, path != "$" {
                itemsValue = try select(PathPlan(map.itemsPath), field: "ItemsPath", in: effective)
            } else if let literal = map.items {
                itemsValue = try applyTemplate(literal, to: effective)
            } else {
                itemsValue = effective
            }
            guard case .array(let items) = itemsValue else {
                let cause = "Map state input must be an array but was: \(JSONPrinter.compact(itemsValue))"
                throw plan == nil ? runtimeError(cause) : queryError(cause)
            }
            var run = ChildRun(kind: .map(processor: state.children[0], items: items), effectiveInput: effective)
            // Adapter: the loader does not read ProcessorConfig inside a legacy Iterator, which AWS
            // honours; look at the raw definition until it does.
            run.distributed = map.mode == .distributed
                || state.raw["Iterator"]?["ProcessorConfig"]?["Mode"]?.stringValue == "DISTRIBUTED"
            // AWS reports the Map started before it checks the failure tolerance.
            emit(.mapStateStarted, ["length": .int(items.count)])
            let count: Int64?
            if let plan {
                count = try jsonataInteger(plan, "ToleratedFailureCount", input: raw)
            } else {
                count = try map.toleratedFailureCount.map { (source) throws(ExecutionError) in
                    try mapInteger(source, field: "ToleratedFailureCount", input: effective)
                }
            }
            if let count {
                guard count >= 0 else { throw runtimeError("ToleratedFailureCount cannot be negative.") }
                run.toleratedCount = count
            }
            let percentage: Double?
            if let plan, let template = plan.values["ToleratedFailurePercentage"] {
                let value = try template.evaluate(jsonataBindings(plan, input: raw), jsonataEnvironment())
                guard let p = value.doubleValue else {
                    throw queryError("The ToleratedFailurePercentage field must be a number, but was: \(DataFlow.describe(value))")
                }
                percentage = p
            } else if plan == nil, let source = map.toleratedFailurePercentage {
                percentage = try mapFloat(source, field: "ToleratedFailurePercentage", input: effective)
            } else {
                percentage = nil
            }
            if let percentage {
                guard (0...100).contains(percentage) else { throw runtimeError("ToleratedFailurePercentage must be between 0 and 100.") }
                run.toleratedPercentage = percentage
            }
            if let batcher = map.itemBatcher {
                (run.batches, run.batchInput) = try itemBatches(batcher, items: items, input: effective)
            }
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

    /// A Map Run is named after the Map's Label when it has one, else after the state.
    private func mapRunArn(_ state: StatePlan) -> String {
        var label = state.name
        if case .map(let map) = state.kind, let written = map.label { label = written }
        return "arn:aws:states:\(options.region):\(options.account):mapRun:\(options.stateMachineName)/\(label):\(executionName)"
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

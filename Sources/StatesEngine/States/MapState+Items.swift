/// What each Map iteration receives: the item through ItemSelector (with `$$.Map.Item`), or
/// with an ItemBatcher a batch `{"Items": [...], "BatchInput": ...}`.
extension Execution {
    mutating func childInput(_ state: StatePlan, _ run: ChildRun, items: [JSON], child: Int) throws(ExecutionError) -> JSON {
        guard let batches = run.batches else { return try selectItem(state, run, items: items, at: child) }
        var selected: [JSON] = []
        for i in batches[child] { selected.append(try selectItem(state, run, items: items, at: i)) }
        var batch: JSONObject = ["Items": .array(selected)]
        if let batchInput = run.batchInput { batch["BatchInput"] = batchInput }
        return .object(batch)
    }

    private mutating func selectItem(_ state: StatePlan, _ run: ChildRun, items: [JSON], at i: Int) throws(ExecutionError) -> JSON {
        let index = frames.count - 1
        if let plan = state.jsonata {
            guard let selector = plan.itemSelector else { return items[i] }
            frames[index].mapItem = (i, items[i])
            defer { frames[index].mapItem = nil }
            var bindings = jsonataBindings(plan, input: run.effectiveInput)
            // `$states.context.Map.Item` is what an ItemSelector is for: always there.
            if !plan.readsContext, case .object(var states)? = bindings["states"] {
                states["context"] = contextObject()
                bindings["states"] = .object(states)
            }
            return try selector.evaluate(bindings, jsonataEnvironment())
        }
        guard let selector = state.itemSelector else { return items[i] }
        frames[index].mapItem = (i, items[i])
        defer { frames[index].mapItem = nil }
        return try applyTemplate(selector, to: run.effectiveInput)
    }

    /// Splits the items by MaxItemsPerBatch and MaxInputBytesPerBatch (or their Path forms).
    mutating func itemBatches(_ batcher: JSON, items: [JSON], input: JSON) throws(ExecutionError) -> ([Range<Int>], JSON?) {
        let maxItems = try batchLimit(batcher, "MaxItemsPerBatch", input: input)
        let maxBytes = try batchLimit(batcher, "MaxInputBytesPerBatch", input: input)
        let batchInput = try batcher["BatchInput"].map { (t) throws(ExecutionError) in try applyTemplate(t, to: input) }
        var batches: [Range<Int>] = []
        var start = 0
        var bytes = 0
        for (i, item) in items.enumerated() {
            let size = JSONPrinter.compactByteCount(item) + 1
            let full = (maxItems.map { i - start >= $0 } ?? false) || (maxBytes.map { i > start && bytes + size > $0 } ?? false)
            if full {
                batches.append(start..<i)
                start = i
                bytes = 0
            }
            bytes += size
        }
        if start < items.count { batches.append(start..<items.count) }
        return (batches, batchInput)
    }

    private mutating func batchLimit(_ batcher: JSON, _ field: String, input: JSON) throws(ExecutionError) -> Int? {
        let value: JSON
        if let literal = batcher[field] {
            value = literal
        } else if let path = batcher[field + "Path"]?.stringValue {
            value = try resolve(.path(path), field: field + "Path", input: input)
        } else {
            return nil
        }
        guard let n = value.intValue, n > 0 else {
            throw runtimeError("The \(field) of the ItemBatcher must be a positive integer, got: \(DataFlow.describe(value))")
        }
        return Int(n)
    }
}

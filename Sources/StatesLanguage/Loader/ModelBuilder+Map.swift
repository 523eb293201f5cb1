extension ModelBuilder {
    mutating func loadMap(_ o: JSONObject, name: String, language: QueryLanguage, at p: String) -> MapState {
        var map = MapState(processor: StateMachine(startAt: "", states: [:], queryLanguage: language, pointer: pointer(p, "ItemProcessor")))
        if o["ItemProcessor"] != nil && o["Iterator"] != nil {
            schemaError("'ItemProcessor' and the legacy 'Iterator' cannot both be set", at: pointer(p, "Iterator"))
        }
        if let value = o["ItemProcessor"] {
            let processorPointer = pointer(p, "ItemProcessor")
            if let machine = loadMachine(value, at: processorPointer, inherited: language, level: .itemProcessor) {
                map.processor = machine
            }
            if let config = value["ProcessorConfig"] { loadProcessorConfig(config, into: &map, at: pointer(processorPointer, "ProcessorConfig")) }
        } else if let value = o["Iterator"] {
            map.usesLegacyIterator = true
            let iteratorPointer = pointer(p, "Iterator")
            if let machine = loadMachine(value, at: iteratorPointer, inherited: language, level: .iterator) {
                map.processor = machine
            }
            if let config = value["ProcessorConfig"] { loadProcessorConfig(config, into: &map, at: pointer(iteratorPointer, "ProcessorConfig")) }
        } else {
            schemaError("Map state '\(name)' is missing the required field 'ItemProcessor'", at: p)
        }

        map.itemsPath = pathSetting(o, "ItemsPath", at: p, kind: .reference)
        if let items = o["Items"] {
            if case .array = items { map.items = items } else if jsonataExpression(items) != nil { map.items = items } else if
                standsIn(items, for: "Items", at: pointer(p, "Items"), as: "[] (no items)") {
                map.items = []
            } else {
                schemaError("'Items' must be an array or a {% %} expression, not \(article(items))", at: pointer(p, "Items"))
            }
        }
        if o["ItemSelector"] != nil && o["Parameters"] != nil {
            schemaError("'ItemSelector' and the legacy 'Parameters' cannot both be set", at: pointer(p, "Parameters"))
        }
        if o["ItemSelector"] != nil {
            map.itemSelector = language == .jsonata ? jsonataValue(o, "ItemSelector", at: p, objectOrExpression: true)
                                                    : template(o, "ItemSelector", at: p)
        } else if o["Parameters"] != nil {
            map.itemSelector = template(o, "Parameters", at: p)
            map.usesLegacyParameters = true
        }

        let count: (JSON, String) -> String? = { [self] value, key in integerProblem(value, key: key, in: 0...Int64.max) }
        map.maxConcurrency = valueSource(o, "MaxConcurrency", at: p, language: language, check: count)
        map.toleratedFailureCount = valueSource(o, "ToleratedFailureCount", at: p, language: language, check: count)
        map.toleratedFailurePercentage = valueSource(o, "ToleratedFailurePercentage", at: p, language: language) { value, key in
            guard let n = value.doubleValue, n >= 0, n <= 100 else {
                return "'\(key)' must be a number from 0 to 100, not \(value.numberValue.map(JSONPrinter.format) ?? article(value))"
            }
            return nil
        }
        if let reader = memberObject(o, "ItemReader", at: p) { map.itemReader = .object(reader) }
        if let batcher = memberObject(o, "ItemBatcher", at: p) {
            checkItemBatcher(batcher, language: language, at: pointer(p, "ItemBatcher"))
            map.itemBatcher = .object(batcher)
        }
        if let writer = memberObject(o, "ResultWriter", at: p) { map.resultWriter = .object(writer) }
        map.label = string(o, "Label", at: p)
        if let label = map.label, label.count > 40 {
            schemaError("'Label' must be at most 40 characters, not \(label.count)", at: pointer(p, "Label"))
        }
        return map
    }

    /// Checks an ItemBatcher's limits as AWS does: whole numbers of at least 1, and at most 256 KiB
    /// a batch.
    mutating func checkItemBatcher(_ batcher: JSONObject, language: QueryLanguage, at p: String) {
        checkFields(batcher, allowed: ["BatchInput", "MaxItemsPerBatch", "MaxItemsPerBatchPath",
                                       "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath"], at: p, in: "'ItemBatcher'")
        _ = valueSource(batcher, "MaxItemsPerBatch", at: p, language: language) { [self] value, key in
            integerProblem(value, key: key, in: 1...Int64.max)
        }
        _ = valueSource(batcher, "MaxInputBytesPerBatch", at: p, language: language) { [self] value, key in
            integerProblem(value, key: key, in: 1...262_144)
        }
    }

    mutating func loadProcessorConfig(_ value: JSON, into map: inout MapState, at p: String) {
        guard let config = object(value, at: p, what: "'ProcessorConfig'") else { return }
        checkFields(config, allowed: ["Mode", "ExecutionType"], at: p, in: "'ProcessorConfig'")
        if let mode = string(config, "Mode", at: p) {
            if let parsed = MapState.ProcessorMode(rawValue: mode) { map.mode = parsed } else {
                schemaError("'Mode' must be \"INLINE\" or \"DISTRIBUTED\", not \"\(mode)\"", at: pointer(p, "Mode"))
            }
        }
        if let type = string(config, "ExecutionType", at: p) {
            if type == "STANDARD" || type == "EXPRESS" { map.executionType = type } else {
                schemaError("'ExecutionType' must be \"STANDARD\" or \"EXPRESS\", not \"\(type)\"", at: pointer(p, "ExecutionType"))
            }
        }
        if map.mode == .distributed && config["ExecutionType"] == nil {
            schemaError("a DISTRIBUTED Map needs 'ExecutionType' (\"STANDARD\" or \"EXPRESS\")", at: p)
        }
    }
}

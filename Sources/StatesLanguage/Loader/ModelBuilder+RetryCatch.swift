extension ModelBuilder {
    mutating func loadRetriers(_ entries: [JSON], at p: String) -> [Retrier] {
        var retriers: [Retrier] = []
        for (i, entry) in entries.enumerated() {
            let rp = pointer(p, i)
            guard let o = object(entry, at: rp, what: "a Retry entry") else { continue }
            checkFields(o, allowed: ["ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds",
                                     "JitterStrategy", "Comment"], at: rp, in: "a Retry entry")
            var retrier = Retrier(errorEquals: errorEquals(o, at: rp, in: "a Retry entry"), pointer: rp)
            if let v = integer(o, "IntervalSeconds", at: rp, in: 1...99_999_999) { retrier.intervalSeconds = v }
            if let v = integer(o, "MaxAttempts", at: rp, in: 0...99_999_999) { retrier.maxAttempts = v }
            retrier.maxDelaySeconds = integer(o, "MaxDelaySeconds", at: rp, in: 1...31_622_400)
            if let value = o["BackoffRate"], !standsIn(value, for: "BackoffRate", at: pointer(rp, "BackoffRate")) {
                if let rate = value.doubleValue, rate >= 1.0 { retrier.backoffRate = rate } else {
                    let found = value.numberValue.map(JSONPrinter.format) ?? article(value)
                    valueError("'BackoffRate' must be a number of at least 1.0, not \(found)", at: pointer(rp, "BackoffRate"))
                }
            }
            if let jitter = string(o, "JitterStrategy", at: rp) {
                if let parsed = Retrier.Jitter(rawValue: jitter) { retrier.jitterStrategy = parsed } else {
                    valueError("'JitterStrategy' must be \"FULL\" or \"NONE\", not \"\(jitter)\"", at: pointer(rp, "JitterStrategy"))
                }
            }
            retrier.comment = string(o, "Comment", at: rp)
            retriers.append(retrier)
        }
        return retriers
    }

    mutating func loadCatchers(_ entries: [JSON], at p: String) -> [Catcher] {
        var catchers: [Catcher] = []
        for (i, entry) in entries.enumerated() {
            let cp = pointer(p, i)
            guard let o = object(entry, at: cp, what: "a Catch entry") else { continue }
            checkFields(o, allowed: ["ErrorEquals", "Next", "ResultPath", "Assign", "Output", "Comment"], at: cp, in: "a Catch entry")
            var catcher = Catcher(errorEquals: errorEquals(o, at: cp, in: "a Catch entry"),
                                  next: string(o, "Next", at: cp, required: "a Catch entry") ?? "", pointer: cp)
            catcher.resultPath = pathSetting(o, "ResultPath", at: cp, kind: .resultPath)
            catcher.assign = assignment(o, at: cp)
            catcher.output = o["Output"]
            catcher.comment = string(o, "Comment", at: cp)
            catchers.append(catcher)
        }
        return catchers
    }

    /// `ErrorEquals`: a non-empty array of error names.
    mutating func errorEquals(_ o: JSONObject, at p: String, in what: String) -> [String] {
        guard let names = array(o, "ErrorEquals", at: p, required: what) else { return [] }
        let ep = pointer(p, "ErrorEquals")
        if names.isEmpty { schemaError("'ErrorEquals' must name at least one error", at: ep) }
        var result: [String] = []
        for (i, name) in names.enumerated() {
            if case .string(let s) = name { result.append(s) } else {
                schemaError("an error name must be a string, not \(article(name))", at: pointer(ep, i))
            }
        }
        return result
    }
}

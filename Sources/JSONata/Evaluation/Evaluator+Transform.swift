extension Evaluator {
    /// Applies a transform `| pattern | update [, delete] |` to a value: a deep copy of it in
    /// which every match of the pattern is updated and has the named fields deleted.
    func transform(_ expr: Expr, _ env: Frame, _ value: Value) throws(JSONataError) -> Value {
        if value.isUndefined { return .undefined }
        guard let clone = lookupVariable("clone", env), clone.isFunction else {
            throw JSONataError("T2013", position: expr.position)
        }
        let result = try apply(clone, [value], .null, env)
        let matches = try eval(expr.pattern!, result, env)
        if matches.isUndefined { return result }
        for match in items(matches) {
            let update = try eval(expr.update!, match, env)
            if !update.isUndefined {
                guard update.isObject else {
                    throw JSONataError("T2011", position: expr.update!.position, value: update.insert)
                }
                if case .object(let target) = match {
                    try update.forEachMember { (key, v) throws(JSONataError) in target.set(key, v) }
                }
            }
            if let delete = expr.delete {
                let deletions = try eval(delete, match, env)
                if deletions.isUndefined { continue }
                let names = deletions.arrayElements ?? [deletions]
                guard names.allSatisfy(\.isString) else {
                    throw JSONataError("T2012", position: delete.position, value: deletions.insert)
                }
                if case .object(let target) = match {
                    for case .string(let name) in names { target.remove(name) }
                }
            }
        }
        return result
    }
}

extension Value {
    /// `$clone`: a deep copy as JSON text would carry it (the reference clones through
    /// `JSON.parse($string(value))`): numbers to 15 significant digits, functions as "",
    /// undefined members dropped. The copy's objects are new, so a transform may edit them.
    func deepClone() -> Value {
        switch self {
        case .undefined, .null, .bool, .string: return self
        case .number(let n):
            if !n.isFinite { return .null }
            return .number(n.rounded(.towardZero) == n ? n : JSNumber.toPrecision(n, 15))
        case .function: return .string("")
        case .array, .json(.array):
            return cloneArray()
        case .node(let n) where n.isArray:
            return cloneArray()
        case .object, .json, .node:
            let copy = ObjectValue(capacity: objectKeys.count)
            try? forEachMember { (key, v) throws(JSONataError) in
                let c = v.deepClone()
                if !c.isUndefined { copy.set(key, c) }
            }
            return .object(copy)
        }
    }

    private func cloneArray() -> Value {
        let items = (arrayElements ?? []).map { v -> Value in
            let c = v.deepClone()
            return c.isUndefined ? .null : c
        }
        return .array(Seq(items))
    }
}

extension Evaluator {
    /// An object constructor `{k: v}` and group-by `path{k: v}`: each item of the input is
    /// filed under the key it gives, then each value expression runs over its group.
    func groupBy(_ group: Expr.Group, _ input: Value, _ env: Frame) throws(JSONataError) -> Value {
        let reduce = input.seqFlags.contains(.tupleStream)
        var inputs = items(input)
        if inputs.isEmpty && !reduce { inputs = [.undefined] }

        var order: [String] = []
        var groups: [String: Int] = [:]
        var entries: [(data: Appender, pair: Int)] = []
        for item in inputs {
            let (context, itemEnv) = self.context(of: item, env, tuples: reduce)
            for (pairIndex, pair) in group.pairs.enumerated() {
                let key = try eval(pair.0, context, itemEnv)
                guard case .string(let name) = key else {
                    if key.isUndefined { continue }
                    throw JSONataError("T1003", position: group.position, value: key.insert)
                }
                if let i = groups[name] {
                    if entries[i].pair != pairIndex {
                        throw JSONataError("D1009", position: group.position, value: .string(name))
                    }
                    entries[i].data.add(item)
                } else {
                    groups[name] = entries.count
                    var data = Appender()
                    data.add(item)
                    entries.append((data, pairIndex))
                    order.append(name)
                }
            }
        }

        let result = ObjectValue(capacity: order.count)
        for (i, name) in order.enumerated() {
            let entry = entries[i]
            var context = entry.data.value
            var valueEnv = env
            if reduce {
                let tuple = Self.reduceTuples(context)
                context = tuple["@"] ?? .undefined
                tuple.remove("@")
                valueEnv = Frame.fromTuple(tuple, parent: env)
            }
            let value = try eval(group.pairs[entry.pair].1, context, valueEnv)
            if !value.isUndefined { result.set(name, value) }
        }
        return .object(result)
    }

    /// `{"a": …, "b": …}` with literal keys: the whole input is the one group of every key,
    /// so each value is evaluated once over it.
    func literalObject(_ expr: Expr, _ input: Value, _ env: Frame) throws(JSONataError) -> Value {
        var data = Appender()
        for item in items(input) { data.add(item) }
        let context = data.value
        let result = ObjectValue(capacity: expr.pairs.count)
        for (key, valueExpr) in expr.pairs {
            let value = try eval(valueExpr, context, env)
            if !value.isUndefined { result.set(key.text, value) }
        }
        return .object(result)
    }

    /// The reference's `append`: two values as one array (undefined disappears). The result is
    /// a plain array, as JavaScript's `concat` makes.
    static func append(_ a: Value, _ b: Value) -> Value {
        if a.isUndefined { return b }
        if b.isUndefined { return a }
        var items = a.arrayElements ?? [a]
        if let more = b.arrayElements { items.append(contentsOf: more) } else { items.append(b) }
        return .array(Seq(items))
    }

    /// Merges a group of tuples into one: each binding collects the values of every tuple.
    private static func reduceTuples(_ data: Value) -> ObjectValue {
        guard let tuples = data.arrayElements else {
            let result = ObjectValue()
            if case .object(let t) = data { for i in 0..<t.count { result.set(t.keys[i], t.values[i]) } }
            return result
        }
        var keys: [String] = []
        var values: [String: Appender] = [:]
        for t in tuples {
            guard case .object(let tuple) = t else { continue }
            for i in 0..<tuple.count {
                let key = tuple.keys[i]
                if values[key] == nil { keys.append(key) }
                values[key, default: Appender()].add(tuple.values[i])
            }
        }
        let result = ObjectValue(capacity: keys.count)
        for key in keys { result.set(key, values[key]!.value) }
        return result
    }
}

/// The reference's `append`, one value at a time: the first value stands alone; from the
/// second on they are collected into one plain array (arrays spliced in, undefined dropped).
/// Collecting in place keeps a large group linear.
struct Appender {
    private var single: Value = .undefined
    private var buffer: [Value]?

    mutating func add(_ b: Value) {
        if b.isUndefined { return }
        if buffer == nil {
            if single.isUndefined {
                single = b
                return
            }
            buffer = single.arrayElements ?? [single]
            single = .undefined
        }
        if let more = b.arrayElements { buffer!.append(contentsOf: more) } else { buffer!.append(b) }
    }

    var value: Value {
        if let buffer { return .array(Seq(buffer)) }
        return single
    }
}

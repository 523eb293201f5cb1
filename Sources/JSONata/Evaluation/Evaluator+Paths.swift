extension Evaluator {
    /// The values a step runs over: an array's elements, or the value alone (even undefined,
    /// as the reference's `createSequence(value)` holds it).
    @inline(__always)
    func items(_ value: Value) -> [Value] {
        value.arrayElements ?? [value]
    }

    /// A chain of field lookups (`a.b.c`, `$v.a`) read directly; nil where the general path
    /// rules matter (an array on the way, or a sequence at the end), which then run instead
    /// (the lookups have no effects, so running them again is harmless).
    @inline(__always)
    func simpleChain(_ expr: Expr, _ input: Value, _ env: Frame) throws(JSONataError) -> Value? {
        var value: Value
        var first = 0
        if expr.steps[0].kind == .variable {
            value = try eval(expr.steps[0], input, env)
            first = 1
        } else {
            value = input
        }
        for k in first..<expr.steps.count {
            if value.isArray { return nil }
            value = lookupField(value, expr.steps[k].text)
            if value.isUndefined { return .undefined }
        }
        if value.isSequence { return nil }
        return value
    }

    /// A location path: each step runs over every value the previous one produced, and the
    /// results are flattened into one sequence. Steps that bind `#$i`, `@$v` or feed a `%`
    /// run as a stream of tuples instead.
    func evalPath(_ expr: Expr, _ input: Value, _ env: Frame) throws(JSONataError) -> Value {
        var inputSequence: Value
        if input.isArray && expr.steps[0].kind != .variable {
            inputSequence = input
        } else {
            inputSequence = .sequence(of: input)
        }
        var resultSequence: Value = .undefined
        var isTupleStream = false
        var tuples: Value = .undefined
        let last = expr.steps.count - 1
        for (i, step) in expr.steps.enumerated() {
            if step.tuple { isTupleStream = true }
            if i == 0 && step.consArray {
                resultSequence = try eval(step, inputSequence, env)
            } else if isTupleStream {
                tuples = try evalTupleStep(step, inputSequence, tuples, env)
            } else {
                resultSequence = try evalStep(step, inputSequence, env, lastStep: i == last)
            }
            if !isTupleStream {
                if resultSequence.isUndefined { break }
                if resultSequence.isArray && resultSequence.arrayCount == 0 { break }
                if case .string(let s) = resultSequence, s.isEmpty { break }
            }
            if step.focus == nil { inputSequence = resultSequence }
        }

        if isTupleStream {
            if expr.tuple {
                resultSequence = tuples
            } else {
                var out: [Value] = []
                for t in items(tuples) {
                    if case .object(let tuple) = t { out.append(tuple["@"] ?? .undefined) }
                }
                resultSequence = .array(.sequence(out))
            }
        }

        if expr.keepSingletonArray {
            if case .array(let s) = resultSequence, s.flags.contains(.cons), !s.isSequence {
                resultSequence = .sequence(of: resultSequence)
            }
            switch resultSequence {
            case .array(var s):
                s.flags.insert(.keepSingleton)
                resultSequence = .array(s)
            case .json(.array), .node:
                if let items = resultSequence.arrayElements {
                    resultSequence = .array(Seq(items, flags: .keepSingleton))
                }
            default:
                break
            }
        }

        if let group = expr.group {
            resultSequence = try groupBy(group, isTupleStream ? tuples : resultSequence, env)
        }
        return resultSequence
    }

    /// One step over each value of the input sequence, its predicates applied to each result.
    func evalStep(_ step: Expr, _ input: Value, _ env: Frame, lastStep: Bool) throws(JSONataError) -> Value {
        if step.kind == .sort {
            var result = try evalSort(step, input, env)
            if let stages = step.stages { result = try evalStages(stages, result, env) }
            return result
        }
        var results: [Value] = []
        let inputs = items(input)
        results.reserveCapacity(inputs.count)
        for item in inputs {
            var res = try eval(step, item, env)
            if let stages = step.stages {
                for stage in stages {
                    if case .filter(let p) = stage.kind { res = try filter(p, res, env) }
                }
            }
            if !res.isUndefined { results.append(res) }
        }
        if lastStep && results.count == 1 && results[0].isArray && !results[0].isSequence {
            return results[0]
        }
        var out: [Value] = []
        out.reserveCapacity(results.count)
        for res in results {
            switch res {
            case .array(let s) where !s.flags.contains(.cons):
                out.append(contentsOf: s.items)
            case .json(.array(let a)):
                for x in a { out.append(Value(x)) }
            case .node(let n) where n.isArray:
                out.append(contentsOf: n.document.elements(n.index))
            default:
                out.append(res)
            }
        }
        return .array(.sequence(out))
    }

    /// Runs the stages of a step (predicates, and `#$i` index bindings) over its results.
    func evalStages(_ stages: [Expr.Stage], _ input: Value, _ env: Frame) throws(JSONataError) -> Value {
        var result = input
        for stage in stages {
            switch stage.kind {
            case .filter(let p):
                result = try filter(p, result, env)
            case .index(let name):
                for (i, t) in items(result).enumerated() {
                    if case .object(let tuple) = t { tuple.set(name, .number(Double(i))) }
                }
            }
        }
        return result
    }

    /// The context and frame an item is evaluated in: a tuple's `@` with its bindings in
    /// scope, or the item itself.
    @inline(__always)
    func context(of item: Value, _ env: Frame, tuples: Bool) -> (Value, Frame) {
        if tuples, case .object(let tuple) = item {
            return (tuple["@"] ?? .undefined, Frame.fromTuple(tuple, parent: env))
        }
        return (item, env)
    }

    static func tupleStream(_ tuples: [Value]) -> Value {
        .array(Seq(tuples, flags: [.sequence, .tupleStream]))
    }

    /// A step in tuple mode: each tuple keeps its bindings (`@` the context, `$i` positions,
    /// `@$v` values, labels for `%`) into the next step.
    func evalTupleStep(_ step: Expr, _ input: Value, _ tuples: Value, _ env: Frame) throws(JSONataError) -> Value {
        if step.kind == .sort {
            var result: Value
            if !tuples.isUndefined {
                result = try evalSort(step, tuples, env)
            } else {
                let sorted = try evalSort(step, input, env)
                var out: [Value] = []
                for (i, v) in items(sorted).enumerated() {
                    let t = ObjectValue()
                    t.set("@", v)
                    t.set(step.index ?? "undefined", .number(Double(i)))
                    out.append(.object(t))
                }
                result = Self.tupleStream(out)
            }
            if let stages = step.stages { result = try evalStages(stages, result, env) }
            return result
        }

        let bindings: [Value]
        if tuples.isUndefined {
            bindings = items(input).map { v in
                let t = ObjectValue()
                t.set("@", v)
                return .object(t)
            }
        } else {
            bindings = items(tuples)
        }
        var out: [Value] = []
        for b in bindings {
            guard case .object(let tuple) = b else { continue }
            let stepEnv = Frame.fromTuple(tuple, parent: env)
            let context = tuple["@"] ?? .undefined
            let res = try eval(step, context, stepEnv)
            if res.isUndefined { continue }
            let resIsTuples = res.seqFlags.contains(.tupleStream)
            let values = res.arrayElements ?? [res]
            for (bb, r) in values.enumerated() {
                let t = ObjectValue(capacity: tuple.count + 2)
                for i in 0..<tuple.count { t.set(tuple.keys[i], tuple.values[i]) }
                if resIsTuples {
                    if case .object(let inner) = r {
                        for i in 0..<inner.count { t.set(inner.keys[i], inner.values[i]) }
                    }
                } else {
                    if let focus = step.focus {
                        t.set(focus, r)
                        t.set("@", context)
                    } else {
                        t.set("@", r)
                    }
                    if let index = step.index { t.set(index, .number(Double(bb))) }
                    if let ancestor = step.ancestor { t.set(ancestor.label, context) }
                }
                out.append(.object(t))
            }
        }
        var result = Self.tupleStream(out)
        if let stages = step.stages { result = try evalStages(stages, result, env) }
        return result
    }

    /// A predicate `[...]`: a number picks by position (negative counts from the end), any
    /// other value keeps the items for which it is true.
    func filter(_ predicate: Expr, _ input: Value, _ env: Frame) throws(JSONataError) -> Value {
        let isTuples = input.seqFlags.contains(.tupleStream)
        var results: [Value] = []
        let inputs = items(input)
        if predicate.kind == .number {
            var index = Int(exactly: predicate.number.rounded(.down)) ?? Int.max
            if index < 0 { index = inputs.count + index }
            if index >= 0 && index < inputs.count {
                let item = inputs[index]
                if !item.isUndefined {
                    if item.isArray { return item }
                    results.append(item)
                }
            }
        } else if predicate.isConstant {
            if !inputs.isEmpty { results = try filterByConstant(predicate, inputs, env) }
        } else {
            for (index, item) in inputs.enumerated() {
                let (context, itemEnv) = self.context(of: item, env, tuples: isTuples)
                let res = try eval(predicate, context, itemEnv)
                if case .number(let n) = res {
                    try Self.checkFinite(n)
                    if Self.position(n, count: inputs.count) == index { results.append(item) }
                } else if let numbers = try Self.numbers(res) {
                    if numbers.contains(where: { Self.position($0, count: inputs.count) == index }) { results.append(item) }
                } else if Self.truthy(res) {
                    results.append(item)
                }
            }
        }
        return .array(Seq(results, flags: isTuples ? [.sequence, .tupleStream] : .sequence))
    }

    /// A predicate that is the same for every item, evaluated once: positions pick their items
    /// (an item named twice is kept twice, as item-by-item filtering keeps it), anything else
    /// keeps all items or none.
    private func filterByConstant(_ predicate: Expr, _ inputs: [Value], _ env: Frame) throws(JSONataError) -> [Value] {
        let res = try eval(predicate, .undefined, env)
        var positions: [Double]
        if case .number(let n) = res {
            try Self.checkFinite(n)
            positions = [n]
        } else if let numbers = try Self.numbers(res) {
            positions = numbers
        } else {
            return Self.truthy(res) ? inputs : []
        }
        var times: [Int: Int] = [:]
        for n in positions {
            let i = Self.position(n, count: inputs.count)
            if i >= 0 && i < inputs.count { times[i, default: 0] += 1 }
        }
        var results: [Value] = []
        for i in times.keys.sorted() {
            for _ in 0..<times[i]! { results.append(inputs[i]) }
        }
        return results
    }

    private static func position(_ n: Double, count: Int) -> Int {
        guard var i = Int(exactly: n.rounded(.down)) else { return Int.min }
        if i < 0 { i = count + i }
        return i
    }

    /// The elements of an array when every one is a number (an empty array counts), else nil.
    static func numbers(_ value: Value) throws(JSONataError) -> [Double]? {
        guard let items = value.arrayElements else { return nil }
        var out: [Double] = []
        for item in items {
            guard case .number(let n) = item else { return nil }
            if n.isNaN { return nil }
            try checkFinite(n)
            out.append(n)
        }
        return out
    }

    /// The reference's `isNumeric` refuses infinite numbers (D1001).
    @inline(__always)
    static func checkFinite(_ n: Double) throws(JSONataError) {
        if n.isInfinite { throw JSONataError("D1001", value: .number(n)) }
    }
}

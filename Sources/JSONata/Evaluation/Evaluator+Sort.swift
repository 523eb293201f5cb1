extension Evaluator {
    /// Order-by `^(<a, >b)`: a stable sort on each term in turn; undefined sorts last.
    ///
    /// Each term is evaluated once per item, not once per comparison, so sorting n items costs
    /// n evaluations of each term (the reference evaluates both sides at every comparison).
    func evalSort(_ expr: Expr, _ input: Value, _ env: Frame) throws(JSONataError) -> Value {
        let values = items(input)
        if values.count <= 1 { return input }
        let isTuples = input.seqFlags.contains(.tupleStream)
        var keys: [[Value]] = []
        keys.reserveCapacity(values.count)
        for item in values {
            let (context, itemEnv) = self.context(of: item, env, tuples: isTuples)
            var row: [Value] = []
            row.reserveCapacity(expr.terms.count)
            for term in expr.terms { row.append(try eval(term.expression, context, itemEnv)) }
            keys.append(row)
        }
        let terms = expr.terms
        let position = expr.position
        let order = try Self.mergeSort(values.indices.map { $0 }) { (a: Int, b: Int) throws(JSONataError) -> Bool in
            try Self.orderAfter(keys[a], keys[b], terms: terms, position: position)
        }
        return .array(Seq(order.map { values[$0] }))
    }

    /// Whether `a` sorts after `b` under the order-by terms.
    private static func orderAfter(_ a: [Value], _ b: [Value], terms: [(descending: Bool, expression: Expr)],
                                   position: Int) throws(JSONataError) -> Bool
    {
        var comp = 0
        var index = 0
        while comp == 0 && index < terms.count {
            defer { index += 1 }
            let aa = a[index]
            let bb = b[index]
            if aa.isUndefined {
                comp = bb.isUndefined ? 0 : 1
                continue
            }
            if bb.isUndefined {
                comp = -1
                continue
            }
            guard aa.isString || aa.isNumber, bb.isString || bb.isNumber else {
                let bad = (aa.isString || aa.isNumber) ? bb : aa
                throw JSONataError("T2008", position: position, value: bad.insert)
            }
            switch (aa, bb) {
            case (.number(let x), .number(let y)):
                if x == y { continue }
                comp = x < y ? -1 : 1
            case (.string(let x), .string(let y)):
                if sameText(x, y) { continue }
                comp = textPrecedes(x, y) ? -1 : 1
            default:
                throw JSONataError("T2007", position: position, value: aa.insert, value2: bb.insert)
            }
            if terms[index].descending { comp = -comp }
        }
        return comp == 1
    }

    /// A stable merge sort whose comparison may throw: `after(a, b)` true moves `b` first. It
    /// splits at the middle as the reference's does, so even a comparator that is not a
    /// consistent order gives the reference's result.
    static func mergeSort<T>(_ input: [T], after: (T, T) throws(JSONataError) -> Bool) throws(JSONataError) -> [T] {
        var buffer = input
        var scratch = input
        try sortRange(&buffer, &scratch, 0, input.count, after)
        return buffer
    }

    private static func sortRange<T>(_ a: inout [T], _ scratch: inout [T], _ start: Int, _ end: Int,
                                     _ after: (T, T) throws(JSONataError) -> Bool) throws(JSONataError)
    {
        let n = end - start
        if n <= 1 { return }
        let mid = start + n / 2
        try sortRange(&a, &scratch, start, mid, after)
        try sortRange(&a, &scratch, mid, end, after)
        var i = start
        var j = mid
        var k = start
        while i < mid && j < end {
            if try after(a[i], a[j]) {
                scratch[k] = a[j]
                j += 1
            } else {
                scratch[k] = a[i]
                i += 1
            }
            k += 1
        }
        while i < mid { scratch[k] = a[i]; i += 1; k += 1 }
        while j < end { scratch[k] = a[j]; j += 1; k += 1 }
        for x in start..<end { a[x] = scratch[x] }
    }
}

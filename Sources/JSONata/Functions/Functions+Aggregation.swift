extension Functions {
    static let aggregation: [Builtin] = [
        Builtin("sum", "<a<n>:n>", arity: 1) { (_, args) throws(JSONataError) in
            guard let items = args[0].arrayElements else { return .undefined }
            var total = 0.0
            for case .number(let n) in items { total += n }
            return .number(total)
        },
        Builtin("count", "<a:n>", arity: 1) { (_, args) throws(JSONataError) in
            if args[0].isUndefined { return .number(0) }
            return .number(Double(args[0].arrayCount))
        },
        Builtin("max", "<a<n>:n>", arity: 1) { (_, args) throws(JSONataError) in
            try extreme(args[0], larger: true)
        },
        Builtin("min", "<a<n>:n>", arity: 1) { (_, args) throws(JSONataError) in
            try extreme(args[0], larger: false)
        },
        Builtin("average", "<a<n>:n>", arity: 1) { (_, args) throws(JSONataError) in
            guard let items = args[0].arrayElements, !items.isEmpty else { return .undefined }
            var total = 0.0
            for case .number(let n) in items { total += n }
            return .number(total / Double(items.count))
        },
    ]

    /// JavaScript's `Math.max`/`Math.min` over the numbers: NaN wins, +0 beats -0.
    private static func extreme(_ value: Value, larger: Bool) throws(JSONataError) -> Value {
        guard let items = value.arrayElements, !items.isEmpty else { return .undefined }
        var best = larger ? -Double.infinity : Double.infinity
        for case .number(let n) in items {
            if n.isNaN { return .number(.nan) }
            if larger ? (n > best || (n == 0 && best == 0 && best.sign == .minus)) : (n < best || (n == 0 && best == 0 && n.sign == .minus)) {
                best = n
            }
        }
        return .number(best)
    }
}

extension Functions {
    static let arrays: [Builtin] = [
        Builtin("append", "<xx:a>", arity: 2) { (_, args) throws(JSONataError) in
            Evaluator.append(args[0], args[1])
        },
        Builtin("reverse", "<a:a>", arity: 1) { (_, args) throws(JSONataError) in
            guard let items = args[0].arrayElements else { return .undefined }
            if items.count <= 1 { return args[0] }
            return .array(Seq(items.reversed()))
        },
        Builtin("shuffle", "<a:a>", arity: 1) { (call, args) throws(JSONataError) in
            guard let items = args[0].arrayElements else { return .undefined }
            if items.count <= 1 { return args[0] }
            // the inside-out Fisher-Yates shuffle
            var result = items
            for i in 0..<items.count {
                let j = Int((call.evaluator.nextRandom() * Double(i + 1)).rounded(.down))
                if i != j { result[i] = result[j] }
                result[j] = items[i]
            }
            return .array(Seq(result))
        },
        Builtin("distinct", "<x:x>", arity: 1) { (_, args) throws(JSONataError) in
            let value = args[0]
            guard let items = value.arrayElements, items.count > 1 else { return value }
            return .array(Seq(distinct(items), flags: value.isSequence ? .sequence : []))
        },
        Builtin("sort", "<af?:a>", arity: 2) { (call, args) throws(JSONataError) in
            guard let items = args[0].arrayElements else { return .undefined }
            if items.count <= 1 { return args[0] }
            let comparator = args[1]
            let sorted: [Value]
            if comparator.isUndefined {
                if items.allSatisfy({ if case .number(let n) = $0 { return !n.isNaN } else { return false } }) {
                    for case .number(let n) in items { try Evaluator.checkFinite(n) }
                    sorted = try Evaluator.mergeSort(items) { (a: Value, b: Value) throws(JSONataError) -> Bool in
                        if case .number(let x) = a, case .number(let y) = b { return x > y }
                        return false
                    }
                } else if items.allSatisfy(\.isString) {
                    sorted = try Evaluator.mergeSort(items) { (a: Value, b: Value) throws(JSONataError) -> Bool in
                        if case .string(let x) = a, case .string(let y) = b { return Evaluator.textPrecedes(y, x) }
                        return false
                    }
                } else {
                    throw JSONataError("D3070", index: 1)
                }
            } else {
                sorted = try Evaluator.mergeSort(items) { (a: Value, b: Value) throws(JSONataError) -> Bool in
                    jsTruthy(try call.apply(comparator, [a, b]))
                }
            }
            return .array(Seq(sorted))
        },
        Builtin("zip", "<a+>", arity: 0) { (_, args) throws(JSONataError) in
            let arrays = args.map { $0.arrayElements }
            let length = arrays.map { $0?.count ?? 0 }.min() ?? 0
            var result: [Value] = []
            result.reserveCapacity(length)
            for i in 0..<length {
                result.append(.array(Seq(arrays.map { $0![i] })))
            }
            return .array(Seq(result))
        },
    ]

    /// The values without repeats, first occurrence kept. Scalars are found by hashing;
    /// objects and arrays are compared with deep equality, only against each other.
    static func distinct(_ items: [Value]) -> [Value] {
        var out: [Value] = []
        var seenStrings: Set<String> = []
        var seenNumbers: Set<Double> = []
        var seenBools: Set<Bool> = []
        var seenNull = false
        var containers: [Value] = []
        for v in items {
            switch v {
            case .string(let s):
                if seenStrings.insert(s).inserted { out.append(v) }
            case .number(let n):
                if n.isNaN || seenNumbers.insert(n).inserted { out.append(v) }
            case .bool(let b):
                if seenBools.insert(b).inserted { out.append(v) }
            case .null:
                if !seenNull { out.append(v) }
                seenNull = true
            case .undefined:
                out.append(v)
            default:
                if !containers.contains(where: { Evaluator.deepEqual($0, v) }) {
                    containers.append(v)
                    out.append(v)
                }
            }
        }
        return out
    }
}

/// States.Array* functions.
enum IntrinsicArrays {
    static func partition(_ args: IntrinsicArguments) throws(ExecutionError) -> JSON {
        try args.expectCount(2)
        let array = try args.array(0)
        let size = try args.integer(1)
        guard size > 0 else { throw args.failure("Invalid arguments in States.ArrayPartition: the chunk size must be greater than 0") }
        var chunks: [JSON] = []
        var start = 0
        while start < array.count {
            let end = min(array.count, start + Int(clamping: size))
            chunks.append(.array(Array(array[start..<end])))
            start = end
        }
        return .array(chunks)
    }

    static func contains(_ args: IntrinsicArguments) throws(ExecutionError) -> JSON {
        try args.expectCount(2)
        let array = try args.array(0)
        return .bool(array.contains(args[1]))
    }

    static func range(_ args: IntrinsicArguments) throws(ExecutionError) -> JSON {
        try args.expectCount(3)
        let first = try args.integer(0), last = try args.integer(1), step = try args.integer(2)
        guard step != 0 else { throw args.failure("Invalid arguments in States.ArrayRange: the step must not be 0") }
        var out: [JSON] = []
        var v = first
        while step > 0 ? v <= last : v >= last {
            out.append(.number(.int(v)))
            if out.count > 1000 {
                throw args.failure("Invalid arguments in States.ArrayRange: the result would have more than 1000 items")
            }
            let (next, overflow) = v.addingReportingOverflow(step)
            if overflow { break }
            v = next
        }
        return .array(out)
    }

    static func getItem(_ args: IntrinsicArguments) throws(ExecutionError) -> JSON {
        try args.expectCount(2)
        let array = try args.array(0)
        let index = try args.integer(1)
        guard index >= 0, index < array.count else {
            throw args.failure("Invalid arguments in States.ArrayGetItem: index \(index) is out of bounds for an array of \(array.count) items")
        }
        return array[Int(index)]
    }

    static func length(_ args: IntrinsicArguments) throws(ExecutionError) -> JSON {
        try args.expectCount(1)
        return .int(try args.array(0).count)
    }

    static func unique(_ args: IntrinsicArguments) throws(ExecutionError) -> JSON {
        try args.expectCount(1)
        var seen = Set<JSON>()
        var out: [JSON] = []
        for v in try args.array(0) where seen.insert(v).inserted { out.append(v) }
        return .array(out)
    }
}

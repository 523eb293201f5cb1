extension IntrinsicCall {
    /// Evaluates the call (arguments first, left to right); failures are `States.IntrinsicFailure`
    /// with AWS's cause text, or `States.Runtime` for an argument path that matches nothing.
    /// `field` is the payload template key (`name.$`) quoted when an argument path matches nothing.
    public func evaluate(in context: inout EvaluationContext, field: String? = nil) throws(ExecutionError) -> JSON {
        try storage.evaluate(in: &context, field: field)
    }
}

extension IntrinsicCall.Storage {
    func evaluate(in context: inout EvaluationContext, field: String?) throws(ExecutionError) -> JSON {
        // The arguments live on the stack for the length of the call: most calls are small, and
        // an array per call would be allocated and freed at every state that uses one.
        try withUnsafeTemporaryAllocation(of: JSON.self, capacity: plans.count) { (buffer) throws(ExecutionError) -> JSON in
            guard let base = buffer.baseAddress else {
                return try apply(IntrinsicArguments(name: name, values: UnsafeBufferPointer(start: nil, count: 0)), in: &context)
            }
            var filled = 0
            defer { base.deinitialize(count: filled) }
            while filled < plans.count {
                (base + filled).initialize(to: try evaluate(plans[filled], in: &context, field: field))
                filled += 1
            }
            return try apply(IntrinsicArguments(name: name, values: UnsafeBufferPointer(start: base, count: filled)), in: &context)
        }
    }

    /// One argument's value.
    private func evaluate(_ plan: IntrinsicCall.ArgumentPlan, in context: inout EvaluationContext,
                          field: String?) throws(ExecutionError) -> JSON {
        switch plan {
        case .value(let v): return v
        case .path(let holder):
            return try holder.withGuaranteedInstance { (holder) throws(ExecutionError) in
                try holder.path.evaluate(in: context, field: field ?? text)
            }
        case .call(let call):
            return try call.withGuaranteedInstance { (call) throws(ExecutionError) in try call.evaluate(in: &context, field: field) }
        }
    }

    /// Runs the function on arguments already evaluated.
    func apply(_ args: IntrinsicArguments, in context: inout EvaluationContext) throws(ExecutionError) -> JSON {
        guard let function else { throw args.failure("The intrinsic function \(name) is not supported") }
        switch function {
        case .format: return try IntrinsicFormat.format(args, pieces: formatPieces)
        case .stringToJson: return try IntrinsicJSON.stringToJson(args)
        case .jsonToString: return try IntrinsicJSON.jsonToString(args)
        case .jsonMerge: return try IntrinsicJSON.jsonMerge(args)
        case .array: return .array(Array(args.values))
        case .arrayPartition: return try IntrinsicArrays.partition(args)
        case .arrayContains: return try IntrinsicArrays.contains(args)
        case .arrayRange: return try IntrinsicArrays.range(args)
        case .arrayGetItem: return try IntrinsicArrays.getItem(args)
        case .arrayLength: return try IntrinsicArrays.length(args)
        case .arrayUnique: return try IntrinsicArrays.unique(args)
        case .base64Encode: return try IntrinsicBase64.encode(args)
        case .base64Decode: return try IntrinsicBase64.decode(args)
        case .hash: return try IntrinsicHash.hash(args)
        case .mathRandom: return try IntrinsicMath.random(args, &context.random)
        case .mathAdd: return try IntrinsicMath.add(args)
        case .stringSplit: return try IntrinsicStrings.split(args)
        case .uuid:
            try args.expectCount(0)
            return .string(context.random.nextUUID())
        }
    }
}

/// The evaluated arguments of one call, with checks that fail the way AWS does.
struct IntrinsicArguments {
    /// The function's full name, for messages.
    let name: String
    /// Valid only during the call they were evaluated for.
    let values: UnsafeBufferPointer<JSON>

    var count: Int { values.count }
    subscript(i: Int) -> JSON { values[i] }

    /// Whether `text` has more than `limit` characters; counts them only when its UTF-8 size
    /// (never fewer bytes than characters) leaves a doubt.
    static func isLonger(_ text: String, than limit: Int) -> Bool {
        text.utf8.count > limit && text.count > limit
    }

    func failure(_ cause: String) -> ExecutionError {
        ExecutionError(StatesErrorName.intrinsicFailure, cause: cause)
    }

    func expectCount(_ n: Int) throws(ExecutionError) {
        guard values.count == n else {
            throw failure("Invalid arguments in \(name): expected \(n) argument\(n == 1 ? "" : "s") but got \(values.count)")
        }
    }

    func expectCount(_ range: ClosedRange<Int>) throws(ExecutionError) {
        guard range.contains(values.count) else {
            throw failure("Invalid arguments in \(name): expected \(range.lowerBound) to \(range.upperBound) arguments but got \(values.count)")
        }
    }

    func string(_ i: Int) throws(ExecutionError) -> String {
        guard case .string(let s) = values[i] else { throw typeMismatch(i, expected: "string") }
        return s
    }

    func array(_ i: Int) throws(ExecutionError) -> [JSON] {
        guard case .array(let a) = values[i] else { throw typeMismatch(i, expected: "array") }
        return a
    }

    func object(_ i: Int) throws(ExecutionError) -> JSONObject {
        guard case .object(let o) = values[i] else { throw typeMismatch(i, expected: "object") }
        return o
    }

    func number(_ i: Int) throws(ExecutionError) -> JSONNumber {
        guard case .number(let n) = values[i] else { throw typeMismatch(i, expected: "number") }
        return n
    }

    /// An integer argument; AWS accepts numbers with no fraction only.
    func integer(_ i: Int) throws(ExecutionError) -> Int64 {
        let n = try number(i)
        guard let v = n.intValue else { throw typeMismatch(i, expected: "integer") }
        return v
    }

    func typeMismatch(_ i: Int, expected: String) -> ExecutionError {
        failure("Invalid arguments in \(name): argument \(i + 1) must be of type \(expected) but was \(values[i].typeName)")
    }
}

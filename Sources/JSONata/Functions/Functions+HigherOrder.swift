extension Functions {
    static let higherOrder: [Builtin] = [
        Builtin("map", "<af>", arity: 2) { (call, args) throws(JSONataError) in
            guard let items = args[0].arrayElements else { return .undefined }
            let function = args[1]
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for (i, item) in items.enumerated() {
                let r = try call.apply(function, call.hofArguments(function, item, .number(Double(i)), args[0]))
                if !r.isUndefined { out.append(r) }
            }
            return .array(.sequence(out))
        },
        Builtin("filter", "<af>", arity: 2) { (call, args) throws(JSONataError) in
            guard let items = args[0].arrayElements else { return .undefined }
            let function = args[1]
            var out: [Value] = []
            for (i, item) in items.enumerated() {
                let r = try call.apply(function, call.hofArguments(function, item, .number(Double(i)), args[0]))
                if Evaluator.truthy(r) { out.append(item) }
            }
            return .array(.sequence(out))
        },
        Builtin("single", "<af?>", arity: 2) { (call, args) throws(JSONataError) in
            guard let items = args[0].arrayElements else { return .undefined }
            let function = args[1]
            var found: Value?
            for (i, item) in items.enumerated() {
                var keep = true
                if !function.isUndefined {
                    let r = try call.apply(function, call.hofArguments(function, item, .number(Double(i)), args[0]))
                    keep = Evaluator.truthy(r)
                }
                if keep {
                    if found != nil { throw JSONataError("D3138", index: i) }
                    found = item
                }
            }
            guard let found else { throw JSONataError("D3139") }
            return found
        },
        Builtin("reduce", "<afj?:j>", arity: 3) { (call, args) throws(JSONataError) in
            guard let items = args[0].arrayElements else { return .undefined }
            let function = args[1]
            guard case .function(let f) = function, f.arity >= 2 else { throw JSONataError("D3050", index: 1) }
            let arity = f.arity
            var result: Value
            var index: Int
            if args[2].isUndefined && !items.isEmpty {
                result = items[0]
                index = 1
            } else {
                result = args[2]
                index = 0
            }
            while index < items.count {
                var callArgs = [result, items[index]]
                if arity >= 3 { callArgs.append(.number(Double(index))) }
                if arity >= 4 { callArgs.append(args[0]) }
                result = try call.apply(function, callArgs)
                index += 1
            }
            return result
        },
    ]
}

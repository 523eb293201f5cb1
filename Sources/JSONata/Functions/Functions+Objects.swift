extension Functions {
    static let objects: [Builtin] = [
        Builtin("keys", "<x-:a<s>>", arity: 1) { (_, args) throws(JSONataError) in
            .array(.sequence(keys(args[0]).map(Value.string)))
        },
        Builtin("lookup", "<x-s:x>", arity: 2) { (call, args) throws(JSONataError) in
            guard case .string(let key) = args[1] else { return .undefined }
            return call.evaluator.lookupField(args[0], key)
        },
        Builtin("spread", "<x-:a<o>>", arity: 1) { (_, args) throws(JSONataError) in
            spread(args[0])
        },
        Builtin("merge", "<a<o>:o>", arity: 1) { (_, args) throws(JSONataError) in
            guard let items = args[0].arrayElements else { return .undefined }
            let result = ObjectValue()
            for item in items {
                try item.forEachMember { (key, value) throws(JSONataError) in result.set(key, value) }
            }
            return .object(result)
        },
        Builtin("each", "<o-f:a>", arity: 2) { (call, args) throws(JSONataError) in
            let object = args[0]
            let function = args[1]
            var out: [Value] = []
            var members: [(String, Value)] = []
            try object.forEachMember { (k, v) throws(JSONataError) in members.append((k, v)) }
            for (key, value) in members {
                let r = try call.apply(function, call.hofArguments(function, value, .string(key), object))
                if !r.isUndefined { out.append(r) }
            }
            return .array(.sequence(out))
        },
        Builtin("sift", "<o-f?:o>", arity: 2) { (call, args) throws(JSONataError) in
            let object = args[0]
            let function = args[1]
            let result = ObjectValue()
            var members: [(String, Value)] = []
            try object.forEachMember { (k, v) throws(JSONataError) in members.append((k, v)) }
            for (key, value) in members {
                let r = try call.apply(function, call.hofArguments(function, value, .string(key), object))
                if Evaluator.truthy(r) { result.set(key, value) }
            }
            return result.count == 0 ? .undefined : .object(result)
        },
        Builtin("clone", "<(oa)-:o>", arity: 1) { (_, args) throws(JSONataError) in
            if case .number(let n) = args[0], !n.isFinite { throw JSONataError("D3001", value: .number(n)) }
            return args[0].deepClone()
        },
    ]

    /// The keys of an object, or the keys of every object in an array (each once).
    static func keys(_ value: Value) -> [String] {
        if let items = value.arrayElements {
            var seen: Set<String> = []
            var out: [String] = []
            for item in items {
                for k in keys(item) where seen.insert(k).inserted { out.append(k) }
            }
            return out
        }
        return value.objectKeys
    }

    /// `$spread`: an object as an array of one-member objects; arrays spread each item.
    static func spread(_ value: Value) -> Value {
        if let items = value.arrayElements {
            var result: Value = .emptySequence
            for item in items { result = Evaluator.append(result, spread(item)) }
            return result
        }
        guard value.isObject else { return value }
        var out: [Value] = []
        try? value.forEachMember { (key, member) throws(JSONataError) in
            let o = ObjectValue(capacity: 1)
            o.set(key, member)
            out.append(.object(o))
        }
        return .array(.sequence(out))
    }
}

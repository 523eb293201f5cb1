import StatesJSON

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
            if let merged = mergedAsJSON(items) { return .json(.object(merged)) }
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

extension Functions {
    /// `$merge` of objects that hold nothing but JSON, merged as one JSON object (a state's
    /// Output merging its input with a few new fields is the common case): the first object's
    /// storage is shared rather than each member copied into a new object. Nil when an item
    /// is not an object or holds a function, which only the general merge keeps.
    static func mergedAsJSON(_ items: [Value]) -> JSONObject? {
        guard case .json(.object(var merged))? = items.first else { return nil }
        for item in items.dropFirst() {
            switch item {
            case .json(.object(let o)):
                for (key, value) in o { merged[key] = value }
            case .object(let o):
                for i in 0..<o.count {
                    guard let value = plainJSON(o.values[i]) else { return nil }
                    merged[o.keys[i]] = value
                }
            default:
                return nil
            }
        }
        return merged
    }

    /// The JSON of a value built from JSON, strings, numbers, booleans and null only; nil when
    /// a function, an undefined or a number JSON cannot hold is anywhere in it.
    static func plainJSON(_ value: Value) -> JSON? {
        switch value {
        case .undefined, .function, .node: return nil
        case .number(let n): return n.isFinite ? value.jsonValue : nil
        case .null, .bool, .string, .json: return value.jsonValue
        case .array(let s):
            var out: [JSON] = []
            out.reserveCapacity(s.items.count)
            for item in s.items {
                guard let j = plainJSON(item) else { return nil }
                out.append(j)
            }
            return .array(out)
        case .object(let o):
            var members = JSONObject(minimumCapacity: o.count)
            for i in 0..<o.count {
                guard let j = plainJSON(o.values[i]) else { return nil }
                members[o.keys[i]] = j
            }
            return .object(members)
        }
    }
}

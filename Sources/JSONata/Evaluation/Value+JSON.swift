import StatesJSON

extension Value {
    /// The value as JSON, nil for undefined. Sequences become arrays, functions the empty
    /// string (as JSON.stringify writes them), numbers exact integers where whole.
    var jsonValue: JSON? {
        switch self {
        case .undefined: return nil
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let n): return n.isFinite ? .number(.normalized(n)) : .null
        case .string(let s): return .string(s)
        case .function: return .string("")
        case .json(let j): return j
        case .node(let n): return n.document.json(n.index)
        case .array(let s): return .array(s.items.map { $0.jsonValue ?? .null })
        case .object(let o):
            var members = JSONObject(minimumCapacity: o.count)
            for i in 0..<o.count {
                if let v = o.values[i].jsonValue { members[o.keys[i]] = v }
            }
            return .object(members)
        }
    }
}

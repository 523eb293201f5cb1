extension JSONPrinter {
    /// The UTF-8 size of `compact(value)` without building it, for the 256 KiB payload limit
    /// that the engine checks on every state.
    public static func compactByteCount(_ value: JSON) -> Int {
        switch value {
        case .null: return 4
        case .bool(let b): return b ? 4 : 5
        case .number(let n): return numberByteCount(n)
        case .string(let s): return stringByteCount(s)
        case .array(let a):
            var total = 2 + max(0, a.count - 1)
            for e in a { total += compactByteCount(e) }
            return total
        case .object(let o):
            var total = 2 + max(0, o.count - 1) + o.count
            for (k, v) in o { total += stringByteCount(k) + compactByteCount(v) }
            return total
        }
    }

    /// Whether the compact text of `value` is longer than `limit` bytes, stopping as soon as the
    /// running count passes it (a huge payload need not be measured to the end).
    public static func compactByteCount(_ value: JSON, exceeds limit: Int) -> Bool {
        var budget = limit
        return !fits(value, within: &budget)
    }

    /// Takes the size of `compact(value)` from `budget`; false, with `budget` below zero, as soon
    /// as it runs out (the rest of the value is not measured).
    public static func spend(_ value: JSON, from budget: inout Int) -> Bool {
        fits(value, within: &budget)
    }

    private static func fits(_ value: JSON, within budget: inout Int) -> Bool {
        switch value {
        case .array(let a):
            budget -= 2 + max(0, a.count - 1)
            if budget < 0 { return false }
            for e in a where !fits(e, within: &budget) { return false }
            return true
        case .object(let o):
            budget -= 2 + max(0, o.count - 1) + o.count
            if budget < 0 { return false }
            for (k, v) in o {
                budget -= stringByteCount(k)
                if budget < 0 || !fits(v, within: &budget) { return false }
            }
            return true
        default:
            budget -= compactByteCount(value)
            return budget >= 0
        }
    }

    /// Whether a value certainly prints within `limit` bytes and nests at most `depth` levels,
    /// judged from upper bounds (a UTF-8 byte prints as at most six) that objects keep as they
    /// are built; false when a bound passes its limit, or an array on the way has more than
    /// `nodes` elements, and then only an exact count can tell.
    public static func certainlyFits(_ value: JSON, within limit: Int, depth: Int = JSON.maximumDepth, nodes: Int = 64) -> Bool {
        var nodes = nodes
        return boundFits(value, limit, depth, &nodes)
    }

    private static func boundFits(_ value: JSON, _ limit: Int, _ depth: Int, _ nodes: inout Int) -> Bool {
        switch value {
        case .object(let o): return o.sizeBound <= limit && o.depthBound <= depth
        case .array(let a):
            // Arrays keep no bounds of their own: add up their elements', within a budget.
            nodes -= a.count
            if nodes < 0 || depth < 1 { return false }
            var total = 2
            for e in a {
                switch e {
                case .array: if !boundFits(e, limit - total, depth - 1, &nodes) { return false }
                case .object(let o): if o.depthBound > depth - 1 { return false }
                default: break
                }
                total = JSONObject.adding(total, JSONObject.adding(1, JSONObject.valueBound(e)))
                if total > limit { return false }
            }
            return total <= limit
        default: return JSONObject.valueBound(value) <= limit
        }
    }

    static func stringByteCount(_ s: String) -> Int {
        var s = s
        return s.withUTF8 { bytes in
            var total = bytes.count + 2
            var i = nextEscape(in: bytes, from: 0)
            while i < bytes.count {
                total += escape(bytes[i]) == 1 ? 5 : 1
                i = nextEscape(in: bytes, from: i + 1)
            }
            return total
        }
    }

    static func numberByteCount(_ n: JSONNumber) -> Int {
        guard case .int(let i) = n else { return format(n).utf8.count }
        var count = i < 0 ? 2 : 1
        var m = i.magnitude / 10
        while m != 0 {
            count += 1
            m /= 10
        }
        return count
    }
}

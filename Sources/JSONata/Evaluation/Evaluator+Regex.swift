/// One match of a matcher (a regular expression, or a function that behaves like one).
struct MatchHit {
    var match: String
    /// Offsets in UTF-16 code units, as JavaScript reports them.
    var start: Int
    var end: Int
    /// Each capture group's text, undefined where the group did not take part.
    var groups: [Value]
}

extension Evaluator {
    /// Runs a regular expression from `from`, counting its steps against the evaluation's budget.
    func firstMatch(_ regex: ECMARegex, _ text: [UInt16], from: Int) throws(JSONataError) -> MatchHit? {
        let found: ECMARegex.Match?
        do {
            found = try regex.firstMatch(in: text, from: from, budget: &regexBudget)
        } catch {
            throw JSONataError("U1001", detail: "The regular expression took too many steps to match (more than the limit of \(environment.regexStepLimit)); simplify it")
        }
        guard let m = found else { return nil }
        let groups = m.groups.map { r -> Value in
            guard let r else { return .undefined }
            return .string(String(decoding: text[r], as: UTF16.self))
        }
        return MatchHit(match: String(decoding: text[m.range], as: UTF16.self),
                        start: m.range.lowerBound, end: m.range.upperBound, groups: groups)
    }

    /// A regular expression called as a function: `/re/(str)` gives the reference's match
    /// object (`match`, `start`, `end`, `groups`, and `next` for the following match).
    func regexClosure(_ regex: ECMARegex, source: String, _ args: [Value]) throws(JSONataError) -> Value {
        guard case .string(let s)? = args.first else { return .undefined }
        var from = 0
        if args.count > 1, case .number(let n) = args[1], n.isFinite, n > 0 { from = Int(n) }
        return try regexMatch(regex, source: source, text: Array(s.utf16), from: from, checkEmpty: false)
    }

    func regexMatch(_ regex: ECMARegex, source: String, text: [UInt16], from: Int, checkEmpty: Bool = true) throws(JSONataError) -> Value {
        if checkEmpty && from >= text.count { return .undefined }
        guard from <= text.count, let hit = try firstMatch(regex, text, from: from) else { return .undefined }
        if checkEmpty && hit.match.isEmpty {
            throw JSONataError("D1004", value: .string(source))
        }
        let o = ObjectValue(capacity: 5)
        o.set("match", .string(hit.match))
        o.set("start", .number(Double(hit.start)))
        o.set("end", .number(Double(hit.end)))
        o.set("groups", .array(Seq(hit.groups)))
        o.set("next", .function(FunctionValue(.regexNext(regex, source: source, text: text, from: hit.end))))
        return .object(o)
    }

    /// The matches of a matcher over a string, at most `limit`, as the string functions
    /// (`$match`, `$replace`, `$split`, `$contains`) take them.
    func matches(_ matcher: Value, in string: String, limit: Int?) throws(JSONataError) -> [MatchHit] {
        var hits: [MatchHit] = []
        if let limit, limit <= 0 { return hits }
        if case .function(let f) = matcher, case .regex(let regex, let source) = f.kind {
            let text = Array(string.utf16)
            guard var hit = try firstMatch(regex, text, from: 0) else { return hits }
            while true {
                hits.append(hit)
                if let limit, hits.count >= limit { break }
                let lastIndex = hit.end
                if lastIndex >= text.count { break }
                guard let next = try firstMatch(regex, text, from: lastIndex) else { break }
                if next.match.isEmpty { throw JSONataError("D1004", value: .string(source)) }
                hit = next
            }
            return hits
        }
        // Any other function must answer as a regular expression's match object does.
        var result = try apply(matcher, [.string(string)], .null, Frame(parent: nil))
        while !result.isUndefined {
            guard let hit = try Self.hit(from: result) else { throw JSONataError("T1010") }
            hits.append(hit)
            if let limit, hits.count >= limit { break }
            guard let next = result.member("next"), next.isFunction else { break }
            result = try apply(next, [], .null, Frame(parent: nil))
        }
        return hits
    }

    private static func hit(from value: Value) throws(JSONataError) -> MatchHit? {
        guard value.isObject else { return nil }
        let start = value.member("start")
        let end = value.member("end")
        let groups = value.member("groups")
        let next = value.member("next")
        var ok = false
        if case .number? = start { ok = true }
        if groups?.isArray == true || next?.isFunction == true { ok = true }
        if case .number? = end, !ok { ok = false }
        guard ok else { return nil }
        var match = ""
        if case .string(let s)? = value.member("match") { match = s }
        // A custom matcher's numbers may be anything: read them as JavaScript's ToIntegerOrInfinity
        // does, bounded, so that no index arithmetic can overflow.
        var s = 0
        if let start, let n = Functions.integer(start) { s = n }
        var e = s + match.utf16.count
        if let end, let n = Functions.integer(end) { e = n }
        return MatchHit(match: match, start: s, end: e, groups: groups?.arrayElements ?? [])
    }
}

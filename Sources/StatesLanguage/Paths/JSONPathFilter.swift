/// Evaluates filter predicates. A path operand that matches nothing is "undefined": comparisons with it
/// are false (and `!=` is the negation of `==`, as in Jayway). Only the walk limits fail a test.
enum FilterEvaluator {
    static func test(_ expression: FilterExpression, _ current: JSON, root: JSON, visits: inout Int,
                     text: String) throws(PathFailure) -> Bool {
        switch expression {
        case .and(let all):
            for e in all where !(try test(e, current, root: root, visits: &visits, text: text)) { return false }
            return true
        case .or(let any):
            for e in any where try test(e, current, root: root, visits: &visits, text: text) { return true }
            return false
        case .not(let a): return !(try test(a, current, root: root, visits: &visits, text: text))
        case .exists(let operand):
            switch operand {
            case .current, .root: return try value(operand, current, root: root, visits: &visits, text: text) != nil
            case .literal(let v): return v != .bool(false) && v != .null
            case .regex: return false
            }
        case .compare(let l, let op, let r):
            if case .regex(let pattern, let insensitive) = r, op == .matches {
                guard case .string(let s)? = try value(l, current, root: root, visits: &visits, text: text) else { return false }
                return matches(s, pattern: pattern, caseInsensitive: insensitive)
            }
            let left = try value(l, current, root: root, visits: &visits, text: text)
            let right = try value(r, current, root: root, visits: &visits, text: text)
            return compare(left, op, right)
        }
    }

    static func value(_ operand: FilterOperand, _ current: JSON, root: JSON, visits: inout Int,
                      text: String) throws(PathFailure) -> JSON? {
        switch operand {
        case .literal(let v): return v
        case .regex(let p, _): return .string(p)
        case .current(let segments): return try relative(segments, current, root: root, visits: &visits, text: text)
        case .root(let segments): return try relative(segments, root, root: root, visits: &visits, text: text)
        }
    }

    static func relative(_ segments: [Segment], _ start: JSON, root: JSON, visits: inout Int,
                         text: String) throws(PathFailure) -> JSON? {
        var walker = PathWalker(segments: segments, document: root, text: text, quiet: true)
        walker.visits = visits
        defer { visits = walker.visits }
        // Relative paths never raise: a mismatch just means "undefined". The limits still do.
        do { try walker.walk(0, start) } catch {
            if error.limitError != nil { throw error }
            return nil
        }
        let definite = segments.indices.allSatisfy { segments[$0].isDefinite(isLeaf: $0 == segments.count - 1) }
        if definite { return walker.results.first }
        return .array(walker.results)
    }

    static func compare(_ left: JSON?, _ op: FilterOperator, _ right: JSON?) -> Bool {
        switch op {
        case .equal: return equal(left, right)
        case .notEqual: return !equal(left, right)
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard let l = left, let r = right else { return false }
            let order: Int
            switch (l, r) {
            case (.number(let a), .number(let b)): order = a < b ? -1 : (a == b ? 0 : 1)
            case (.string(let a), .string(let b)): order = a < b ? -1 : (a == b ? 0 : 1)
            default: return false
            }
            switch op {
            case .less: return order < 0
            case .lessOrEqual: return order <= 0
            case .greater: return order > 0
            default: return order >= 0
            }
        case .in, .notIn:
            guard let l = left, case .array(let list)? = right else { return op == .notIn }
            return list.contains(l) == (op == .in)
        case .subsetOf:
            guard case .array(let l)? = left, case .array(let r)? = right else { return false }
            return l.allSatisfy(r.contains)
        case .anyOf:
            guard case .array(let l)? = left, case .array(let r)? = right else { return false }
            return l.contains(where: r.contains)
        case .noneOf:
            guard case .array(let l)? = left, case .array(let r)? = right else { return false }
            return !l.contains(where: r.contains)
        case .contains:
            switch (left, right) {
            case (.array(let l)?, let r?): return l.contains(r)
            case (.string(let l)?, .string(let r)?): return l.contains(r)
            default: return false
            }
        case .size:
            guard let l = left, let n = right?.intValue else { return false }
            switch l {
            case .array(let a): return a.count == n
            case .string(let s): return s.count == n
            default: return false
            }
        case .empty:
            guard let l = left, let want = right?.boolValue else { return false }
            switch l {
            case .array(let a): return a.isEmpty == want
            case .string(let s): return s.isEmpty == want
            default: return false
            }
        case .matches:
            guard case .string(let s)? = left, case .string(let p)? = right else { return false }
            return matches(s, pattern: p, caseInsensitive: false)
        }
    }

    static func equal(_ left: JSON?, _ right: JSON?) -> Bool {
        guard let l = left, let r = right else { return false }
        return l == r
    }

    static func matches(_ s: String, pattern: String, caseInsensitive: Bool) -> Bool {
        guard var regex = try? Regex(pattern) else { return false }
        if caseInsensitive { regex = regex.ignoresCase() }
        return (try? regex.wholeMatch(in: s)) != nil
    }
}

extension PathWalker {
    /// A walker that never raises Jayway's definite-path errors (a filter's relative paths).
    init(segments: [Segment], document: JSON, text: String, quiet: Bool) {
        self.init(segments: segments, document: document, text: text)
        if quiet { upstreamDefinite = Array(repeating: false, count: segments.count) }
    }
}

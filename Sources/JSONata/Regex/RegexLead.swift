extension ECMARegex {
    /// What the text must hold where a match starts, found once from the tree so the search
    /// skips positions without running the machine.
    enum Lead: Sendable {
        /// A match may start anywhere (the pattern can match empty, or starts with a
        /// backreference).
        case anywhere
        /// Every alternative starts with `^` and the pattern is not multiline.
        case textStart
        /// Every match starts with this unit.
        case unit(UInt16)
        /// Every match starts with a member of this set.
        case set(CharSet)

        /// The first position at or after `from` where a match could start, or nil.
        func firstCandidate(in text: UnsafeBufferPointer<UInt16>, from: Int) -> Int? {
            switch self {
            case .anywhere: return from
            case .textStart: return from == 0 ? 0 : nil
            case .unit(let u): return (from..<text.count).first { text[$0] == u }
            case .set(let set): return (from..<text.count).first { set.contains(text[$0]) }
            }
        }
    }
}

extension ECMARegex.Compiler {
    typealias Lead = ECMARegex.Lead
    typealias Node = ECMARegex.Node
    typealias CharSet = ECMARegex.CharSet

    func lead(of node: Node) -> Lead {
        if !multiline, Self.anchored(node) { return .textStart }
        guard let (first, nullable) = firstUnits(node), !nullable else { return .anywhere }
        if let u = first.single { return .unit(u) }
        return .set(first)
    }

    private static func anchored(_ node: Node) -> Bool {
        switch node {
        case .assertion(.start): return true
        case .sequence(let terms): return anchored(terms[0])
        case .alternation(let alternatives): return alternatives.allSatisfy(anchored)
        case .group(let body, _): return anchored(body)
        default: return false
        }
    }

    /// The units a match of `node` can start with, and whether it can match empty (then what
    /// follows it can start the match too); nil when any unit can.
    private func firstUnits(_ node: Node) -> (CharSet, Bool)? {
        switch node {
        case .empty, .assertion, .look:
            // Zero-width: whatever follows consumes the first unit.
            return (.empty, true)
        case .unit, .dot, .set:
            return (members(node)!, false)
        case .backreference, .namedReference:
            return nil
        case .group(let body, _):
            return firstUnits(body)
        case .repeated(let atom, let q):
            if q.max == 0 { return (.empty, true) }
            guard let (first, nullable) = firstUnits(atom) else { return nil }
            return (first, nullable || q.min == 0)
        case .sequence(let terms):
            var all = CharSet.empty
            for term in terms {
                guard let (first, nullable) = firstUnits(term) else { return nil }
                all = all.union(first)
                if !nullable { return (all, false) }
            }
            return (all, true)
        case .alternation(let alternatives):
            var all = CharSet.empty
            var anyNullable = false
            for alternative in alternatives {
                guard let (first, nullable) = firstUnits(alternative) else { return nil }
                all = all.union(first)
                anyNullable = anyNullable || nullable
            }
            return (all, anyNullable)
        }
    }
}

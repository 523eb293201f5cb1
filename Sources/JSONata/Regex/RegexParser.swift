extension ECMARegex {
    /// Parses a pattern with ECMAScript's grammar without the `u` flag, including the Annex B
    /// leniencies V8 accepts (`]`, `{` and `}` as literals, `\8`, legacy octal escapes, `\c`
    /// without a letter, quantified lookaheads).
    ///
    /// Groups are parsed with an explicit stack of open groups, not recursion, and their nesting
    /// is limited, so the passes over the finished tree may recurse.
    struct Parser {
        /// The deepest nesting of groups (of any kind) a pattern may have.
        static let maximumNesting = 256

        struct Failure: Error {
            var reason: String
            var offset: Int
        }

        let source: [UInt16]
        var position = 0
        /// Capturing groups in the whole pattern: `\N` is a backreference only when N is at most
        /// this, even when the group comes later.
        let totalGroups: Int
        /// Whether the pattern has a named group, which makes `\k` a named reference everywhere.
        let namedMode: Bool
        /// Names of the groups opened so far, by group number − 1.
        private(set) var groupNames: [String?] = []
        private var closedNames: Set<String> = []
        private var references: [(name: String, offset: Int)] = []

        init(_ source: [UInt16]) {
            self.source = source
            (totalGroups, namedMode) = Self.countGroups(source)
        }

        /// One open group while parsing: its alternatives so far and the terms of the current one.
        private struct Frame {
            enum Kind { case root, capture(Int), plain, look(behind: Bool, negative: Bool) }
            var kind: Kind
            var opening: Int
            /// Groups opened before this one; the ones after it up to its close are inside it.
            var groupsBefore: Int
            var alternatives: [Node] = []
            var terms: [Node] = []

            mutating func endAlternative() {
                alternatives.append(Parser.sequence(terms))
                terms = []
            }

            var body: Node {
                alternatives.isEmpty ? Parser.sequence(terms) : .alternation(alternatives + [Parser.sequence(terms)])
            }
        }

        static func sequence(_ terms: [Node]) -> Node {
            switch terms.count {
            case 0: return .empty
            case 1: return terms[0]
            default: return .sequence(terms)
            }
        }

        mutating func parse() throws(Failure) -> Node {
            var frames = [Frame(kind: .root, opening: 0, groupsBefore: 0)]
            while position < source.count {
                let here = position
                switch scalar(at: position) {
                case "|":
                    position += 1
                    frames[frames.count - 1].endAlternative()
                case "(":
                    guard frames.count <= Self.maximumNesting else {
                        throw Failure(reason: "Groups nested more than \(Self.maximumNesting) deep", offset: here)
                    }
                    frames.append(try openGroup())
                case ")":
                    guard frames.count > 1 else { throw Failure(reason: "Unmatched ')'", offset: here) }
                    position += 1
                    let frame = frames.removeLast()
                    let node: Node
                    switch frame.kind {
                    case .root, .plain: node = frame.body
                    case .capture(let index):
                        // V8 finds a duplicate name when the second of the two groups closes.
                        if let name = groupNames[index - 1], !closedNames.insert(name).inserted {
                            throw Failure(reason: "Duplicate capture group name", offset: frame.opening)
                        }
                        node = .group(frame.body, index: index)
                    case .look(let behind, let negative):
                        node = .look(frame.body, behind: behind, negative: negative)
                    }
                    let quantifierAt = position
                    let term = try quantified(node, groups: frame.groupsBefore + 1 ..< groupNames.count + 1)
                    if case .look(true, _) = frame.kind, case .repeated = term {
                        throw Failure(reason: "Invalid quantifier", offset: quantifierAt)
                    }
                    frames[frames.count - 1].terms.append(term)
                case "^":
                    position += 1
                    frames[frames.count - 1].terms.append(.assertion(.start))
                case "$":
                    position += 1
                    frames[frames.count - 1].terms.append(.assertion(.end))
                case "*", "+", "?":
                    throw Failure(reason: "Nothing to repeat", offset: here)
                case "{" where braceQuantifier(at: position) != nil:
                    throw Failure(reason: "Nothing to repeat", offset: here)
                case "\\":
                    position += 1
                    let (node, quantifiable) = try atomEscape(backslash: here)
                    let term = quantifiable ? try quantified(node, groups: 0..<0) : node
                    frames[frames.count - 1].terms.append(term)
                case "[":
                    let term = try quantified(try characterClass(), groups: 0..<0)
                    frames[frames.count - 1].terms.append(term)
                case ".":
                    position += 1
                    frames[frames.count - 1].terms.append(try quantified(.dot, groups: 0..<0))
                default:
                    position += 1
                    frames[frames.count - 1].terms.append(try quantified(.unit(source[here]), groups: 0..<0))
                }
            }
            guard frames.count == 1 else { throw Failure(reason: "Unterminated group", offset: frames[frames.count - 1].opening) }
            let names = Set(groupNames.compactMap { $0 })
            for reference in references where !names.contains(reference.name) {
                throw Failure(reason: "Invalid named capture referenced", offset: reference.offset)
            }
            return frames[0].body
        }

        /// The code unit at `offset` as a scalar to switch on (a lone surrogate reads as U+FFFD,
        /// which no syntax uses).
        func scalar(at offset: Int) -> Unicode.Scalar {
            Unicode.Scalar(source[offset]) ?? "\u{FFFD}"
        }

        func isAt(_ offset: Int, _ c: Unicode.Scalar) -> Bool {
            offset < source.count && source[offset] == UInt16(c.value)
        }

        /// Parses `(`, `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!` or `(?<name>` and returns the new frame.
        private mutating func openGroup() throws(Failure) -> Frame {
            let opening = position
            let before = groupNames.count
            position += 1
            guard isAt(position, "?") else {
                groupNames.append(nil)
                return Frame(kind: .capture(groupNames.count), opening: opening, groupsBefore: before)
            }
            position += 1
            let kind: Frame.Kind
            if isAt(position, ":") {
                kind = .plain
            } else if isAt(position, "=") || isAt(position, "!") {
                kind = .look(behind: false, negative: isAt(position, "!"))
            } else if isAt(position, "<"), isAt(position + 1, "=") || isAt(position + 1, "!") {
                position += 1
                kind = .look(behind: true, negative: isAt(position, "!"))
            } else if isAt(position, "<") {
                position += 1
                groupNames.append(try groupName())
                return Frame(kind: .capture(groupNames.count), opening: opening, groupsBefore: before)
            } else {
                throw Failure(reason: "Invalid group", offset: opening)
            }
            position += 1
            return Frame(kind: kind, opening: opening, groupsBefore: before)
        }

        /// Wraps `atom` in the quantifier that follows it, if any.
        private mutating func quantified(_ atom: Node, groups: Range<Int>) throws(Failure) -> Node {
            guard position < source.count else { return atom }
            let here = position
            var bounds: (min: Int, max: Int)
            switch scalar(at: position) {
            case "*": bounds = (0, .max); position += 1
            case "+": bounds = (1, .max); position += 1
            case "?": bounds = (0, 1); position += 1
            case "{":
                guard let (braced, end) = braceQuantifier(at: position) else { return atom }
                bounds = braced
                position = end
            default:
                return atom
            }
            guard bounds.min <= bounds.max else {
                throw Failure(reason: "numbers out of order in {} quantifier", offset: here)
            }
            let greedy = !isAt(position, "?")
            if !greedy { position += 1 }
            return .repeated(atom, Quantifier(min: bounds.min, max: bounds.max, greedy: greedy, groups: groups))
        }

        /// `{n}`, `{n,}` or `{n,m}` at `offset`, with the offset just past it; nil when the brace
        /// starts anything else (then it is a literal `{`). Counts too large saturate.
        func braceQuantifier(at offset: Int) -> ((min: Int, max: Int), Int)? {
            guard isAt(offset, "{") else { return nil }
            var i = offset + 1
            guard let low = number(at: &i) else { return nil }
            var high = low
            if isAt(i, ",") {
                i += 1
                high = number(at: &i) ?? .max
            }
            guard isAt(i, "}") else { return nil }
            return ((low, high), i + 1)
        }

        /// The decimal number at `offset` (advanced past it), saturating at `Int.max`.
        func number(at offset: inout Int) -> Int? {
            var value: Int?
            while offset < source.count, let digit = Self.digitValue(source[offset], radix: 10) {
                let (times, o1) = (value ?? 0).multipliedReportingOverflow(by: 10)
                let (sum, o2) = times.addingReportingOverflow(digit)
                value = o1 || o2 ? .max : sum
                offset += 1
            }
            return value
        }

        static func digitValue(_ u: UInt16, radix: Int) -> Int? {
            let v: Int
            switch u {
            case 0x30...0x39: v = Int(u) - 0x30
            case 0x41...0x5A: v = Int(u) - 0x41 + 10
            case 0x61...0x7A: v = Int(u) - 0x61 + 10
            default: return nil
            }
            return v < radix ? v : nil
        }

        /// Counts the capturing groups and notes whether any is named, skipping escapes and
        /// classes, where parentheses are literal.
        private static func countGroups(_ s: [UInt16]) -> (Int, Bool) {
            let backslash = UInt16(0x5C), open = UInt16(0x28), question = UInt16(0x3F), less = UInt16(0x3C)
            var count = 0
            var named = false
            var inClass = false
            var i = 0
            while i < s.count {
                let c = s[i]
                if c == backslash {
                    i += 2
                    continue
                }
                if inClass {
                    inClass = c != 0x5D
                } else if c == 0x5B {
                    inClass = true
                } else if c == open {
                    if i + 1 < s.count, s[i + 1] == question {
                        if i + 3 < s.count, s[i + 2] == less, s[i + 3] != 0x3D, s[i + 3] != 0x21 {
                            count += 1
                            named = true
                        }
                    } else {
                        count += 1
                    }
                }
                i += 1
            }
            return (count, named)
        }

        /// Records a `\k<name>` reference, checked once all groups are known.
        mutating func noteReference(_ name: String, offset: Int) {
            references.append((name, offset))
        }
    }
}

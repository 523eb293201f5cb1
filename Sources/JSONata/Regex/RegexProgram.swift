extension ECMARegex {
    /// One instruction of the backtracking machine. Instructions that consume text come in a
    /// forward and a backward form; lookbehind bodies run backward, as the specification's
    /// matchers do. Payloads are plain integers (sets and literals live in the program's
    /// tables), so stepping through instructions costs no reference counting.
    enum Op: Sendable {
        case unit(UInt16)
        case unitBack(UInt16)
        /// `count` units in a row from the program's literal pool, forward.
        case literal(start: Int, count: Int)
        /// A member of the program's set at `index`.
        case set(Int)
        case setBack(Int)
        case assert(Check)
        /// Go on at the next instruction; on failure resume at `target` with this position.
        case fork(target: Int)
        case jump(Int)
        /// Records the position in capture slot `slot` (2 × group for starts, + 1 for ends).
        case save(slot: Int)
        case backreference(group: Int, backward: Bool)
        /// A lookaround's body follows, up to its `lookEnd`; `end` is the instruction after it.
        case lookStart(end: Int, negative: Bool)
        case lookEnd(negative: Bool)
        /// A quantified atom one code unit wide (so without captures, never empty): members of
        /// the set at `set`.
        case star(set: Int, min: Int, max: Int, greedy: Bool, backward: Bool)
        /// The general loop: `loopInit`, then `loopHead` … `loopTail`; see `Compiler.loop`.
        case loopInit(counter: Int)
        case loopHead(counter: Int, min: Int, max: Int, greedy: Bool, exit: Int)
        case loopEnter(start: Int, groups: Range<Int>)
        case loopTail(counter: Int, start: Int, min: Int, head: Int)
        case match
    }

    enum Check: Sendable {
        case textStart, textEnd, lineStart, lineEnd, wordBoundary, notWordBoundary
    }

    /// A compiled pattern, shared by every copy of its `ECMARegex`. Its tables are copied once
    /// into memory it owns, so a search reads them without reference counting or borrowing
    /// scopes; nothing writes to them after `init`, which is what makes sharing it safe.
    final class Program: @unchecked Sendable {
        let ops: UnsafeBufferPointer<Op>
        let sets: UnsafeBufferPointer<SetMatcher>
        /// The ranges of every set, which `sets` point into.
        private let bounds: UnsafeBufferPointer<UInt16>
        let literals: UnsafeBufferPointer<UInt16>
        let groupCount: Int
        let registerCount: Int
        let ignoreCase: Bool
        /// What the text must have where a match starts, to skip positions quickly.
        let lead: Lead

        init(_ compiler: Compiler, lead: Lead) {
            ops = Self.copy(compiler.ops)
            bounds = Self.copy(compiler.sets.flatMap(\.bounds))
            var offset = 0
            var matchers: [SetMatcher] = []
            for set in compiler.sets {
                let slice = UnsafeBufferPointer(rebasing: bounds[offset ..< offset + set.bounds.count])
                matchers.append(SetMatcher(asciiLow: set.asciiLow, asciiHigh: set.asciiHigh, bounds: slice))
                offset += set.bounds.count
            }
            sets = Self.copy(matchers)
            literals = Self.copy(compiler.literals)
            groupCount = compiler.groupNames.count
            registerCount = compiler.registerCount
            ignoreCase = compiler.ignoreCase
            self.lead = lead
        }

        deinit {
            UnsafeMutableBufferPointer(mutating: ops).deinitialize().deallocate()
            UnsafeMutableBufferPointer(mutating: sets).deallocate()
            UnsafeMutableBufferPointer(mutating: bounds).deallocate()
            UnsafeMutableBufferPointer(mutating: literals).deallocate()
        }

        private static func copy<T>(_ array: [T]) -> UnsafeBufferPointer<T> {
            let memory = UnsafeMutableBufferPointer<T>.allocate(capacity: Swift.max(array.count, 1))
            _ = memory.initialize(from: array)
            return UnsafeBufferPointer(rebasing: memory[0..<array.count])
        }
    }

    /// Turns the syntax tree into a `Program`. The tree's depth is bounded by the parser, so
    /// the compiler may recurse over it.
    struct Compiler {
        let ignoreCase: Bool
        let multiline: Bool
        let groupNames: [String?]
        private var groupNumbers: [String: Int] = [:]
        private(set) var ops: [Op] = []
        private(set) var sets: [CharSet] = []
        private var setIndex: [CharSet: Int] = [:]
        private(set) var literals: [UInt16] = []
        private(set) var registerCount = 0

        init(ignoreCase: Bool, multiline: Bool, groupNames: [String?]) {
            self.ignoreCase = ignoreCase
            self.multiline = multiline
            self.groupNames = groupNames
            for (k, name) in groupNames.enumerated() {
                if let name { groupNumbers[name] = k + 1 }
            }
        }

        static func compile(_ node: Node, ignoreCase: Bool, multiline: Bool, groupNames: [String?]) -> Program {
            var compiler = Compiler(ignoreCase: ignoreCase, multiline: multiline, groupNames: groupNames)
            compiler.emit(node, backward: false)
            compiler.ops.append(.match)
            return Program(compiler, lead: compiler.lead(of: node))
        }

        /// The units a one-unit atom matches, after case folding and negation.
        func members(_ node: Node) -> CharSet? {
            switch node {
            case .unit(let u): return ignoreCase ? CaseFolding.closure(of: u) : CharSet(u)
            case .dot: return CharSet.lineTerminators.inverted
            case .set(let s, let negated):
                let folded = ignoreCase ? CaseFolding.closure(of: s) : s
                return negated ? folded.inverted : folded
            default: return nil
            }
        }

        private mutating func emit(_ node: Node, backward: Bool) {
            switch node {
            case .empty:
                break
            case .unit, .dot, .set:
                emitOne(members(node)!, backward: backward)
            case .sequence(let terms):
                if backward {
                    for term in terms.reversed() { emit(term, backward: true) }
                } else {
                    emitForward(terms)
                }
            case .alternation(let alternatives):
                var jumps: [Int] = []
                for (k, alternative) in alternatives.enumerated() {
                    let fork = ops.count
                    let last = k == alternatives.count - 1
                    if !last { ops.append(.fork(target: -1)) }
                    emit(alternative, backward: backward)
                    if !last {
                        jumps.append(ops.count)
                        ops.append(.jump(-1))
                        ops[fork] = .fork(target: ops.count)
                    }
                }
                for j in jumps { ops[j] = .jump(ops.count) }
            case .group(let body, let index):
                // Backward, the body is matched right to left, so its end is recorded first.
                ops.append(.save(slot: 2 * index + (backward ? 1 : 0)))
                emit(body, backward: backward)
                ops.append(.save(slot: 2 * index + (backward ? 0 : 1)))
            case .backreference(let group):
                ops.append(.backreference(group: group, backward: backward))
            case .namedReference(let name):
                let group = groupNumbers[name] ?? 0
                ops.append(.backreference(group: group, backward: backward))
            case .assertion(let a):
                switch a {
                case .start: ops.append(.assert(multiline ? .lineStart : .textStart))
                case .end: ops.append(.assert(multiline ? .lineEnd : .textEnd))
                case .wordBoundary: ops.append(.assert(.wordBoundary))
                case .notWordBoundary: ops.append(.assert(.notWordBoundary))
                }
            case .look(let body, let behind, let negative):
                let start = ops.count
                ops.append(.lookStart(end: -1, negative: negative))
                emit(body, backward: behind)
                ops.append(.lookEnd(negative: negative))
                ops[start] = .lookStart(end: ops.count, negative: negative)
            case .repeated(let atom, let q):
                emitRepeat(atom, q, backward: backward)
            }
        }

        private mutating func emitOne(_ set: CharSet, backward: Bool) {
            if let u = set.single {
                ops.append(backward ? .unitBack(u) : .unit(u))
            } else {
                ops.append(backward ? .setBack(index(of: set)) : .set(index(of: set)))
            }
        }

        /// The set's place in the program's table, adding it when new.
        private mutating func index(of set: CharSet) -> Int {
            if let k = setIndex[set] { return k }
            sets.append(set)
            setIndex[set] = sets.count - 1
            return sets.count - 1
        }

        /// A forward sequence, with runs of single units joined into one `literal`.
        private mutating func emitForward(_ terms: [Node]) {
            var run: [UInt16] = []
            func flush(_ ops: inout [Op], _ literals: inout [UInt16]) {
                if run.count == 1 {
                    ops.append(.unit(run[0]))
                } else if run.count > 1 {
                    ops.append(.literal(start: literals.count, count: run.count))
                    literals += run
                }
                run = []
            }
            for term in terms {
                if case .unit = term, let u = members(term)?.single {
                    run.append(u)
                    continue
                }
                flush(&ops, &literals)
                emit(term, backward: false)
            }
            flush(&ops, &literals)
        }

        private mutating func emitRepeat(_ atom: Node, _ q: Quantifier, backward: Bool) {
            if q.max == 0 { return }
            if let set = members(atom) {
                ops.append(.star(set: index(of: set), min: q.min, max: q.max, greedy: q.greedy, backward: backward))
                return
            }
            if q.min == 1, q.max == 1 {
                emit(atom, backward: backward)
                return
            }
            loop(atom, q, backward: backward)
        }

        /// The general loop, following the specification's RepeatMatcher:
        ///
        ///     loopInit    counter ← 0
        ///     head:  loopHead    below min: iterate; at max: exit; else try one order, keep the other
        ///            loopEnter   note where the iteration starts, reset the atom's captures
        ///            <atom>
        ///            loopTail    an optional iteration that matched empty fails; counter += 1
        ///            (back to head)
        ///     exit:
        private mutating func loop(_ atom: Node, _ q: Quantifier, backward: Bool) {
            let counter = registerCount
            let start = registerCount + 1
            registerCount += 2
            ops.append(.loopInit(counter: counter))
            let head = ops.count
            ops.append(.loopHead(counter: counter, min: q.min, max: q.max, greedy: q.greedy, exit: -1))
            ops.append(.loopEnter(start: start, groups: q.groups))
            emit(atom, backward: backward)
            ops.append(.loopTail(counter: counter, start: start, min: q.min, head: head))
            ops[head] = .loopHead(counter: counter, min: q.min, max: q.max, greedy: q.greedy, exit: ops.count)
        }
    }
}

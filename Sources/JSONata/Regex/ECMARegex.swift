/// A regular expression with ECMAScript's syntax and meaning, as JavaScript's
/// `new RegExp(pattern, flags)` builds it without the `u` flag (the way jsonata-js builds regex
/// literals), matched over UTF-16 code units: `.` matches one code unit and every offset counts
/// code units, as JavaScript string indexes do.
///
/// Matching is a backtracking machine with an explicit stack, so neither the pattern nor the
/// text can overflow the call stack, and every search spends from a caller's budget of steps,
/// so a catastrophic pattern such as `(a+)+$` ends with `BudgetExceeded`.
///
/// Iterating like JavaScript's `g` flag (`matchAll`, `replace`, `split`): search from 0; after
/// a match, search again from its end, or from one past its end when it was empty (one code
/// unit, as without the `u` flag); `allMatches` does this. jsonata-js iterates its own way: it
/// searches again from the previous match's end (stopping once that reaches the text's length)
/// and raises D1004 when that next match is empty.
public struct ECMARegex: Sendable {
    /// A pattern that is not a valid regular expression.
    public struct SyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
        /// What is wrong, in V8's words: `Unterminated group`, `Nothing to repeat`, ...
        public var reason: String
        /// Where, in UTF-16 code units from the pattern's start.
        public var offset: Int
        /// The message node prints for the RegExp jsonata-js builds (it always adds the `g`
        /// flag): `Invalid regular expression: /(/g: Unterminated group`.
        public var message: String

        public var description: String { message }
    }

    /// A search that used up its budget of steps before finishing.
    public struct BudgetExceeded: Error, Sendable, Hashable {
        public init() {}
    }

    /// Where a match lies in the text, in UTF-16 code-unit offsets.
    public struct Match: Sendable, Hashable {
        /// The whole match.
        public var range: Range<Int>
        /// Capture groups 1, 2, …: nil for a group that did not take part in the match.
        public var groups: [Range<Int>?]
        /// The groups' names (nil for an unnamed group), by group number − 1.
        public var groupNames: [String?]

        /// The range of the group named `name`, when it took part.
        public subscript(name: String) -> Range<Int>? {
            guard let k = groupNames.firstIndex(of: name) else { return nil }
            return groups[k]
        }
    }

    public let pattern: String
    public let ignoreCase: Bool
    public let multiline: Bool
    /// The names of the capture groups (nil for an unnamed group), by group number − 1.
    public let groupNames: [String?]
    private let program: Program

    /// The number of capture groups.
    public var groupCount: Int { groupNames.count }

    /// Parses and compiles `pattern` as `new RegExp(pattern, flags)` would, with flags `i` and
    /// `m` as given.
    public init(pattern: String, ignoreCase: Bool = false, multiline: Bool = false) throws(SyntaxError) {
        self.pattern = pattern
        self.ignoreCase = ignoreCase
        self.multiline = multiline
        var parser = Parser(Array(pattern.utf16))
        let tree: Node
        do {
            tree = try parser.parse()
        } catch {
            let flags = "g" + (ignoreCase ? "i" : "") + (multiline ? "m" : "")
            throw SyntaxError(reason: error.reason, offset: error.offset,
                              message: "Invalid regular expression: /\(pattern)/\(flags): \(error.reason)")
        }
        groupNames = parser.groupNames
        program = Compiler.compile(tree, ignoreCase: ignoreCase, multiline: multiline, groupNames: groupNames)
    }

    /// The first match that starts at or after `start`, as `exec` finds it with `lastIndex`
    /// set to `start` (lookbehinds and `^` still see the text before `start`).
    ///
    /// Each instruction the matcher runs, each unit a one-unit loop scans and each choice it
    /// takes back costs one unit of `budget` (a few nanoseconds each: ten million steps take
    /// a few hundredths of a second); when the budget runs out the search stops with
    /// `BudgetExceeded`. A text with no place to start a match costs nothing. The matcher's
    /// memory grows with the steps taken, so the budget bounds it too.
    public func firstMatch(in text: [UInt16], from start: Int = 0, budget: inout Int) throws(BudgetExceeded) -> Match? {
        guard start <= text.count else { return nil }
        let program = self.program
        var outcome = Outcome.failed
        var groups: [Range<Int>?] = []
        text.withUnsafeBufferPointer { text in
            // (32 frames stay within the size Swift allocates on the call stack.)
            // Most texts a simple pattern is tried on have no place to start: answer those
            // before setting anything up.
            guard let first = program.lead.firstCandidate(in: text, from: Swift.max(start, 0)) else { return }
            let slots = 2 * (program.groupCount + 1)
            withUnsafeTemporaryAllocation(of: Int.self, capacity: slots + program.registerCount) { memory in
                withUnsafeTemporaryAllocation(of: Frame.self, capacity: 32) { frames in
                    memory.initialize(repeating: -1)
                    var machine = Machine(
                        program: program, text: text,
                        caps: UnsafeMutableBufferPointer(rebasing: memory[0..<slots]),
                        regs: UnsafeMutableBufferPointer(rebasing: memory[slots...]),
                        budget: budget, stack: FrameStack(lending: frames))
                    outcome = withExtendedLifetime(program) { machine.search(from: first, lead: program.lead) }
                    machine.stack.release()
                    budget = machine.budget
                    guard case .matched = outcome, program.groupCount > 0 else { return }
                    groups = (1...program.groupCount).map { g in
                        let from = memory[2 * g], to = memory[2 * g + 1]
                        return from >= 0 && to >= 0 ? from..<to : nil
                    }
                }
            }
        }
        switch outcome {
        case .matched(let from, let to): return Match(range: from..<to, groups: groups, groupNames: groupNames)
        case .failed: return nil
        case .exhausted: throw BudgetExceeded()
        }
    }

    /// `firstMatch` over a Swift string's UTF-16 code units; offsets still count code units.
    public func firstMatch(in text: String, from start: Int = 0, budget: inout Int) throws(BudgetExceeded) -> Match? {
        try firstMatch(in: Array(text.utf16), from: start, budget: &budget)
    }

    /// Every match from the start, as JavaScript's `matchAll` finds them: after an empty match
    /// the search moves on by one code unit.
    public func allMatches(in text: [UInt16], budget: inout Int) throws(BudgetExceeded) -> [Match] {
        var matches: [Match] = []
        var start = 0
        while start <= text.count, let m = try firstMatch(in: text, from: start, budget: &budget) {
            matches.append(m)
            start = m.range.isEmpty ? m.range.upperBound + 1 : m.range.upperBound
        }
        return matches
    }
}

extension ECMARegex {
    /// The parsed pattern. Its depth is bounded by `Parser.maximumNesting`, so the passes over
    /// it may recurse.
    indirect enum Node: Sendable {
        case empty
        /// One code unit, as written (case folding happens in the compiler).
        case unit(UInt16)
        /// `.`: any code unit but a line terminator.
        case dot
        /// A class (`[a-z]`, `\d`, …) before case folding; `negated` applies after folding.
        case set(CharSet, negated: Bool)
        case sequence([Node])
        case alternation([Node])
        /// A capturing group, numbered from 1 in the order of the opening parentheses.
        case group(Node, index: Int)
        case backreference(Int)
        /// `\k<name>`; the parser has checked that the name exists.
        case namedReference(String)
        case assertion(Assertion)
        case look(Node, behind: Bool, negative: Bool)
        case repeated(Node, Quantifier)
    }

    enum Assertion: Sendable {
        case start, end, wordBoundary, notWordBoundary
    }

    struct Quantifier: Sendable {
        var min: Int
        /// `Int.max` when unbounded.
        var max: Int
        var greedy: Bool
        /// The capturing groups inside the repeated atom, which every iteration resets.
        var groups: Range<Int>
    }
}

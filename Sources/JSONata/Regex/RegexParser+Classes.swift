extension ECMARegex.Parser {
    /// One member written in a class: a code unit, or a class escape such as `\d`.
    private enum ClassAtom {
        case unit(UInt16)
        case set(CharSet)
    }

    /// A bracketed class at `position` (on the `[`), through its `]`.
    mutating func characterClass() throws(Failure) -> Node {
        let opening = position
        position += 1
        let negated = isAt(position, "^")
        if negated { position += 1 }
        var ranges: [ClosedRange<UInt16>] = []
        var sets = CharSet.empty
        func add(_ atom: ClassAtom) {
            switch atom {
            case .unit(let u): ranges.append(u...u)
            case .set(let s): sets = sets.union(s)
            }
        }
        while true {
            guard position < source.count else {
                throw Failure(reason: "Unterminated character class", offset: opening)
            }
            if isAt(position, "]") {
                position += 1
                break
            }
            let start = position
            let first = try classAtom(opening: opening)
            guard isAt(position, "-"), position + 1 < source.count, !isAt(position + 1, "]") else {
                add(first)
                continue
            }
            position += 1
            let second = try classAtom(opening: opening)
            if case .unit(let low) = first, case .unit(let high) = second {
                guard low <= high else { throw Failure(reason: "Range out of order in character class", offset: start) }
                ranges.append(low...high)
            } else {
                // Annex B: a class escape at either end makes the dash a member of its own.
                add(first)
                add(.unit(0x2D))
                add(second)
            }
        }
        return .set(CharSet(ranges: ranges).union(sets), negated: negated)
    }

    private mutating func classAtom(opening: Int) throws(Failure) -> ClassAtom {
        guard isAt(position, "\\") else {
            position += 1
            return .unit(source[position - 1])
        }
        let backslash = position
        position += 1
        guard position < source.count else { throw Failure(reason: "\\ at end of pattern", offset: backslash) }
        let c = scalar(at: position)
        switch c {
        case "b":
            position += 1
            return .unit(0x08)
        case "k" where namedMode:
            throw Failure(reason: "Invalid escape", offset: backslash)
        default:
            if let escape = Self.classEscape(c) {
                position += 1
                return .set(escape.negated ? escape.set.inverted : escape.set)
            }
            return .unit(characterEscape(inClass: true))
        }
    }
}

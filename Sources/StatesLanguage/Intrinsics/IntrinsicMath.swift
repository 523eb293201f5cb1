/// States.MathAdd and States.MathRandom.
enum IntrinsicMath {
    /// AWS rounds each operand half up (Java's Math.round: -1.5 → -1, 1.5 → 2) before adding.
    static func add(_ args: IntrinsicArguments) throws(ExecutionError) -> JSON {
        try args.expectCount(2)
        let a = roundHalfUp(try args.number(0)), b = roundHalfUp(try args.number(1))
        return .number(.int(a &+ b))
    }

    static func roundHalfUp(_ n: JSONNumber) -> Int64 {
        switch n {
        case .int(let i): return i
        case .double(let d):
            let r = (d + 0.5).rounded(.down)
            guard r.isFinite, abs(r) < 9.2e18 else { return d < 0 ? .min : .max }
            return Int64(r)
        }
    }

    /// A random integer from start (inclusive) to end (exclusive). With a seed the number depends on
    /// the seed alone, as in AWS; without one it comes from the execution's seeded source.
    static func random(_ args: IntrinsicArguments, _ random: inout SeededRandom) throws(ExecutionError) -> JSON {
        try args.expectCount(2...3)
        let start = roundHalfUp(try args.number(0)), end = roundHalfUp(try args.number(1))
        guard start < end else {
            throw args.failure("Invalid arguments in States.MathRandom: the start value must be less than the end value")
        }
        if args.count == 3 {
            var seeded = SeededRandom(seed: UInt64(bitPattern: roundHalfUp(try args.number(2))))
            return .number(.int(seeded.next(in: start...(end - 1))))
        }
        return .number(.int(random.next(in: start...(end - 1))))
    }
}

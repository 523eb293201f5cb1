/// States.MathAdd and States.MathRandom.
enum IntrinsicMath {
    /// AWS rounds each operand half up (Java's Math.round: -1.5 → -1, 1.5 → 2) before adding, and
    /// takes operands of 32 bits only, so the sum never overflows.
    static func add(_ args: IntrinsicArguments) throws(ExecutionError) -> JSON {
        try args.expectCount(2)
        return .number(.int(try addend(args, 0) + addend(args, 1)))
    }

    private static func addend(_ args: IntrinsicArguments, _ i: Int) throws(ExecutionError) -> Int64 {
        let n = try args.number(i)
        let v = roundHalfUp(n)
        guard v >= Int64(Int32.min) && v <= Int64(Int32.max) else {
            throw args.failure("Invalid arguments in States.MathAdd: argument \(i + 1) must be an integer from -2147483648 to 2147483647 but was \(JSONPrinter.format(n))")
        }
        return v
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

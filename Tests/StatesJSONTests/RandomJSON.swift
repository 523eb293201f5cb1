import StatesJSON

/// SplitMix64: a tiny seeded generator, so a failing property test can be replayed exactly.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random JSON values that reach the awkward corners: escapes, control characters, astral
/// characters, extreme integers, negative zero, tiny and huge doubles, empty containers.
struct RandomJSON {
    var rng: SeededGenerator

    init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    mutating func value(depth: Int = 4) -> JSON {
        let kinds = depth > 0 ? 7 : 5
        switch Int.random(in: 0..<kinds, using: &rng) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &rng))
        case 2: return .number(number())
        case 3, 4: return .string(string())
        case 5: return .array((0..<Int.random(in: 0...5, using: &rng)).map { _ in value(depth: depth - 1) })
        default:
            var o = JSONObject()
            for _ in 0..<Int.random(in: 0...5, using: &rng) { o[string()] = value(depth: depth - 1) }
            return .object(o)
        }
    }

    mutating func number() -> JSONNumber {
        switch Int.random(in: 0..<7, using: &rng) {
        case 0: return .int(Int64.random(in: -100...100, using: &rng))
        case 1: return .int(Int64(bitPattern: rng.next()))
        case 2: return .int([Int64.max, Int64.min, 0, -1][Int.random(in: 0..<4, using: &rng)])
        case 3: return .double(Double(Int.random(in: -10_000...10_000, using: &rng)) / 100)
        case 4: return .double([-0.0, 1e20, 1e-7, 1.0, 0.1, 1e300, .leastNonzeroMagnitude, 1e7, 0.001][Int.random(in: 0..<9, using: &rng)])
        default:
            // Any finite bit pattern: exercises the slow, correctly rounded path.
            while true {
                let d = Double(bitPattern: rng.next())
                if d.isFinite { return .double(d) }
            }
        }
    }

    mutating func string() -> String {
        let pool: [String] = ["a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1F}", "\u{7F}", "é", "€", "😀", "~", "$.x"]
        var s = ""
        for _ in 0..<Int.random(in: 0...8, using: &rng) { s += pool[Int.random(in: 0..<pool.count, using: &rng)] }
        return s
    }

    /// A copy of `v` with a few random edits deep inside, so diffs are nested and small.
    mutating func mutate(_ v: JSON, depth: Int = 4) -> JSON {
        switch v {
        case .array(var a) where !a.isEmpty && depth > 0:
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: a.append(value(depth: 1))
            case 1: a.removeLast()
            default:
                let i = Int.random(in: 0..<a.count, using: &rng)
                a[i] = mutate(a[i], depth: depth - 1)
            }
            return .array(a)
        case .object(var o) where !o.isEmpty && depth > 0:
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: o[string()] = value(depth: 1)
            case 1: o.removeValue(forKey: o.keys[Int.random(in: 0..<o.count, using: &rng)])
            default:
                let k = o.keys[Int.random(in: 0..<o.count, using: &rng)]
                o[k] = mutate(o[k]!, depth: depth - 1)
            }
            return .object(o)
        default:
            return Bool.random(using: &rng) ? v : value(depth: 2)
        }
    }
}

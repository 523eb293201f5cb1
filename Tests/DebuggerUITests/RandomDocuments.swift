import DebuggerUI

/// Xorshift64: a small seeded generator, so a failing document can be rebuilt from its seed.
struct Xorshift: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = (seed &+ 1) &* 0x2545_F491_4F6C_DD1D }

    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}

/// Random documents shaped like state data, reaching what a tree view must get right: escapes,
/// terminal control characters, wide text, keys that need escaping in a pointer, empty
/// containers and deep nesting.
struct RandomDocuments {
    var rng: Xorshift

    init(seed: UInt64) { rng = Xorshift(seed: seed) }

    mutating func value(depth: Int = 4) -> JSON {
        switch Int.random(in: 0..<(depth > 0 ? 8 : 5), using: &rng) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &rng))
        case 2: return number()
        case 3, 4: return .string(text())
        case 5: return .array((0..<Int.random(in: 0...4, using: &rng)).map { _ in value(depth: depth - 1) })
        default:
            var members = JSONObject()
            for _ in 0..<Int.random(in: 0...5, using: &rng) { members[text()] = value(depth: depth - 1) }
            return .object(members)
        }
    }

    mutating func number() -> JSON {
        let doubles = [42.5, 0.1, -0.0, 1e20, 1e-7, 3.0, -1234.5678]
        if Bool.random(using: &rng) { return .int(Int.random(in: -100_000...100_000, using: &rng)) }
        return .number(.double(doubles[Int.random(in: 0..<doubles.count, using: &rng)]))
    }

    mutating func text() -> String {
        let pieces = ["a", "id", " ", "\"", "\\", "/", "~", "\n", "\t", "\u{1B}[2J", "\u{7F}", "\u{85}", "\u{2028}",
                      "出荷", "é", "😀", "▾", "$.x"]
        var text = ""
        for _ in 0..<Int.random(in: 0...5, using: &rng) { text += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
        return text
    }

    /// A copy of `value` with a few edits somewhere inside: members added, removed or replaced.
    mutating func mutated(_ value: JSON, depth: Int = 4) -> JSON {
        switch value {
        case .array(var elements) where !elements.isEmpty && depth > 0:
            let i = Int.random(in: 0..<elements.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: elements.append(self.value(depth: 1))
            case 1: elements.removeLast()
            default: elements[i] = mutated(elements[i], depth: depth - 1)
            }
            return .array(elements)
        case .object(var members) where !members.isEmpty && depth > 0:
            let key = members.keys[Int.random(in: 0..<members.count, using: &rng)]
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: members[text() + "+"] = self.value(depth: 1)
            case 1: members.removeValue(forKey: key)
            default: members[key] = mutated(members[key]!, depth: depth - 1)
            }
            return .object(members)
        default:
            return Bool.random(using: &rng) ? value : self.value(depth: 2)
        }
    }
}

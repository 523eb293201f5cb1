import Testing
import StatesJSON

@Suite struct JSONPropertyTests {
    @Test(arguments: [1, 2, 3, 42] as [UInt64])
    func printedTextParsesBackToTheSameValue(seed: UInt64) throws {
        var random = RandomJSON(seed: seed)
        for _ in 0..<300 {
            let v = random.value()
            let compact = JSONPrinter.compact(v)
            #expect(try JSON.parse(compact) == v, "seed \(seed): \(compact)")
            #expect(try JSON.parse(JSONPrinter.pretty(v)) == v, "seed \(seed): \(compact)")
            // The text is stable too: -0.0 stays -0.0 and 1.0 stays 1.0 even though they compare equal to 0 and 1.
            #expect(JSONPrinter.compact(try JSON.parse(compact)) == compact)
            #expect(JSONPrinter.compactByteCount(v) == compact.utf8.count, "seed \(seed): \(compact)")
        }
    }

    @Test(arguments: [7, 8, 9, 1234] as [UInt64])
    func applyingADiffTurnsOldIntoNew(seed: UInt64) throws {
        var random = RandomJSON(seed: seed)
        for round in 0..<300 {
            let a = random.value()
            // Half unrelated pairs, half near-identical ones (the debugger's usual case).
            let b = round.isMultiple(of: 2) ? random.value() : random.mutate(a)
            let diff = JSONDiff(from: a, to: b)
            #expect(try diff.apply(to: a) == b, "seed \(seed): \(a) -> \(b)")
            #expect(diff.isEmpty == (a == b))
        }
    }
}

@Suite struct JSONMalformedPropertyTests {
    /// Corrupted documents never crash the parser and every error points inside the text.
    @Test(arguments: [11, 12] as [UInt64])
    func corruptedDocumentsFailCleanly(seed: UInt64) {
        var random = RandomJSON(seed: seed)
        let noise: [UInt8] = Array(#"{}[]",:\"0-.eE"#.utf8) + [0x00, 0x0A, 0x80, 0xC3, 0xED, 0xFF]
        for _ in 0..<200 {
            var bytes = Array(JSONPrinter.compact(random.value()).utf8)
            for _ in 0...Int.random(in: 0...2, using: &random.rng) {
                let at = Int.random(in: 0...bytes.count, using: &random.rng)
                let byte = noise[Int.random(in: 0..<noise.count, using: &random.rng)]
                switch Int.random(in: 0..<3, using: &random.rng) {
                case 0: bytes.insert(byte, at: at)
                case 1 where at < bytes.count: bytes[at] = byte
                default: if at < bytes.count { bytes.remove(at: at) }
                }
            }
            do {
                _ = try JSONParser().parse(bytes)
            } catch {
                let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
                #expect(error.location.line >= 1 && error.location.line <= lines.count, "\(error)")
                #expect(error.location.column >= 1 && error.location.column <= lines[error.location.line - 1].count + 1, "\(error)")
            }
        }
    }

    @Test func everyProperPrefixIsAnError() throws {
        let text = Array(#"{"a":[1,-2.5e3,"x\u00e9\n",{"b":null}],"c":true}"#.utf8)
        for n in 0..<text.count {
            #expect(throws: JSONParseError.self, "\(String(decoding: text[..<n], as: UTF8.self))") {
                try JSONParser().parse(text[..<n])
            }
        }
        #expect(try JSONParser().parse(text)["c"] == true)
    }
}

/// `following(_:)` walks objects unowned and falls back to the general walk at arrays: whatever
/// the route, it must find exactly what a plain walk finds, and nil where a plain walk fails.
@Suite struct JSONFollowingPropertyTests {
    static func plainWalk(_ value: JSON, _ steps: ArraySlice<JSONStep>) -> JSON? {
        guard let step = steps.first else { return value }
        switch (step, value) {
        case (.member(let key), .object(let object)): return object[key].flatMap { plainWalk($0, steps.dropFirst()) }
        case (.index(let index), .array(let array)):
            let at = index < 0 ? array.count + index : index
            return array.indices.contains(at) ? plainWalk(array[at], steps.dropFirst()) : nil
        default: return nil
        }
    }

    /// Steps into `value`, mostly along members and elements that exist, sometimes astray.
    static func route(into value: JSON, _ random: inout RandomJSON) -> [JSONStep] {
        var steps: [JSONStep] = []
        var node = value
        for _ in 0..<Int.random(in: 0...5, using: &random.rng) {
            let astray = Int.random(in: 0..<6, using: &random.rng) == 0
            switch node {
            case .object(let object) where !object.isEmpty && !astray:
                let key = object.keys[Int.random(in: 0..<object.count, using: &random.rng)]
                steps.append(.member(key))
                node = object[key]!
            case .array(let array) where !array.isEmpty && !astray:
                let i = Int.random(in: 0..<array.count, using: &random.rng)
                steps.append(.index(Bool.random(using: &random.rng) ? i : i - array.count))
                node = array[i]
            default:
                steps.append(Bool.random(using: &random.rng) ? .member(random.string()) : .index(Int.random(in: -3...3, using: &random.rng)))
                node = .null
            }
        }
        return steps
    }

    @Test(arguments: [21, 22, 23] as [UInt64])
    func followingFindsWhatAPlainWalkFinds(seed: UInt64) {
        var random = RandomJSON(seed: seed)
        for _ in 0..<400 {
            let value = random.value(depth: 5)
            let steps = Self.route(into: value, &random)
            let expected = Self.plainWalk(value, steps[...])
            #expect(value.following(steps) == expected, "seed \(seed): \(steps) in \(JSONPrinter.compact(value))")
            #expect(steps.withUnsafeBufferPointer { value.following($0) } == expected)
        }
    }
}

import Testing
@testable import StatesLanguage

/// The loader must never crash: valid definitions with one part swapped for a value of
/// another type, or removed, still load into diagnostics that all have a place.
@Suite struct LoaderMutationTests {
    static let replacements: [JSON] = [.null, true, 0, -1, 1.5, "", "$.x", "{% 1 %}", [], [1], [:], ["Type": "Pass"]]

    /// Every pointer into `value`, with the value found there.
    static func nodes(_ value: JSON, at p: String = "") -> [(String, JSON)] {
        var result = [(p, value)]
        switch value {
        case .object(let members): for (k, v) in members { result += nodes(v, at: p + "/" + JSONPointer.escape(k)) }
        case .array(let elements): for (i, v) in elements.enumerated() { result += nodes(v, at: p + "/" + String(i)) }
        default: break
        }
        return result
    }

    /// `value` with the node at `tokens` replaced (or removed, when `replacement` is nil).
    static func replacing(_ tokens: ArraySlice<String>, in value: JSON, with replacement: JSON?) -> JSON? {
        guard let first = tokens.first else { return replacement }
        switch value {
        case .object(var members):
            let child = members[first] ?? .null
            members[first] = replacing(tokens.dropFirst(), in: child, with: replacement)
            return .object(members)
        case .array(var elements):
            guard let i = Int(first), elements.indices.contains(i) else { return value }
            if let new = replacing(tokens.dropFirst(), in: elements[i], with: replacement) { elements[i] = new } else { elements.remove(at: i) }
            return .array(elements)
        default:
            return value
        }
    }

    @Test(arguments: ["valid/order-processing.json", "valid/jsonata.json", "valid/distributed-map.json", "valid/legacy-iterator.json"])
    func mutatedDefinitionsNeverCrashTheLoader(fixture: String) throws {
        let original = try JSON.parse(try #require(TestFiles.read(TestFiles.fixtures + "/" + fixture)))
        var random = SeededRandom(seed: 42)
        for (pointer, _) in Self.nodes(original) where !pointer.isEmpty {
            let tokens = ASLPath.tokens(of: pointer)[...]
            var variants: [JSON?] = [Self.replacing(tokens, in: original, with: nil)]
            let pick = Self.replacements[Int(random.next(in: 0...Int64(Self.replacements.count - 1)))]
            variants.append(Self.replacing(tokens, in: original, with: pick))
            for case let variant? in variants {
                let text = JSONPrinter.pretty(variant)
                let loaded = DefinitionLoader.load(text: text)
                #expect(loaded.diagnostics.allSatisfy { $0.location != nil }, "\(pointer): unlocated diagnostic")
            }
        }
    }
}

import Foundation
import StateGraph
import StatesLanguage
import Testing

/// Every real-world definition that parses as JSON: the layout must hold its properties.
@Suite struct CorpusLayoutTests {
    static let corpus: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/realworld").standardized

    /// Definitions in the corpus that parse as JSON and have `States`, by path.
    static func definitions() -> [(path: String, machine: StateMachine)] {
        guard let walker = FileManager.default.enumerator(atPath: corpus.path) else { return [] }
        var found: [(String, StateMachine)] = []
        for case let relative as String in walker where !relative.hasSuffix("index.json") {
            let url = corpus.appendingPathComponent(relative)
            guard let data = FileManager.default.contents(atPath: url.path),
                  let text = String(data: data, encoding: .utf8),
                  let machine = DefinitionReader.machine(fromText: text) else { continue }
            found.append((relative, machine))
        }
        return found.sorted { $0.0 < $1.0 }
    }

    static func stateCount(_ m: StateMachine) -> Int {
        m.states.values.reduce(0) { total, s in
            switch s.kind {
            case .parallel(let p): return total + 1 + p.branches.map(stateCount).reduce(0, +)
            case .map(let map): return total + 1 + stateCount(map.processor)
            default: return total + 1
            }
        }
    }

    @Test func everyDefinitionLaysOutCleanly() throws {
        let definitions = Self.definitions()
        try #require(!definitions.isEmpty || !FileManager.default.fileExists(atPath: Self.corpus.path),
                     "corpus folder exists but nothing in it parsed")
        var states = 0
        let clock = ContinuousClock()
        var slowest: (String, Duration) = ("", .zero)
        for (path, machine) in definitions {
            var canvas: GraphCanvas?
            let took = clock.measure { canvas = GraphLayout.layout(machine) }
            if took > slowest.1 { slowest = (path, took) }
            checkProperties(canvas!, expectedStates: Self.stateCount(machine), path)
            states += canvas!.states.count
        }
        print("corpus: \(definitions.count) definitions, \(states) states laid out; slowest \(slowest.1) for \(slowest.0)")
    }

    @Test func layoutIsDeterministic() {
        for (path, machine) in Self.definitions().prefix(60) {
            let a = GraphLayout.layout(machine), b = GraphLayout.layout(machine)
            #expect(a.render() == b.render(), "\(path)")
            #expect(a.states == b.states && a.edges == b.edges, "\(path)")
        }
    }

    @Test func largestDefinitionIsFast() throws {
        guard let (path, machine) = Self.definitions().max(by: { Self.stateCount($0.1) < Self.stateCount($1.1) }) else { return }
        let clock = ContinuousClock()
        var canvas: GraphCanvas?
        let took = clock.measure { canvas = GraphLayout.layout(machine) }
        let c = try #require(canvas)
        print("largest: \(Self.stateCount(machine)) states, \(c.edges.count) edges, canvas \(c.width)×\(c.height), \(took) (\(path))")
        #expect(took < .seconds(1))
    }
}

/// Writes a definition's layout to a file, for looking at: `GRAPH_DUMP=path swift test …`.
@Test func dumpLayoutForInspection() throws {
    guard let target = ProcessInfo.processInfo.environment["GRAPH_DUMP"] else { return }
    let out = ProcessInfo.processInfo.environment["GRAPH_DUMP_OUT"] ?? "/tmp/graph-dump.txt"
    let matches = CorpusLayoutTests.definitions().filter { $0.path.contains(target) }
    var text = ""
    for (path, machine) in matches {
        let canvas = GraphLayout.layout(machine)
        text += "== \(path) \(canvas.width)×\(canvas.height)\n" + canvas.render().joined(separator: "\n") + "\n"
    }
    try text.write(toFile: out, atomically: true, encoding: .utf8)
}

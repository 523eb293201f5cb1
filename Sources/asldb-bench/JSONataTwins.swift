import Foundation
import StatesEngine
import StatesLanguage

/// `asldb-bench engine --jsonata-twins`: the chain and intrinsics workloads beside their JSONata
/// twins (`bench/jsonata-twins/`, the same loop written with `{% %}` fields that give the same
/// output), run the same way in this process, with the cost per state of each and their ratio.
/// The target: a JSONata state costs at most 1.5× its JSONPath twin.
enum JSONataTwins {
    static let target = 1.5

    static func main(directory: String, twinDirectory: String, repetitions: Int) -> Int32 {
        print(EngineBenchmark.pad("workload", 14) + EngineBenchmark.pad("size", 8) + EngineBenchmark.pad("JSONPath µs/state", 19)
            + EngineBenchmark.pad("JSONata µs/state", 18) + EngineBenchmark.pad("ratio", 9) + "output")
        var failures = 0
        for name in ["chain", "intrinsics"] {
            guard let original = load(directory + "/\(name).asl.json"), let twin = load(twinDirectory + "/\(name).asl.json") else {
                print("\(name): cannot load the workload or its twin (\(twinDirectory))")
                failures += 1
                continue
            }
            for size in sizes(name, directory: directory) {
                guard let (input, expected) = EngineBenchmark.data(name, size: String(size), directory: directory) else { continue }
                let path = median(original, input, expected, repetitions)
                let jsonata = median(twin, input, expected, repetitions)
                let ok = path.matches && jsonata.matches
                let ratio = jsonata.perState / max(path.perState, 1e-12)
                if !ok || ratio > target { failures += 1 }
                print(EngineBenchmark.pad(name, 14) + EngineBenchmark.pad(String(size), 8)
                    + EngineBenchmark.pad(String(format: "%.2f", path.perState * 1e6), 19)
                    + EngineBenchmark.pad(String(format: "%.2f", jsonata.perState * 1e6), 18)
                    + EngineBenchmark.pad(String(format: "%.2fx", ratio) + (ratio <= target ? " ✓" : ""), 9)
                    + (ok ? "ok" : "WRONG"))
            }
        }
        print("median of \(repetitions) runs each (-r N), as asldb run runs (no stages); ✓ = the JSONata twin within \(target)x of its JSONPath original")
        return failures == 0 ? 0 : 1
    }

    struct Figure {
        var perState: Double
        var matches: Bool
    }

    static func median(_ definition: StateMachine, _ input: JSON, _ expected: JSON, _ repetitions: Int) -> Figure {
        let runs = (0..<repetitions).map { _ in EngineBenchmark.measure(definition, input, keepMoments: false, expected: expected) }
        let middle = runs.sorted { $0.seconds < $1.seconds }[runs.count / 2]
        return Figure(perState: middle.seconds / Double(max(middle.transitions, 1)), matches: runs.allSatisfy(\.matches))
    }

    static func load(_ path: String) -> StateMachine? {
        guard let loaded = try? DefinitionLoader.load(file: path, validate: true), loaded.isValid else { return nil }
        return loaded.machine
    }

    static func sizes(_ name: String, directory: String) -> [Int] {
        guard let manifest = EngineBenchmark.read(directory + "/manifest.json") else { return [] }
        return manifest[name]?["sizes"]?.arrayValue?.compactMap { $0["size"]?.intValue }.map { Int($0) } ?? []
    }

    static func defaultTwinDirectory() -> String {
        ["bench/jsonata-twins", "../bench/jsonata-twins"].first { FileManager.default.fileExists(atPath: $0 + "/chain.asl.json") }
            ?? "bench/jsonata-twins"
    }
}

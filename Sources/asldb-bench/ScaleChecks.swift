import Foundation
import StatesEngine

/// The checks of the performance issue that the manifest's sizes do not reach: a 100 000-transition
/// run costs the same per transition as a 1 000-transition one, a Map over 10 000 items completes,
/// and a 200 KiB state goes through ~1 000 transitions without a whole-document copy per step.
/// Inputs and expected outputs are generated the way the shared workloads are.
enum ScaleChecks {
    static let names = ["linearity", "map10k", "bigstate"]

    /// Runs every check, each in a process of its own so that its memory figures are its own,
    /// and prints one line each; false when one fails.
    static func run(directory: String) -> Bool {
        print("\nscale checks (each in its own process)")
        var ok = true
        for name in names {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            process.arguments = ["engine", "--workloads", directory, "--check", name]
            fflush(nil)  // the child writes to the same stdout
            do {
                try process.run()
                process.waitUntilExit()
                ok = ok && process.terminationStatus == 0
            } catch {
                print("  \(name): cannot start \(CommandLine.arguments[0]): \(error)")
                ok = false
            }
        }
        return ok
    }

    /// One check by name, in this process.
    static func run(_ name: String, directory: String) -> Bool {
        switch name {
        case "linearity": return linearity(directory)
        case "map10k": return bigMap(directory)
        case "bigstate": return bigState(directory)
        default:
            print("unknown check \(name); the checks are \(names.joined(separator: ", "))")
            return false
        }
    }

    /// Chain at 1 002 and at 100 002 transitions: the cost per transition must not grow with the
    /// history (every event is kept, as `asldb run` and the debugger keep it).
    static func linearity(_ directory: String) -> Bool {
        guard let definition = load(directory, "chain") else { return false }
        func chain(_ n: Int) -> (input: JSON, expected: JSON) {
            (["n": .int(n), "name": "bench"],
             ["iterations": .int(n), "sum": .int(n * (n - 1) / 2), "last": .string("bench step \(n - 1) of \(n)")])
        }
        // The short run is over in about a millisecond: take the best of several.
        let small = chain(333)
        var best = Double.infinity
        var smallOK = true
        for _ in 0..<20 {
            let m = EngineBenchmark.measure(definition, small.input, keepMoments: false)
            smallOK = smallOK && m.output == small.expected
            best = min(best, m.seconds / Double(m.transitions))
        }
        // The long run too: the first one also pays for the memory the process has not touched
        // yet, which is not what this check is about.
        let large = chain(33_333)
        var m = EngineBenchmark.measure(definition, large.input, keepMoments: false)
        for _ in 0..<2 {
            let again = EngineBenchmark.measure(definition, large.input, keepMoments: false)
            if again.seconds < m.seconds || again.output != large.expected { m = again }
        }
        let perLarge = m.seconds / Double(m.transitions)
        let growth = perLarge / best
        // Generous: a history-length term would show as a growth of 10x and more at 100x the length.
        let linear = growth < 2
        let ok = smallOK && m.output == large.expected && linear
        print("  chain 1k vs 100k transitions: \(format(best * 1e6)) µs vs \(format(perLarge * 1e6)) µs per transition"
            + " (\(m.transitions) transitions, x\(String(format: "%.2f", growth)), \(Int(Double(m.transitions) / m.seconds)) transitions/s) "
            + (ok ? "ok" : (linear ? "WRONG output" : "NOT LINEAR")))
        return ok
    }

    /// An inline Map over 10 000 items (the reference fails at about 1 000 with MaxConcurrency 1).
    /// Its input (~350 KiB) and output (~450 KiB) are over AWS's 256 KiB payload limit, which
    /// this run lifts: AWS itself could only run it with smaller items.
    static func bigMap(_ directory: String) -> Bool {
        guard let definition = load(directory, "map") else { return false }
        let k = 10_000
        var items: [JSON] = []
        var results: [JSON] = []
        for i in 0..<k {
            items.append(["id": .int(i), "v": .int(2 * i), "name": .string("n-\(i)")])
            results.append(["id": .int(i), "label": .string("item-\(i)-x\(3 * i)"), "y": .int(3 * i + 3)])
        }
        let input: JSON = ["factor": 3, "items": .array(items)]
        let expected: JSON = ["count": .int(k), "results": .array(results)]
        let m = EngineBenchmark.measure(definition, input, keepMoments: false, stages: true, payloadLimit: nil)
        let ok = m.output == expected
        print("  map over \(k) items (payload limit lifted): \(m.transitions) transitions in \(String(format: "%.3f", m.seconds)) s,"
            + " \(Int(Double(m.transitions) / m.seconds)) transitions/s, peak \(Int(EngineBenchmark.peakMemoryMiB())) MiB "
            + (ok ? "ok" : "WRONG (\(m.status))"))
        return ok
    }

    /// The 203 KiB bigdata state through 1 002 transitions. Every event of the history is kept, and
    /// each holds that step's data: a step that copied the whole document would add ~200 KiB per
    /// transition to the process's peak memory, a step that shares it only the few small objects
    /// it changed.
    static func bigState(_ directory: String) -> Bool {
        guard let definition = load(directory, "bigdata"),
              let base = EngineBenchmark.read(directory + "/bigdata.80.input.json"),
              case .object(var input) = base, case .object(var control)? = input["ctl"],
              let first = base["payload"]?["items"]?[0], let count = base["payload"]?["items"]?.arrayValue?.count
        else {
            print("  bigdata: cannot read bigdata.80.input.json")
            return false
        }
        let n = 250
        control["n"] = .int(n)
        input["ctl"] = .object(control)
        let expected: JSON = ["iterations": .int(n), "count": .int(count),
                              "stamp": ["iter": .int(n), "prev": .int(n - 1), "of": .int(n)], "first": first]
        let document = JSONPrinter.compactByteCount(.object(input))
        let before = residentBytes()
        var options = ExecutionOptions()
        options.historyLimit = nil
        var execution = Execution(definition: definition, input: .object(input), options: options)
        let clock = ContinuousClock()
        var transitions = 0
        let elapsed = clock.measure {
            while let event = try? execution.step() {
                if event.type.isStateEntered { transitions += 1 }
            }
        }
        let retained = max(0, Int(EngineBenchmark.peakMemoryMiB() * 1024 * 1024) - before)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let perTransition = Double(retained) / Double(max(transitions, 1))
        // A whole-document copy per step would retain the document's size per transition.
        let shared = perTransition < Double(document) / 20
        let ok = execution.output == expected && shared
        print("  \(document / 1024) KiB state through \(transitions) transitions: \(String(format: "%.3f", seconds)) s,"
            + " peak memory grew by \(retained / 1024) KiB = \(format(perTransition / 1024)) KiB per transition"
            + " (a copy per step would be \(document / 1024) KiB) " + (ok ? "ok" : (shared ? "WRONG (\(execution.status))" : "COPIES")))
        withExtendedLifetime(execution) {}
        return ok
    }

    /// Resident bytes now (`/proc/self/statm`; 0 where there is none). Coarse, but a copy of a
    /// 200 KiB document per step would show as hundreds of MiB.
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    static func load(_ directory: String, _ name: String) -> StateMachine? {
        guard let machine = try? DefinitionLoader.load(file: "\(directory)/\(name).asl.json", validate: false).machine else {
            print("  \(name): cannot load \(name).asl.json")
            return nil
        }
        return machine
    }

    static func format(_ value: Double) -> String { String(format: value < 10 ? "%.2f" : "%.1f", value) }
}

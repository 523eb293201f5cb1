import Foundation
import CAllocatorTuning
import StatesEngine

/// Runs the shared engine workloads (`bench/workloads/manifest.json`) to completion and reports
/// transitions per second, wall time, peak memory and the speed-up over the reference interpreter
/// (`bench/REFERENCE.md`); a run whose output differs from the expected file is reported as WRONG
/// and does not count. Then the scale checks (`ScaleChecks`), unless a workload is picked.
enum EngineBenchmark {
    static func main(_ arguments: [String]) {
        let directory = arguments.value(after: "--workloads") ?? defaultDirectory()
        let only = arguments.value(after: "-w")
        let sizeFilter = arguments.value(after: "-s").map { Int($0) ?? 0 }
        // Like the debugger: keep every earlier moment of the execution alive while stepping.
        let keepMoments = arguments.contains("--keep-moments")
        // As `asldb run` runs (no stages), unless asked to record them as the debugger does.
        let stages = keepMoments || arguments.contains("--stages")
        let cold = arguments.contains("--cold")
        // Like the reference's figures: the median of several runs.
        let repetitions = max(1, arguments.value(after: "-r").flatMap { Int($0) } ?? 3)
        guard let directory, let manifestData = FileManager.default.contents(atPath: directory + "/manifest.json"),
              let manifest = try? JSONParser().parse([UInt8](manifestData)), case .object(let workloads) = manifest
        else {
            print("asldb-bench engine: no workloads found; pass --workloads DIR (the directory with manifest.json)")
            exit(1)
        }
        if arguments.contains("--jsonata-twins") {
            exit(JSONataTwins.main(directory: directory, twinDirectory: arguments.value(after: "--twins") ?? JSONataTwins.defaultTwinDirectory(),
                                   repetitions: repetitions))
        }
        if let check = arguments.value(after: "--check") {
            exit(ScaleChecks.run(check, directory: directory) ? 0 : 1)
        }
        if let i = arguments.firstIndex(of: "--run-once"), i + 2 < arguments.count {
            exit(runOnce(arguments[i + 1], size: arguments[i + 2], workloads: workloads, directory: directory,
                         keepMoments: keepMoments, stages: stages))
        }
        // Each run in a process of its own, as the reference's moto_bench.py runs each of its.
        let fresh = arguments.contains("--fresh")
        let reference = ReferenceFigures(path: referencePath(arguments, directory: directory))
        let live = arguments.firstIndex(of: "--live-reference").map { i in
            LiveReference(script: liveScriptPath(arguments, directory: directory),
                          runs: arguments.indices.contains(i + 1) ? Int(arguments[i + 1]) ?? 1 : 1)
        }
        if let live, let problem = live.problem {
            print("asldb-bench engine --live-reference: \(problem)")
            exit(1)
        }
        // The reference times its runs long after its process started (its imports take a second
        // or more); the first few tens of milliseconds of a process here sometimes run at half
        // speed, whatever runs in them.
        let warmup = fresh ? 0 : arguments.seconds(after: "--warmup", otherwise: 0.2)
        let warmedUp = warmUp(seconds: warmup, workloads: workloads, only: only, directory: directory)
        let minimumTime = arguments.seconds(after: "--min-time", otherwise: 0.1)
        var maximumRunsSeen = 0
        print(pad("workload", 14) + pad("size", 8) + pad("transitions", 13) + pad("transitions/s", 15)
            + pad("wall s", 10) + pad("peak MiB", 10) + pad("vs reference", 14)
            + (live != nil ? pad("moto now", 10) + pad("vs moto now", 13) : "") + "output")
        var wrong = 0
        var rows = 0, meeting = 0, liveRows = 0, liveMeeting = 0
        for (name, spec) in workloads where only == nil || only == name {
            guard let definition = definition(spec, directory: directory) else {
                print("\(name): cannot load its definition")
                wrong += 1
                continue
            }
            for size in spec["sizes"]?.arrayValue ?? [] {
                guard let n = size["size"]?.intValue, sizeFilter == nil || sizeFilter == Int(n) else { continue }
                guard let (input, expected) = data(name, size: String(n), directory: directory) else {
                    print("\(name) \(n): missing input or expected file")
                    wrong += 1
                    continue
                }
                var runs: [Measurement] = []
                let started = ContinuousClock.now
                // In this process, short rows go on until they have spanned `minimumTime`: a
                // moment of interference on the machine then moves a run or two, not the median.
                while runs.count < repetitions
                        || (!fresh && runs.count < 1000 && ContinuousClock.now - started < .milliseconds(Int(minimumTime * 1000))) {
                    runs.append(fresh ? measureInChild(name, size: Int(n), directory: directory, keepMoments: keepMoments, stages: stages)
                        : measure(definition, input, keepMoments: keepMoments, stages: stages, cold: cold, expected: expected))
                }
                if runs.count > maximumRunsSeen { maximumRunsSeen = runs.count }
                let result = runs.sorted { $0.seconds < $1.seconds }[runs.count / 2]
                let ok = runs.allSatisfy { $0.matches }
                if !ok { wrong += 1 }
                let rate = Double(result.transitions) / max(result.seconds, 1e-9)
                if let meets = reference.meetsTarget(name, size: Int(n), rate: rate) {
                    rows += 1
                    if meets && ok { meeting += 1 }
                }
                var liveColumns = ""
                if let live {
                    let moto = live.rate(name, size: Int(n))
                    liveColumns = pad(moto.map { String(format: "%.0f", $0) } ?? "failed", 10)
                        + pad(moto.map { ReferenceFigures.ratio(rate, over: $0) } ?? "-", 13)
                    if let moto {
                        liveRows += 1
                        if ok && rate / moto >= ReferenceFigures.target { liveMeeting += 1 }
                    }
                }
                print(pad(name, 14) + pad(String(n), 8) + pad(String(result.transitions), 13)
                    + pad(String(Int(rate)), 15) + pad(String(format: "%.3f", result.seconds), 10)
                    + pad(String(format: "%.1f", fresh ? result.peakMiB : peakMemoryMiB()), 10)
                    + pad(reference.ratio(name, size: Int(n), rate: rate), 14) + liveColumns
                    + (ok ? "ok" : "WRONG (\(result.status))"))
            }
        }
        if fresh {
            print("median of \(repetitions) runs (-r N), each in a process of its own (--fresh); peak MiB is the median run's")
        } else {
            print("median of at least \(repetitions) runs (-r N) in this process, as many as fit in \(minimumTime) s (--min-time S; up to \(maximumRunsSeen) here)"
                + (cold ? ", each after freed memory was given back to the system (--cold)" : "")
                + "; peak MiB is the process's resident high-water mark so far (it never goes down between rows)")
        }
        if let warmedUp { print("warm-up: \(warmedUp) run untimed for \(warmup) s first (--warmup SECONDS)") }
        print(keepMoments ? "stepped as the debugger steps: every visit's stages recorded, every earlier moment kept (--keep-moments)"
            : stages ? "every visit's stages recorded, as the debugger records them (--stages)"
            : "run as asldb run runs: the history without each visit's stages (--stages records them, as the debugger does)")
        if let source = reference.source {
            print("vs reference: transitions/s over the tuned moto figure of \(source); ✓ = at least "
                + "\(Int(ReferenceFigures.target))x (\(meeting) of \(rows) rows)")
        } else {
            print("vs reference: no REFERENCE.md found (pass --reference FILE)")
        }
        if let live {
            print("vs moto now: over tuned moto measured just now by \(live.script) (median of \(live.runs) run\(live.runs == 1 ? "" : "s"), each in a process of its own); "
                + "✓ = at least \(Int(ReferenceFigures.target))x (\(liveMeeting) of \(liveRows) rows)")
        }
        if only == nil && sizeFilter == nil && !ScaleChecks.run(directory: directory) { wrong += 1 }
        exit(wrong == 0 ? 0 : 1)
    }

    /// Runs the first chosen workload at its smallest size, untimed, for `seconds`; names it.
    static func warmUp(seconds: Double, workloads: JSONObject, only: String?, directory: String) -> String? {
        guard seconds > 0,
              let (name, spec) = workloads.first(where: { only == nil || only == $0.key }),
              let definition = definition(spec, directory: directory),
              let size = spec["sizes"]?.arrayValue?.compactMap({ $0["size"]?.intValue }).min(),
              let (input, _) = data(name, size: String(size), directory: directory)
        else { return nil }
        let clock = ContinuousClock()
        let end = clock.now + .milliseconds(Int(seconds * 1000))
        while clock.now < end { _ = measure(definition, input, keepMoments: false) }
        return "\(name) \(size)"
    }

    struct Measurement {
        var output: JSON?
        var status: ExecutionStatus
        var transitions: Int
        var seconds: Double
        /// Whether the output is the expected one (always, when nothing was expected).
        var matches = true
        /// The resident high-water mark of the process that made the run.
        var peakMiB = 0.0
    }

    /// `cold`: before each run the memory earlier runs freed is given back to the system
    /// instead of being reused.
    static func measure(_ definition: StateMachine, _ input: JSON, keepMoments: Bool, stages: Bool = false, cold: Bool = false,
                        payloadLimit: Int? = Execution.payloadLimit, expected: JSON? = nil) -> Measurement {
        var options = ExecutionOptions()
        options.historyLimit = nil
        options.payloadLimit = payloadLimit
        options.recordsStages = stages
        var execution = Execution(definition: definition, input: input, options: options)
        if cold { asldb_release_free_memory() }
        let clock = ContinuousClock()
        var transitions = 0
        var moments: [Execution] = []
        let elapsed = clock.measure {
            // As `run()` steps: the events go into the history, none is handed out.
            while let type = try? execution.stepType() {
                if keepMoments { moments.append(execution) }
                if type.isStateEntered { transitions += 1 }
            }
        }
        precondition(!keepMoments || moments.count == execution.history.count)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Measurement(output: execution.output, status: execution.status, transitions: transitions, seconds: seconds,
                           matches: expected.map { execution.output == $0 } ?? true, peakMiB: peakMemoryMiB())
    }

    /// `--run-once WORKLOAD SIZE`: one run in this (fresh) process, reported on one line for
    /// `measureInChild`: `run <transitions> <seconds> <ok|wrong> <peak MiB> <status>`.
    static func runOnce(_ name: String, size: String, workloads: JSONObject, directory: String, keepMoments: Bool,
                        stages: Bool) -> Int32 {
        guard let spec = workloads[name], let definition = definition(spec, directory: directory),
              let (input, expected) = data(name, size: size, directory: directory)
        else {
            print("run-once: cannot load workload \(name) at size \(size) from \(directory)")
            return 1
        }
        let m = measure(definition, input, keepMoments: keepMoments, stages: stages, expected: expected)
        print("run \(m.transitions) \(m.seconds) \(m.matches ? "ok" : "wrong") \(m.peakMiB) \(m.status.rawValue)")
        return 0
    }

    /// One run of a workload in a new process of this executable (`--run-once`).
    static func measureInChild(_ name: String, size: Int, directory: String, keepMoments: Bool, stages: Bool) -> Measurement {
        let failed = Measurement(output: nil, status: .failed, transitions: 0, seconds: .infinity, matches: false)
        guard let child = runCapturingOutput(CommandLine.arguments[0],
                                             ["engine", "--workloads", directory, "--run-once", name, String(size)]
                                                 + (keepMoments ? ["--keep-moments"] : []) + (stages ? ["--stages"] : []))
        else { return failed }
        let fields = child.output.split(whereSeparator: \.isWhitespace)
        guard child.status == 0, fields.count == 6, fields[0] == "run",
              let transitions = Int(fields[1]), let seconds = Double(fields[2]), let peak = Double(fields[4]),
              let status = ExecutionStatus(rawValue: String(fields[5]))
        else { return failed }
        return Measurement(output: nil, status: status, transitions: transitions, seconds: seconds,
                           matches: fields[3] == "ok", peakMiB: peak)
    }

    /// A workload's definition, from the file its manifest entry names.
    static func definition(_ spec: JSON, directory: String) -> StateMachine? {
        guard let asl = spec["asl"]?.stringValue else { return nil }
        return (try? DefinitionLoader.load(file: directory + "/" + asl, validate: false))?.machine
    }

    /// A workload's input and expected output at one size.
    static func data(_ name: String, size: String, directory: String) -> (input: JSON, expected: JSON)? {
        let base = "\(directory)/\(name).\(size)"
        guard let input = read(base + ".input.json"), let expected = read(base + ".expected.json") else { return nil }
        return (input, expected)
    }

    static func read(_ path: String) -> JSON? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONParser().parse([UInt8](data))
    }

    /// The resident high-water mark: Linux's VmHWM (getrusage's maximum survives exec, so a
    /// process started by this one would inherit this one's), else getrusage's.
    static func peakMemoryMiB() -> Double {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kib = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) {
            return kib / 1024
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// `--reference FILE`, else the REFERENCE.md next to the workloads directory.
    static func referencePath(_ arguments: [String], directory: String) -> String {
        if let path = arguments.value(after: "--reference") { return path }
        return URL(fileURLWithPath: directory).deletingLastPathComponent().appendingPathComponent("REFERENCE.md").path
    }

    /// `--moto-bench FILE`, else the moto_bench.py next to the workloads directory.
    static func liveScriptPath(_ arguments: [String], directory: String) -> String {
        if let path = arguments.value(after: "--moto-bench") { return path }
        return URL(fileURLWithPath: directory).deletingLastPathComponent().appendingPathComponent("moto_bench.py").path
    }

    static func defaultDirectory() -> String? {
        let candidates = ["../shared/bench/workloads", "/work/shared/bench/workloads"]
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/manifest.json") }
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }
}

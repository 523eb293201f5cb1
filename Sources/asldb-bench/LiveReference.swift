import Foundation

/// The reference interpreter measured now, beside asldb: `--live-reference [RUNS]` runs the shared
/// `moto_bench.py` (tuned moto, each run in a process of its own) on every row the benchmark
/// measures, so the ratio compares two figures taken on the same machine at the same time rather
/// than against REFERENCE.md's figures of another day.
struct LiveReference {
    let script: String
    let runs: Int

    /// Why the reference cannot run here, if it cannot: no script, or no moto to run it with.
    var problem: String? {
        guard FileManager.default.fileExists(atPath: script) else {
            return "no reference script at \(script) (pass --moto-bench FILE)"
        }
        let check = run(["-c", "import moto, boto3"])
        guard check?.status == 0 else {
            return "python3 cannot import moto and boto3, which \(script) runs; "
                + "install them with `python3 -m pip install moto==5.2.1 boto3`"
        }
        return nil
    }

    /// Tuned moto's transitions per second (its median over `runs`), nil when its run failed.
    func rate(_ workload: String, size: Int) -> Double? {
        // moto's Map recursion needs the raised limit REFERENCE.md's figures were taken with.
        guard let result = run([script, "--jsonpath-cache", "--recursion-limit", "100000",
                                "-w", workload, "-s", String(size), "-r", String(max(1, runs))]),
              result.status == 0
        else { return nil }
        // "workload size trans wall_s trans/s exec_s ...": the row of this workload and size.
        for line in result.output.split(separator: "\n") {
            let fields = line.split(whereSeparator: \.isWhitespace)
            if fields.count > 4, fields[0] == workload, fields[1] == String(size), line.hasSuffix("ok") || line.contains(" ok ") {
                return Double(fields[4])
            }
        }
        return nil
    }

    private func run(_ arguments: [String]) -> (status: Int32, output: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

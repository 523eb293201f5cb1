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
        let check = runCapturingOutput("/usr/bin/env", ["python3", "-c", "import moto, boto3"], quiet: true)
        guard check?.status == 0 else {
            return "python3 cannot import moto and boto3, which \(script) runs; "
                + "install them with `python3 -m pip install moto==5.2.1 boto3`"
        }
        return nil
    }

    /// Tuned moto's transitions per second (its median over `runs`), nil when its run failed.
    func rate(_ workload: String, size: Int) -> Double? {
        // moto's Map recursion needs the raised limit REFERENCE.md's figures were taken with.
        let arguments = ["python3", script, "--jsonpath-cache", "--recursion-limit", "100000",
                         "-w", workload, "-s", String(size), "-r", String(max(1, runs))]
        guard let result = runCapturingOutput("/usr/bin/env", arguments, quiet: true), result.status == 0 else { return nil }
        // "workload size trans wall_s trans/s exec_s tr/s_ex parse_s RSS base ok|FAIL (min..max)":
        // the row of this workload and size, when its output was right.
        for line in result.output.split(separator: "\n") {
            let fields = line.split(whereSeparator: \.isWhitespace)
            if fields.count > 10, fields[0] == workload, fields[1] == String(size), fields[10] == "ok" {
                return Double(fields[4])
            }
        }
        return nil
    }
}

/// Runs a program to its end and returns its exit status and what it wrote to standard output;
/// nil when it cannot start. `quiet` drops what it writes to standard error.
func runCapturingOutput(_ executable: String, _ arguments: [String], quiet: Bool = false) -> (status: Int32, output: String)? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    if quiet { process.standardError = FileHandle.nullDevice }
    do { try process.run() } catch { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

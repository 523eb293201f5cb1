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
///
/// Started with posix_spawn and waited for on this thread: Foundation's `Process` starts a thread
/// of its own, and a process that has ever had two threads makes glibc lock around every malloc
/// and free from then on, which slowed the rows measured after it (chain by up to 17%).
func runCapturingOutput(_ executable: String, _ arguments: [String], quiet: Bool = false) -> (status: Int32, output: String)? {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { return nil }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
    posix_spawn_file_actions_addclose(&actions, ends[0])
    posix_spawn_file_actions_addclose(&actions, ends[1])
    if quiet { posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0) }
    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for argument in argv { free(argument) } }
    var pid: pid_t = 0
    let started = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    close(ends[1])
    guard started == 0 else {
        close(ends[0])
        return nil
    }
    var output: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = read(ends[0], &buffer, buffer.count)
        if n > 0 {
            output.append(contentsOf: buffer[0..<n])
        } else if n == 0 || errno != EINTR {
            break
        }
    }
    close(ends[0])
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    // WIFEXITED / WEXITSTATUS, and 128 + the signal for a child that was killed.
    let code = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return (code, String(decoding: output, as: UTF8.self))
}

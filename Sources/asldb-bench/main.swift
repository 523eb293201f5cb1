// asldb-bench: release-build benchmarks, one family per first argument.
// Usage: asldb-bench json | engine | ui [options]; asldb-bench --help lists them.

import CAllocatorTuning
import Foundation

// As asldb itself starts: the engine's figures are the ones users get.
asldb_tune_allocator()

let arguments = Array(CommandLine.arguments.dropFirst())

extension [String] {
    /// The argument that follows `flag`; nil without `flag`. A `flag` with nothing after it ends
    /// the program with a message and exit status 2.
    func value(after flag: String) -> String? {
        guard let i = firstIndex(of: flag) else { return nil }
        guard i + 1 < count else {
            print("asldb-bench: \(flag) needs a value; asldb-bench --help lists the options")
            exit(2)
        }
        return self[i + 1]
    }

    /// The number of seconds that follows `flag`, `otherwise` without `flag`. A value that is
    /// not a number of seconds ends the program with a message and exit status 2.
    func seconds(after flag: String, otherwise: Double) -> Double {
        guard let text = value(after: flag) else { return otherwise }
        guard let seconds = Double(text), seconds >= 0 else {
            print("asldb-bench: \(flag) takes a number of seconds, not '\(text)'")
            exit(2)
        }
        return seconds
    }
}
let usage = """
    usage: asldb-bench <benchmark> [options]
      json [--quick] [PATH]   parse and print a ~200 KiB document (PATH, or the shared bench workload)
                              and a generated 1 MiB one; compares with Foundation's JSONSerialization
      json --profile parse|print  loop over only our side on the 1 MiB document, for a profiler
      engine [-w WORKLOAD] [-s SIZE] [-r RUNS] [--min-time S] [--stages | --keep-moments] [--cold | --fresh] [--warmup S]
             [--live-reference [RUNS]] [--workloads DIR] [--reference FILE] [--moto-bench FILE]
                              run the shared engine workloads, compare with the reference figures
                              of REFERENCE.md, then (without -w/-s) the scale checks: 100 000
                              transitions, a Map over 10 000 items, a 200 KiB state through 1 000;
                              each row is the median of at least RUNS runs (default 3) in this
                              process, and of as many as fit in --min-time seconds (default 0.1),
                              after --warmup seconds (default 0.2) of untimed runs of the first
                              workload;
                              the engine runs as asldb run runs it, without recording each
                              visit's stages; --stages records them, as the debugger does, and
                              --keep-moments also keeps every earlier moment, as the debugger does;
                              --cold gives the memory earlier runs freed back to the system
                              (malloc_trim) before each run, instead of reusing it;
                              --fresh makes each run in a new process, as moto_bench.py runs the
                              reference (the run then also pays for touching its memory first);
                              --live-reference also runs the reference now (bench/moto_bench.py,
                              tuned, median of RUNS runs, default 1; needs moto and boto3) and
                              reports the ratio against it beside the one against REFERENCE.md
      engine --check linearity|map10k|bigstate   one scale check
      jsonata [--min-time S]  compile and evaluation time of state-machine-sized JSONata expressions over
                              1 KiB and 10 KiB inputs, beside the same done by a JSONPath Parameters template
      ui [-n PRESSES] [--definition FILE]
                              key-press latency of the debugger (update + view + render into memory) on a
                              generated 100-state machine with ~200 KiB of data (or FILE, every task
                              answered), at 160x48 and 80x24; the first frame includes the graph layout
                              (PRESSES key presses per size, default 1500: enough to reach the end)
    """

switch arguments.first {
case "json":
    JSONBenchmark.main(Array(arguments.dropFirst()))
case "engine":
    EngineBenchmark.main(Array(arguments.dropFirst()))
case "ui":
    UIBenchmark.main(Array(arguments.dropFirst()))
case "jsonata":
    JSONataBenchmark.main(Array(arguments.dropFirst()))
case "-h", "--help", "help":
    print(usage)
default:
    print(usage)
    exit(2)
}

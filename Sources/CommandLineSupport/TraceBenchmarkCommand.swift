import ArgumentParser
import StepDebugger

import Glibc

/// `asldb trace-benchmark`: how much memory the debugger's full timeline takes (every moment of
/// a long run kept for stepping back). A measurement, not a test: tests never time or weigh.
struct TraceBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace-benchmark",
        abstract: "Measure the session timeline's memory on a long loop with a large state.",
        shouldDisplay: false)

    @Option(help: "State transitions to run (each loop is two Pass states and a Choice).")
    var transitions = 10_000

    @Option(help: "Size of the state's payload in KiB.")
    var kib = 200

    func run() throws {
        let loops = max(1, transitions / 3)
        let definition = #"""
            {"StartAt": "Count", "States": {
              "Count": {"Type": "Pass", "Parameters": {"n.$": "States.MathAdd($.n, 1)"}, "ResultPath": "$.counter", "OutputPath": "$", "Next": "Bump"},
              "Bump": {"Type": "Pass", "InputPath": "$", "Parameters": {"blob.$": "$.blob", "n.$": "$.counter.n"}, "Next": "Again"},
              "Again": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericLessThan": \#(loops), "Next": "Count"}], "Default": "Done"},
              "Done": {"Type": "Succeed"}}}
            """#
        guard let machine = DefinitionLoader.load(bytes: Array(definition.utf8), fileName: "benchmark", validate: false).machine else {
            throw CommandFailure("the benchmark definition does not load", exitCode: ExitStatus.failed)
        }
        let blob = JSON.string(String(repeating: "x", count: kib * 1024 - 64))
        var setup = SessionSetup(definition: machine, input: ["blob": blob, "n": 0])
        setup.options.historyLimit = nil
        let before = Self.residentKiB()
        var session = DebugSession(setup)
        let pause = session.continueRunning()
        let after = Self.residentKiB()
        let transitionsRun = session.history.all.filter { $0.type.rawValue.hasSuffix("StateEntered") }.count
        print("status \(pause.status.rawValue): \(transitionsRun) state transitions, \(session.recordedEvents) events, \(session.timeline.count) timeline moments")
        print("state payload \(kib) KiB; resident memory \(before / 1024) MiB before, \(after / 1024) MiB after (+\((after - before) / 1024) MiB)")
        print("peak resident memory \(Self.residentKiB(field: "VmHWM:") / 1024) MiB")
    }

    /// A field of /proc/self/status in KiB (Linux).
    static func residentKiB(field: String = "VmRSS:") -> Int {
        guard let file = fopen("/proc/self/status", "r") else { return 0 }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text.hasPrefix(field) {
                return Int(text.dropFirst(field.count).filter { $0.isNumber }) ?? 0
            }
        }
        return 0
    }
}

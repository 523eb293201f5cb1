import DebuggerUI
import Foundation

/// Key-press latency of the full-screen debugger: for each key, the app's `update`, its `view`
/// and the renderer's diff into an in-memory terminal, on a generated 100-state machine whose
/// input is ~200 KiB. The issue's bar is one frame, 16 ms, at the 95th percentile.
enum UIBenchmark {
    static let frameBudgetMilliseconds = 16.0

    static func main(_ arguments: [String]) {
        let presses = arguments.value(after: "-n").map { Int($0) ?? 0 } ?? 1500
        guard presses > 0 else {
            print("asldb-bench ui: -n needs a positive number of key presses")
            exit(2)
        }
        // --definition FILE measures a real definition (every task answered) instead of the generated one.
        let file = arguments.value(after: "--definition")
        let loaded: LoadedDefinition
        if let file {
            guard let bytes = try? DefinitionFile.read(file) else {
                print("asldb-bench ui: cannot read \(file)")
                exit(2)
            }
            loaded = DefinitionLoader.load(bytes: bytes, fileName: file, validate: false)
        } else {
            loaded = DefinitionLoader.load(text: definition(), fileName: "ui-bench.asl.json")
        }
        guard let machine = loaded.machine, file != nil || loaded.isValid else {
            print("asldb-bench ui: the definition does not load: \(loaded.errors.map(\.message))")
            exit(file == nil ? 1 : 2)
        }
        let input = file == nil ? input(bytes: 200 * 1024) : [:]
        let inputBytes = JSONPrinter.compact(input).utf8.count
        print("asldb-bench ui: \(loaded.stateCount) states, input \(inputBytes / 1024) KiB, "
            + "\(presses) key presses per size (cycle: \(keyCycle.map(\.description).joined(separator: " ")))")
        print("per key press: update + view + Renderer.render into a MemoryTerminal")
        var allUnder = true
        for size in [Size(width: 160, height: 48), Size(width: 80, height: 24)] {
            let result = MainActor.assumeIsolated { measure(machine, input, size: size, presses: presses) }
            let under = result.p95 < frameBudgetMilliseconds
            allUnder = allUnder && under
            print(String(format: "%3d×%-3d first frame %6.2f ms · mean %6.2f ms · p95 %6.2f ms · max %6.2f ms · %@ (%d events recorded, %@)",
                         size.width, size.height, result.firstFrame, result.mean, result.p95, result.max,
                         under ? "p95 under 16 ms" : "p95 OVER 16 ms", result.events, result.status))
            print("         mean by key: " + result.byKey.map { String(format: "%@ %.2f", $0.key.description, $0.mean) }.joined(separator: " · "))
        }
        exit(allUnder ? 0 : 1)
    }

    /// The keys pressed, in a loop: steps forward and back, moves in the data-flow panel and the
    /// timeline, and visits every panel.
    static let keyCycle: [Key] = [
        .char("s"), .tab, .char("j"), .char("j"), .char("k"), .char("s"), .char("u"), .right,
        .char("s"), .tab, .char("k"), .tab, .tab,
    ]

    struct Result {
        var firstFrame: Double
        var mean: Double
        var p95: Double
        var max: Double
        var events: Int
        /// Where the execution was after the last key: RUNNING, or how it ended.
        var status: String
        /// Mean milliseconds per key, in the order the keys first appear in the cycle.
        var byKey: [(key: Key, mean: Double)]
    }

    @MainActor
    static func measure(_ machine: StateMachine, _ input: JSON, size: Size, presses: Int) -> Result {
        let source = ClosureTaskSource { request in
            .succeeded(["ok": true, "state": .string(request.stateName), "attempt": .number(.int(Int64(request.attempt)))])
        }
        let terminal = MemoryTerminal(size: size)
        let renderer = Renderer(terminal: terminal)
        let clock = ContinuousClock()
        // The first frame includes laying the graph out, as opening the debugger does.
        let start = clock.now
        var app = DebuggerApp(session: DebugSession(SessionSetup(definition: machine, input: input, taskSource: source)),
                              title: "ui-bench")
        _ = app.update(.resize(size))
        renderer.render(app.view(size))
        let first = clock.now - start
        var times: [Double] = []
        var perKey: [Key: [Double]] = [:]
        times.reserveCapacity(presses)
        for i in 0..<presses {
            let key = keyCycle[i % keyCycle.count]
            let elapsed = clock.measure {
                _ = app.update(.key(key))
                renderer.render(app.view(size))
            }
            times.append(milliseconds(elapsed))
            perKey[key, default: []].append(milliseconds(elapsed))
        }
        times.sort()
        var seen: Set<Key> = []
        let byKey = keyCycle.filter { seen.insert($0).inserted }.compactMap { key in
            perKey[key].map { (key: key, mean: $0.reduce(0, +) / Double($0.count)) }
        }
        return Result(firstFrame: milliseconds(first), mean: times.reduce(0, +) / Double(times.count),
                      p95: times[min(times.count - 1, Int(Double(times.count) * 0.95))], max: times.last ?? 0,
                      events: app.session.recordedEvents,
                      status: app.session.current.isFinished ? app.session.current.status.rawValue : "RUNNING", byKey: byKey)
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15
    }

    // MARK: - The workload

    /// 100 states: a chain of Task and Pass states around a Choice, then a Parallel of two
    /// five-state branches and a Map whose item processor has five states.
    static func definition() -> String {
        var top: [String] = [state("Prepare", #""Type": "Pass", "Result": {"started": true}, "ResultPath": "$.progress""#, next: "Step01")]
        func chain(_ range: ClosedRange<Int>, last next: String) {
            for n in range {
                let name = stepName(n)
                let following = n == range.upperBound ? next : stepName(n + 1)
                top.append(state(name, n % 2 == 1 ? task(name, resultPath: "$.last", retry: n % 10 == 1) : pass(n), next: following))
            }
        }
        chain(1...40, last: "Route")
        top.append(state("Route", #"""
            "Type": "Choice", "Choices": [{"Variable": "$.express", "BooleanEquals": true, "Next": "Express"}], "Default": "Standard"
            """#, next: nil))
        top.append(state("Express", #""Type": "Pass", "Result": "express", "ResultPath": "$.route""#, next: "Step41"))
        top.append(state("Standard", #""Type": "Pass", "Result": "standard", "ResultPath": "$.route""#, next: "Step41"))
        chain(41...78, last: "FanOut")
        let branches = ["A", "B"].map { branch in
            let names = (1...5).map { "Branch\(branch)\($0)" }
            let states = names.enumerated().map { i, name in
                i == 4 ? state(name, #""Type": "Pass", "Parameters": {"branch": "\#(branch)", "checked.$": "$.branchResult.ok"}"#, next: nil)
                    : state(name, i % 2 == 0 ? task(name, resultPath: "$.branchResult", retry: false) : pass(i), next: names[i + 1])
            }
            return #"{"StartAt": "\#(names[0])", "States": {\#(states.joined(separator: ", "))}}"#
        }
        top.append(state("FanOut", #""Type": "Parallel", "Branches": [\#(branches.joined(separator: ", "))], "ResultPath": "$.branches""#,
                         next: "EachBatch"))
        let batch = (1...5).map { "Batch\($0)" }
        let batchStates = batch.enumerated().map { i, name in
            i == 4 ? state(name, #""Type": "Pass", "Parameters": {"id.$": "$.id", "ok.$": "$.r.ok"}"#, next: nil)
                : state(name, i % 2 == 0 ? task(name, resultPath: "$.r", retry: false) : pass(i), next: batch[i + 1])
        }
        top.append(state("EachBatch", #"""
            "Type": "Map", "ItemsPath": "$.batches", "MaxConcurrency": 2, "ResultPath": "$.batchResults",
            "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Batch1", "States": {\#(batchStates.joined(separator: ", "))}}
            """#, next: "Done"))
        top.append(state("Done", #""Type": "Succeed""#, next: nil))
        return #"{"Comment": "asldb-bench ui: 100 states, ~200 KiB of data", "StartAt": "Prepare", "States": {\#(top.joined(separator: ",\n"))}}"#
    }

    static func stepName(_ n: Int) -> String { n < 10 ? "Step0\(n)" : "Step\(n)" }

    static func state(_ name: String, _ body: String, next: String?) -> String {
        let transition: String
        if let next {
            transition = #", "Next": "\#(next)""#
        } else if body.contains(#""Choice""#) || body.contains(#""Succeed""#) {
            transition = ""
        } else {
            transition = #", "End": true"#
        }
        return #""\#(name)": {\#(body)\#(transition)}"#
    }

    static func task(_ name: String, resultPath: String, retry: Bool) -> String {
        var body = #""Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:\#(name)", "ResultPath": "\#(resultPath)""#
        if retry { body += #", "Retry": [{"ErrorEquals": ["States.TaskFailed"], "IntervalSeconds": 2, "MaxAttempts": 3}]"# }
        return body
    }

    static func pass(_ n: Int) -> String {
        #""Type": "Pass", "Result": {"step": \#(n)}, "ResultPath": "$.progress""#
    }

    /// `{"express": true, "batches": [...], "data": {"orders": [...]}}` grown to about `bytes`.
    static func input(bytes: Int) -> JSON {
        var orders: [JSON] = []
        var size = 0
        while size < bytes {
            let n = orders.count
            let order: JSON = [
                "orderId": .string("o-\(100_000 + n)"),
                "customer": ["id": .string("c-\(n % 97)"), "name": .string("Customer \(n)"), "email": .string("customer\(n)@example.com")],
                "items": .array((1...3).map { i in
                    ["sku": .string("SKU-\(n)-\(i)"), "qty": .number(.int(Int64(i))), "price": .double(Double(i) * 4.25)]
                }),
                "total": .double(Double(n % 400) + 0.5),
                "notes": .string("deliver between 9 and 17; ring twice (order \(n))"),
            ]
            size += JSONPrinter.compact(order).utf8.count + 1
            orders.append(order)
        }
        return [
            "express": true,
            "batches": .array((1...4).map { ["id": .number(.int(Int64($0)))] }),
            "data": ["orders": .array(orders)],
        ]
    }
}

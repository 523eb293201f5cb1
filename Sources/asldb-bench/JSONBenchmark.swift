import Foundation
import StatesJSON

/// Parse and compact-print throughput of StatesJSON next to Foundation's JSONSerialization,
/// measured in the same run on the same bytes.
enum JSONBenchmark {
    struct Document {
        var name: String
        var bytes: [UInt8]
    }

    static func main(_ arguments: [String]) {
        let quick = arguments.contains("--quick")
        let profiled = arguments.firstIndex(of: "--profile").map { $0 + 1 }
        let path = arguments.indices.first { !arguments[$0].hasPrefix("-") && $0 != profiled }.map { arguments[$0] }
            ?? defaultWorkload()
        guard let path, let data = FileManager.default.contents(atPath: path) else {
            print("asldb-bench json: cannot read the 200 KiB workload; pass its path as an argument")
            exit(1)
        }
        let documents = [
            Document(name: "\(URL(fileURLWithPath: path).lastPathComponent)", bytes: [UInt8](data)),
            Document(name: "generated-1MiB", bytes: generatedDocument(bytes: 1 << 20)),
        ]
        if let which = arguments.value(after: "--profile") {
            profile(which, documents[1])
            return
        }
        let repetitions = quick ? 5 : 30
        print("StatesJSON vs Foundation JSONSerialization, median of \(repetitions) runs (MB/s, 1 MB = 10^6 bytes)")
        print(pad("document", 24) + pad("size", 10) + pad("parse ours", 12) + pad("Foundation", 12) + pad("ratio", 8)
            + pad("print ours", 12) + pad("Foundation", 12) + pad("ratio", 8))
        for doc in documents { run(doc, repetitions: repetitions) }
    }

    /// Loops over only our parse or print, so a profiler sees nothing else.
    static func profile(_ what: String, _ doc: Document) {
        let value = try! JSONParser().parse(doc.bytes)
        for _ in 0..<200 {
            if what == "parse" { _ = try? JSONParser().parse(doc.bytes) } else { _ = JSONPrinter.compact(value) }
        }
    }

    static func run(_ doc: Document, repetitions: Int) {
        let size = Double(doc.bytes.count)
        let data = Data(doc.bytes)
        let value: JSON
        let object: Any
        do {
            value = try JSONParser().parse(doc.bytes)
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            print("\(doc.name): \(error)")
            return
        }
        let oursParse = measure(repetitions) { _ = try? JSONParser().parse(doc.bytes) }
        let theirsParse = measure(repetitions) { _ = try? JSONSerialization.jsonObject(with: data) }
        let oursPrint = measure(repetitions) { _ = JSONPrinter.compact(value) }
        let theirsPrint = measure(repetitions) { _ = try? JSONSerialization.data(withJSONObject: object) }
        let rates = [oursParse, theirsParse, oursPrint, theirsPrint].map { size / $0 / 1e6 }
        print(pad(doc.name, 24) + pad("\(doc.bytes.count / 1024) KiB", 10)
            + pad(fixed(rates[0]), 12) + pad(fixed(rates[1]), 12) + pad(fixed(rates[0] / rates[1]) + "x", 8)
            + pad(fixed(rates[2]), 12) + pad(fixed(rates[3]), 12) + pad(fixed(rates[2] / rates[3]) + "x", 8))
    }

    /// Median seconds of one run, after one warm-up run.
    static func measure(_ repetitions: Int, _ body: () -> Void) -> Double {
        body()
        let clock = ContinuousClock()
        var times: [Double] = []
        for _ in 0..<repetitions {
            let elapsed = clock.measure(body)
            times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        return times.sorted()[times.count / 2]
    }

    /// `../shared/bench/workloads/bigdata.5.input.json` from the package root, found from the
    /// current directory or from this source file's place.
    static func defaultWorkload() -> String? {
        let relative = "shared/bench/workloads/bigdata.5.input.json"
        let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let candidates = [
            FileManager.default.currentDirectoryPath + "/../" + relative,
            sourceRoot.deletingLastPathComponent().path + "/" + relative,
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// A deterministic document of about `bytes` bytes with the variety real state data has:
    /// nested records, escapes, non-ASCII text, integers and decimals.
    static func generatedDocument(bytes: Int) -> [UInt8] {
        var seed: UInt64 = 0x5EED
        func next() -> UInt64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return seed >> 33
        }
        let words = ["alpha", "beta", "Zürich", "naïve", "quote \"q\"", "tab\tline\nbreak", "path/to/x", "€uro", "日本"]
        var records: [JSON] = []
        var total = 14  // {"records":[]}
        var i = 0
        while total < bytes {
            let record: JSON = [
                "id": .int(i),
                "orderId": .string("ORD-\(next() % 1_000_000)"),
                "customer": ["name": .string(words[Int(next() % 9)] + " " + words[Int(next() % 9)]),
                             "email": .string("user\(next() % 10_000)@example.com"), "vip": .bool(next() % 2 == 0)],
                "amount": .number(.double(Double(next() % 1_000_000) / 100)),
                "quantity": .int(Int(next() % 50)),
                "ratio": .number(.double(Double(next() % 1_000_000_007) / 1e9)),
                "lines": .array((0..<Int(next() % 4)).map { _ in ["sku": .string("SKU-\(next() % 99_999)"), "n": .int(Int(next() % 9))] }),
                "note": next() % 5 == 0 ? .null : .string(words[Int(next() % 9)]),
            ]
            records.append(record)
            total += JSONPrinter.compactByteCount(record) + 1
            i += 1
        }
        var out: [UInt8] = []
        JSONPrinter.writeCompact(.object(["records": .array(records)]), into: &out)
        return out
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }

    static func fixed(_ x: Double) -> String {
        String(format: "%.1f", x)
    }
}

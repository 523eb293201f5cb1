import Foundation
import JSONata
import StatesLanguage

/// Compile time and per-evaluation time of JSONata expressions of the kind a state machine's
/// fields hold, over inputs of 1 to 10 KiB; beside each, its JSONPath/intrinsic twin (as a
/// Parameters template) measured in the same run, where one exists.
enum JSONataBenchmark {
    struct Row {
        var name: String
        var jsonata: String
        /// A payload template doing the same, or nil.
        var twin: JSON?
    }

    static let rows: [Row] = [
        Row(name: "field", jsonata: "$states.input.order.total", twin: ["v.$": "$.order.total"]),
        Row(name: "filter", jsonata: "$states.input.order.items[price > 50].sku",
            twin: ["v.$": "$.order.items[?(@.price > 50)].sku"]),
        Row(name: "object", jsonata: #"{"id": $states.input.order.id, "count": $count($states.input.order.items), "first": $states.input.order.items[0].sku}"#,
            twin: ["id.$": "$.order.id", "count.$": "States.ArrayLength($.order.items)", "first.$": "$.order.items[0].sku"]),
        Row(name: "format", jsonata: #"$states.input.customer.name & " owes " & $string($states.input.order.total)"#,
            twin: ["v.$": "States.Format('{} owes {}', $.customer.name, $.order.total)"]),
        Row(name: "sum", jsonata: "$sum($states.input.order.items.(price * qty))", twin: nil),
        Row(name: "sort", jsonata: "$states.input.order.items^(>price)[[0..2]].sku", twin: nil),
        Row(name: "map-lambda", jsonata: "$map($states.input.order.items, function($i) { $uppercase($i.sku) })", twin: nil),
        Row(name: "condition", jsonata: "$states.input.order.total > 100 and $states.input.customer.tier = 'gold'", twin: nil),
    ]

    /// An order with `items` line items (about 1 KiB per 10 items).
    static func input(items: Int) -> JSON {
        let list: [JSON] = (0..<items).map { i in
            ["sku": .string("SKU-\(1000 + i)"), "price": .double(Double(i * 7 % 100) + 0.5), "qty": .int(i % 4 + 1),
             "tags": ["gift", "eu"]]
        }
        return ["customer": ["name": "Ada Lovelace", "tier": "gold", "id": "c-42"],
                "order": ["id": "o-1001", "total": 412.5, "currency": "EUR", "items": .array(list)]]
    }

    static func main(_ arguments: [String]) {
        let minTime = arguments.seconds(after: "--min-time", otherwise: 0.2)
        print("JSONata in asldb: compile once, evaluate per state visit (median µs; twin = the same done by a JSONPath Parameters template)")
        print(pad("expression", 12) + pad("compile", 10) + pad("1 KiB", 10) + pad("10 KiB", 10) + pad("twin 1 KiB", 12)
            + pad("twin 10 KiB", 12) + "ratio at 1 KiB")
        let small = input(items: 10)
        let large = input(items: 100)
        for row in rows {
            let compile = measure(minTime) { _ = try? JSONataExpression(row.jsonata) }
            guard let expression = try? JSONataExpression(row.jsonata) else {
                print("\(row.name): does not compile")
                continue
            }
            func evaluate(_ input: JSON) -> Double {
                let bindings: [String: JSON] = ["states": ["input": input, "context": ["Execution": ["Id": "arn:x"]]]]
                let environment = JSONataEnvironment(timestamp: 0, randomSeed: 1, disabledFunctions: ["eval"])
                return measure(minTime) { _ = try? expression.evaluate(input: nil, bindings: bindings, environment: environment) }
            }
            let (a, b) = (evaluate(small), evaluate(large))
            var line = pad(row.name, 12) + pad(micro(compile), 10) + pad(micro(a), 10) + pad(micro(b), 10)
            if let twin = row.twin, let template = try? PayloadTemplate(twin) {
                func evaluateTwin(_ input: JSON) -> Double {
                    measure(minTime) {
                        var context = EvaluationContext(input: input)
                        _ = try? template.evaluate(in: &context)
                    }
                }
                let (ta, tb) = (evaluateTwin(small), evaluateTwin(large))
                line += pad(micro(ta), 12) + pad(micro(tb), 12) + String(format: "%.2fx", a / ta)
            }
            print(line)
        }
    }

    /// The median seconds of one call of `body`, over batches run for at least `minTime`.
    static func measure(_ minTime: Double, _ body: () -> Void) -> Double {
        for _ in 0..<50 { body() }
        var samples: [Double] = []
        let start = Date()
        var batch = 1
        while Date().timeIntervalSince(start) < minTime || samples.count < 5 {
            let t0 = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<batch { body() }
            let dt = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9 / Double(batch)
            samples.append(dt)
            if dt * Double(batch) < 0.001 { batch *= 2 }
        }
        samples.sort()
        return samples[samples.count / 2]
    }

    static func micro(_ seconds: Double) -> String { String(format: "%.2f", seconds * 1e6) }

    static func pad(_ s: String, _ width: Int) -> String { JSONBenchmark.pad(s, width) }
}

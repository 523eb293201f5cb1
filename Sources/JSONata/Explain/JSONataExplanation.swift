import StatesJSON

/// Why an expression gave what it gave: each sub-expression, as written, beside the value it
/// had when the expression was evaluated.
public struct JSONataExplanation: Sendable {
    /// One sub-expression.
    public struct Step: Sendable {
        /// Its text in the expression (spaces collapsed).
        public var source: String
        /// Where it is in the expression, in UTF-16 offsets (as JSONata positions count).
        public var range: Range<Int>
        /// Its value; nil when it was undefined, a function, or never evaluated.
        public var value: JSON?
        /// The value as shown: compact JSON, `undefined`, `function`, or `not evaluated` (a
        /// branch of a condition not taken, a predicate over nothing).
        public var shown: String
        /// How many times it was evaluated (a path step once per value, a lambda body per call).
        public var evaluations: Int
        public var children: [Step]
    }

    public var root: Step
    /// The expression's result: nil when it was undefined or the evaluation failed.
    public var result: JSON?
    /// The error the evaluation stopped with; the steps show the values up to it.
    public var error: JSONataError?

    /// The steps as indented lines (`├─`, `│`), each source beside its value; sources longer
    /// than `sourceWidth` and values longer than `valueWidth` end in `…`.
    public func lines(sourceWidth: Int = 48, valueWidth: Int = 60) -> [String] {
        var out: [String] = []
        func visit(_ step: Step, prefix: String, childPrefix: String) {
            let count = step.evaluations > 1 ? "  (×\(step.evaluations), the first shown)" : ""
            out.append(prefix + Self.cut(step.source, sourceWidth) + "  → " + Self.cut(step.shown, valueWidth) + count)
            for (i, child) in step.children.enumerated() {
                let last = i == step.children.count - 1
                visit(child, prefix: childPrefix + (last ? "└─ " : "├─ "), childPrefix: childPrefix + (last ? "   " : "│  "))
            }
        }
        visit(root, prefix: "", childPrefix: "")
        return out
    }

    static func cut(_ text: String, _ width: Int) -> String {
        guard text.count > width, width > 1 else { return text }
        return String(text.prefix(width - 1)) + "…"
    }
}

/// What each node evaluated to, noted by the evaluator while an explanation is asked for.
final class ExplainRecorder {
    struct Entry {
        var first: Value
        var count: Int
    }

    private(set) var entries: [ObjectIdentifier: Entry] = [:]

    func note(_ expr: Expr, _ value: Value) {
        let id = ObjectIdentifier(expr)
        if entries[id] != nil {
            entries[id]!.count += 1
        } else {
            entries[id] = Entry(first: value, count: 1)
        }
    }
}

extension JSONataExpression {
    /// Evaluates the expression as `evaluate` does, noting every sub-expression's value.
    public func explain(input: JSON?, bindings: [String: JSON] = [:],
                        environment: JSONataEnvironment = JSONataEnvironment()) -> JSONataExplanation
    {
        let recorder = ExplainRecorder()
        var result: JSON?
        var failure: JSONataError?
        do {
            result = try evaluateValue(input: input.map(Value.init) ?? .undefined, bindings: bindings.mapValues(Value.init),
                                       environment: environment, recorder: recorder).jsonValue
        } catch {
            failure = error
        }
        let units = Array(source.utf16)
        return JSONataExplanation(root: step(root, recorder, units), result: result, error: failure)
    }

    private func step(_ expr: Expr, _ recorder: ExplainRecorder, _ units: [UInt16]) -> JSONataExplanation.Step {
        let range = Self.clamped(expr, units.count)
        let text = String(decoding: units[range], as: UTF16.self)
        let entry = recorder.entries[ObjectIdentifier(expr)]
        var children: [JSONataExplanation.Step] = []
        // An object constructor's literal keys are names, not steps.
        var seen = Set(expr.pairs.compactMap { $0.0.kind == .string ? ObjectIdentifier($0.0) : nil })
        // Neither is the variable a binding names.
        if expr.kind == .bind, let name = expr.lhs { seen.insert(ObjectIdentifier(name)) }
        for child in expr.explainedChildren.sorted(by: { $0.start < $1.start }) where child.start >= 0 {
            guard seen.insert(ObjectIdentifier(child)).inserted else { continue }
            let sub = step(child, recorder, units)
            // A node that only wraps another (a path of one step) shows once.
            if sub.range == range {
                children.append(contentsOf: sub.children)
            } else {
                children.append(sub)
            }
        }
        return JSONataExplanation.Step(source: Self.collapsed(text), range: range, value: entry.flatMap { Self.json($0.first) },
                                       shown: Self.shown(entry), evaluations: entry?.count ?? 0, children: children)
    }

    private static func clamped(_ expr: Expr, _ count: Int) -> Range<Int> {
        let start = min(max(expr.start, 0), count)
        return start..<min(max(expr.end, start), count)
    }

    private static func json(_ value: Value) -> JSON? {
        if case .function = value { return nil }
        return value.jsonValue
    }

    private static func shown(_ entry: ExplainRecorder.Entry?) -> String {
        guard let entry else { return "not evaluated" }
        switch entry.first {
        case .undefined: return "undefined"
        case .function: return "function"
        default: return entry.first.jsonValue.map(JSONPrinter.compact) ?? "undefined"
        }
    }

    private static func collapsed(_ text: String) -> String {
        var out = ""
        var space = false
        for c in text {
            if c == " " || c == "\n" || c == "\t" || c == "\r" {
                space = true
                continue
            }
            if space && !out.isEmpty { out.append(" ") }
            space = false
            out.append(c)
        }
        return out
    }
}

import JSONata
import StatesLanguage

/// A field of a JSONata state (Arguments, Output, Assign, Items, Condition, ...): a JSON value in
/// which each string written exactly `{% … %}` is an expression, at any depth. The expressions
/// are compiled once, when the machine is prepared.
final class JSONataTemplate: Sendable {
    indirect enum Node: Sendable {
        case literal(JSON)
        case expression(Compiled)
        case object(keys: [String], nodes: [Node])
        case array([Node])
    }

    /// One `{% … %}` string.
    struct Compiled: Sendable {
        /// The expression as AWS quotes it in messages (between the delimiters, trimmed).
        let text: String
        /// The field as AWS names it: `Output`, `Arguments/FunctionName`, `Assign/result`.
        let field: String
        let expression: Result<JSONataExpression, JSONataError>
    }

    let field: String
    let root: Node
    /// The value itself when no expression is in it.
    let literal: JSON?
    /// Whether an expression may read `$states.context` (building it costs more than most
    /// expressions, so it is left out when none reads it).
    let readsContext: Bool

    init(_ value: JSON, field: String) {
        self.field = field
        var readsContext = false
        root = Self.node(value, field: field, readsContext: &readsContext)
        self.readsContext = readsContext
        if case .literal(let v) = root { literal = v } else { literal = nil }
    }

    /// The text between `{%` and `%}` of a string that is exactly one expression, else nil.
    static func expressionText(_ s: String) -> String? {
        guard s.hasPrefix("{%"), s.hasSuffix("%}"), s.utf8.count >= 4 else { return nil }
        return String(s.dropFirst(2).dropLast(2))
    }

    private static func node(_ value: JSON, field: String, readsContext: inout Bool) -> Node {
        switch value {
        case .string(let s):
            guard let source = expressionText(s) else { return .literal(value) }
            if Self.mayReadContext(source) { readsContext = true }
            let expression = Result { () throws(JSONataError) in try JSONataExpression(source, dialect: .stepFunctions) }
            return .expression(Compiled(text: source.trimmingSpaces(), field: field, expression: expression))
        case .object(let o):
            var keys: [String] = []
            var nodes: [Node] = []
            var allLiteral = true
            for (k, v) in o {
                let n = node(v, field: field + "/" + k, readsContext: &readsContext)
                if case .literal = n {} else { allLiteral = false }
                keys.append(k)
                nodes.append(n)
            }
            return allLiteral ? .literal(value) : .object(keys: keys, nodes: nodes)
        case .array(let a):
            var nodes: [Node] = []
            var allLiteral = true
            for (i, v) in a.enumerated() {
                let n = node(v, field: field + "/" + String(i), readsContext: &readsContext)
                if case .literal = n {} else { allLiteral = false }
                nodes.append(n)
            }
            return allLiteral ? .literal(value) : .array(nodes)
        default:
            return .literal(value)
        }
    }

    /// Whether an expression might read `$states.context`: it names `$states` other than as
    /// `$states.input`, `$states.result` or `$states.errorOutput`.
    static func mayReadContext(_ source: String) -> Bool {
        var rest = Substring(source)
        while let r = rest.firstRange(of: "$states") {
            let after = rest[r.upperBound...]
            if !(after.hasPrefix(".input") || after.hasPrefix(".result") || after.hasPrefix(".errorOutput")) { return true }
            rest = after
        }
        return false
    }

    /// The field's value: each expression evaluated with `bindings` (`$states` and the
    /// variables). An expression that fails or gives nothing is a States.QueryEvaluationError
    /// with AWS's cause.
    func evaluate(_ bindings: [String: JSON], _ environment: JSONataEnvironment) throws(ExecutionError) -> JSON {
        if let literal { return literal }
        return try Self.evaluate(root, bindings, environment)
    }

    private static func evaluate(_ node: Node, _ bindings: [String: JSON], _ environment: JSONataEnvironment) throws(ExecutionError) -> JSON {
        switch node {
        case .literal(let v):
            return v
        case .expression(let compiled):
            guard let value = try compiled.evaluate(bindings, environment) else {
                throw compiled.failure("returned nothing (undefined).")
            }
            return value
        case .object(let keys, let nodes):
            var o = JSONObject(minimumCapacity: keys.count)
            for i in keys.indices { o[keys[i]] = try evaluate(nodes[i], bindings, environment) }
            return .object(o)
        case .array(let nodes):
            var a: [JSON] = []
            a.reserveCapacity(nodes.count)
            for n in nodes { a.append(try evaluate(n, bindings, environment)) }
            return .array(a)
        }
    }
}

extension JSONataTemplate.Compiled {
    /// The expression's value, nil for undefined.
    func evaluate(_ bindings: [String: JSON], _ environment: JSONataEnvironment) throws(ExecutionError) -> JSON? {
        let compiled: JSONataExpression
        switch expression {
        case .success(let e): compiled = e
        case .failure(let error): throw failure("threw an error during evaluation. \(error.code): \(error.message)")
        }
        do {
            return try compiled.evaluate(input: nil, bindings: bindings, environment: environment)
        } catch {
            throw failure("threw an error during evaluation. \(error.code): \(error.message)")
        }
    }

    /// States.QueryEvaluationError about this expression: `what` finishes AWS's sentence.
    func failure(_ what: String) -> ExecutionError {
        ExecutionError(StatesErrorName.queryEvaluationError,
                       cause: "The JSONata expression '\(text)' specified for the field '\(field)' \(what)")
    }
}

extension JSONataTemplate {
    /// A template for a `{% … %}` field kept as its text (`ValueSource.jsonata`).
    convenience init(expression text: String, field: String) {
        self.init(.string("{%" + text + "%}"), field: field)
    }

    /// The field's value, which must be of JSON type `type` (`array`, `number`, ...):
    /// otherwise AWS's "returned an unexpected result type" error.
    func evaluate(expecting type: String, _ bindings: [String: JSON], _ environment: JSONataEnvironment) throws(ExecutionError) -> JSON {
        let value = try evaluate(bindings, environment)
        guard value.typeName != type else { return value }
        let what = "returned an unexpected result type. Expected '\(type)', but was '\(value.typeName)' for value: \(JSONPrinter.compact(value))"
        if case .expression(let compiled) = root { throw compiled.failure(what) }
        throw ExecutionError(StatesErrorName.queryEvaluationError, cause: "The field '\(field)' \(what)")
    }
}

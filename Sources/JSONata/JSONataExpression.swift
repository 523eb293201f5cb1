import StatesJSON
import Glibc

/// A JSONata expression, compiled once and evaluated any number of times.
///
///     let e = try JSONataExpression("orders[status = 'PAID'].total ~> $sum()")
///     let total = try e.evaluate(input: document)   // nil when the result is undefined
// Sendable by hand: the prepared tree is never changed after `init`; each evaluation makes
// its own frames and values.
public struct JSONataExpression: @unchecked Sendable {
    /// Which JSONata: the reference's (jsonata-js 2.x), or Step Functions' (2.0.6, without the
    /// `??` and `?:` operators and `$eval`, with `$partition`, `$range`, `$random([seed])`,
    /// `$uuid`, `$parse`; `$hash` comes from the host, which has the digests).
    public enum Dialect: Sendable, Hashable {
        case jsonata
        case stepFunctions
    }

    /// The text it was compiled from.
    public let source: String
    public let dialect: Dialect
    let root: Expr
    /// The expression as a plain chain of field lookups, when it is one.
    let chain: FieldChain?

    /// Parses and prepares an expression; a syntax error is an S0xxx error with its position.
    public init(_ source: String, dialect: Dialect = .jsonata) throws(JSONataError) {
        self.source = source
        self.dialect = dialect
        root = try Self.compile(source, dialect: dialect)
        chain = FieldChain(root)
    }

    static func compile(_ source: String, dialect: Dialect) throws(JSONataError) -> Expr {
        var parser = Parser(source, dialect: dialect)
        let parsed = try parser.parse()
        try TreeHeight.check(parsed, limit: Parser.maxNesting)
        SourceSpans.settle(parsed)
        let prepared = try Preparer.prepare(parsed, dialect: dialect)
        SourceSpans.settle(prepared)
        return prepared
    }

    /// Evaluates against `input` (nil for undefined) with variables bound by name (without
    /// `$`). Returns nil when the result is undefined.
    public func evaluate(input: JSON?, bindings: [String: JSON] = [:],
                         environment: JSONataEnvironment = JSONataEnvironment()) throws(JSONataError) -> JSON?
    {
        if let chain, let answer = chain.evaluate(input: input, bindings: bindings) { return answer }
        return try evaluateValue(input: input.map(Value.init) ?? .undefined, bindings: bindings.mapValues(Value.init),
                          environment: environment).jsonValue
    }

    /// Evaluates and writes the result as JSON text the way the reference prints it
    /// (JavaScript's `JSON.stringify`); nil when the result is undefined.
    public func evaluateToText(input: JSON?, bindings: [String: JSON] = [:],
                               environment: JSONataEnvironment = JSONataEnvironment()) throws(JSONataError) -> String?
    {
        let value = try evaluateValue(input: input.map(Value.init) ?? .undefined, bindings: bindings.mapValues(Value.init),
                                      environment: environment)
        return Stringify.text(value)
    }

    /// Evaluates against a document read with `JSONataDocument` (nil for undefined) and writes
    /// the result as the reference prints it; nil when the result is undefined.
    public func evaluateToText(document: JSONataDocument?, bindings: [String: JSON] = [:],
                               environment: JSONataEnvironment = JSONataEnvironment()) throws(JSONataError) -> String?
    {
        // Values read from the document do not retain it; it must live until the text is written.
        defer { withExtendedLifetime(document) {} }
        let input = document.map { $0.value($0.root) } ?? .undefined
        let value = try evaluateValue(input: input, bindings: bindings.mapValues(Value.init), environment: environment)
        return Stringify.text(value)
    }

    func evaluateValue(input: Value, bindings: [String: Value], environment: JSONataEnvironment,
                       recorder: ExplainRecorder? = nil) throws(JSONataError) -> Value {
        let evaluator = Evaluator(environment: environment, dialect: dialect)
        evaluator.recorder = recorder
        // The caller turns the result into JSON, which holds no function, so no closure can still
        // need the frames.
        defer { evaluator.releaseCycles() }
        let frame = Frame(parent: nil)
        for (name, value) in bindings { frame.bind(name, value) }
        frame.bind("$", input)
        var context = input
        if input.isArray && !input.isSequence {
            context = .array(Seq([input], flags: [.sequence, .outerWrapper]))
        }
        return try evaluator.eval(root, context, frame)
    }
}

/// What an evaluation may use from its host: the clock, random numbers, extra functions and
/// its limits. The defaults read the system clock and system randomness and set no limits but
/// the stack's.
public struct JSONataEnvironment: Sendable {
    /// Milliseconds since 1970 that `$now()` and `$millis()` return; nil reads the system clock
    /// once per evaluation.
    public var timestamp: Double?
    /// Seed of `$random()` and `$shuffle()`; nil draws one from the system.
    public var randomSeed: UInt64?
    /// Functions added to (or replacing) the built-ins, by name without `$`.
    public var functions: [String: JSONataFunction]
    /// Built-in functions that are not available (Step Functions has no `$eval`).
    public var disabledFunctions: Set<String>
    /// The deepest evaluation allowed before U1001.
    public var maxDepth: Int?
    /// How long an evaluation may run before U1001.
    public var timeLimitMilliseconds: Int?
    /// How many steps regular-expression matching may take in one evaluation.
    public var regexStepLimit: Int

    public init(timestamp: Double? = nil, randomSeed: UInt64? = nil, functions: [String: JSONataFunction] = [:],
                disabledFunctions: Set<String> = [], maxDepth: Int? = nil, timeLimitMilliseconds: Int? = nil,
                regexStepLimit: Int = 50_000_000)
    {
        self.timestamp = timestamp
        self.randomSeed = randomSeed
        self.functions = functions
        self.disabledFunctions = disabledFunctions
        self.maxDepth = maxDepth
        self.timeLimitMilliseconds = timeLimitMilliseconds
        self.regexStepLimit = regexStepLimit
    }

    /// The clock reading for one evaluation.
    func clock() -> Double {
        if let timestamp { return timestamp }
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec / 1_000_000)
    }
}

/// A function the host adds to the language, over JSON values (nil for undefined).
public struct JSONataFunction: Sendable {
    let signature: Signature?
    /// How many parameters it declares.
    public let arity: Int
    let body: @Sendable ([JSON?]) throws(JSONataError) -> JSON?

    /// `signature` is a JSONata signature such as `<a<n>n:a>`; arguments are checked against it
    /// before `body` runs.
    public init(signature: String?, arity: Int, _ body: @escaping @Sendable ([JSON?]) throws(JSONataError) -> JSON?) throws(JSONataError) {
        self.signature = try signature.map { (s: String) throws(JSONataError) in try Signature(s) }
        self.arity = arity
        self.body = body
    }
}

/// Refuses a tree deeper than the limit before any recursive pass walks it (a long chain such
/// as `a+b+c+…` is deep without nesting the parser).
enum TreeHeight {
    static func check(_ root: Expr, limit: Int) throws(JSONataError) {
        var stack: [(Expr, Int)] = [(root, 1)]
        while let (node, depth) = stack.popLast() {
            if depth > limit {
                throw JSONataError("U1001", position: node.position, detail: "The expression is nested more than \(limit) levels deep")
            }
            for child in node.children { stack.append((child, depth + 1)) }
        }
    }
}

extension Expr {
    /// The nodes directly below this one in a parsed tree.
    var children: [Expr] {
        var c: [Expr] = []
        for e in [lhs, rhs, expression, procedure, body, condition, then, otherwise, pattern, update, delete] {
            if let e { c.append(e) }
        }
        c.append(contentsOf: expressions)
        c.append(contentsOf: arguments)
        for (k, v) in pairs { c.append(k); c.append(v) }
        for t in terms { c.append(t.expression) }
        return c
    }
}

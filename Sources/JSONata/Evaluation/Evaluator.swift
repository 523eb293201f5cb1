import StatesJSON

/// Evaluates a prepared expression tree. One evaluator serves one call of
/// `JSONataExpression.evaluate`: it carries the limits, the host's environment and the clock
/// reading that `$now()` and `$millis()` return throughout the call.
final class Evaluator {
    /// Frames that a variable binding may have tied into a reference cycle (see `noteCycle`).
    private var framesInCycles: [WeakFrame] = []
    var guardrails: Guardrails
    let environment: JSONataEnvironment
    /// `$millis()` for this evaluation: read once, as the reference does.
    let timestamp: Double
    /// The regular-expression step budget left for this evaluation.
    var regexBudget: Int
    /// The state of `$random()`'s generator (SplitMix64).
    private var randomState: UInt64
    /// The body of `λ($x){ $g($f($x)) }`, which `f ~> g` returns.
    lazy var chainBody: Expr = {
        var parser = Parser("$g($f($x))")
        // A fixed text of this module, which parses.
        return try! Preparer.prepare(try! parser.parse())
    }()

    /// Notes each node's value while an explanation is asked for (nil otherwise).
    var recorder: ExplainRecorder?

    /// The functions of the expression's dialect.
    let builtins: [String: Builtin]
    let dialect: JSONataExpression.Dialect

    init(environment: JSONataEnvironment, dialect: JSONataExpression.Dialect = .jsonata) {
        self.environment = environment
        self.dialect = dialect
        builtins = Builtins.table(for: dialect)
        guardrails = Guardrails(maxDepth: environment.maxDepth, timeLimitMilliseconds: environment.timeLimitMilliseconds)
        timestamp = environment.clock()
        regexBudget = environment.regexStepLimit
        randomState = environment.randomSeed ?? UInt64.random(in: .min ... .max)
    }

    /// A random number in [0, 1), from the environment's seed.
    func nextRandom() -> Double { Self.splitMix(&randomState) }

    /// The next number in [0, 1) of a SplitMix64 generator.
    static func splitMix(_ state: inout UInt64) -> Double {
        Double(splitMixBits(&state) >> 11) / Double(UInt64(1) << 53)
    }

    static func splitMixBits(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A version-4 UUID from the environment's seed.
    func nextUUID() -> String {
        var bytes: [UInt8] = []
        for _ in 0..<2 {
            let r = Self.splitMixBits(&randomState)
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: r >> UInt64(shift))) }
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = Array("0123456789abcdef")
        var out = ""
        for (i, b) in bytes.enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { out.append("-") }
            out.append(hex[Int(b >> 4)])
            out.append(hex[Int(b & 15)])
        }
        return out
    }

    /// The reference's `evaluate`: dispatch on the node, apply its predicates and group-by,
    /// then unwrap a sequence of one value (unless it is to be kept as an array).
    func eval(_ expr: Expr, _ input: Value, _ env: Frame) throws(JSONataError) -> Value {
        try guardrails.enter()
        var result: Value
        switch expr.kind {
        case .path:
            // An explanation shows each step, so it takes the long way.
            if expr.isSimpleChain, recorder == nil, let value = try simpleChain(expr, input, env) {
                result = value
            } else {
                result = try evalPath(expr, input, env)
            }
        case .binary: result = try evalBinary(expr, input, env)
        case .unary: result = try evalUnary(expr, input, env)
        case .name: result = lookupField(input, expr.text)
        case .string: result = .string(expr.text)
        case .number: result = .number(expr.number)
        case .value: result = expr.literal.map(Value.bool) ?? .null
        case .wildcard: result = wildcard(input)
        case .descendant: result = descendants(input)
        case .parent: result = env.lookup(expr.slot!.label) ?? .undefined
        case .condition:
            let condition = try eval(expr.condition!, input, env)
            if Self.truthy(condition) {
                result = try eval(expr.then!, input, env)
            } else if let otherwise = expr.otherwise {
                result = try eval(otherwise, input, env)
            } else {
                result = .undefined
            }
        case .block:
            let frame = Frame(parent: env)
            result = .undefined
            for e in expr.expressions { result = try eval(e, input, frame) }
        case .bind:
            let value = try eval(expr.rhs!, input, env)
            env.bind(expr.lhs!.text, value)
            noteCycle(env, value)
            result = value
        case .regex:
            result = .function(FunctionValue(.regex(expr.compiledRegex!, source: expr.text)))
        case .function: result = try evalFunctionCall(expr, input, env, applyTo: nil)
        case .variable:
            if expr.text.isEmpty {
                if case .array(let s) = input, s.flags.contains(.outerWrapper), let first = s.items.first {
                    result = first
                } else {
                    result = input
                }
            } else if let v = env.lookup(expr.text) {
                result = v
            } else if let builtin = expr.builtinFunction, environment.functions.isEmpty, environment.disabledFunctions.isEmpty {
                result = .function(builtin)
            } else {
                result = lookupVariable(expr.text, env) ?? .undefined
            }
        case .lambda:
            result = .function(FunctionValue(.lambda(Lambda(
                parameters: expr.parameters, signature: expr.signature, body: expr.body!,
                input: input, frame: env, isThunk: expr.isThunk))))
        case .partial: result = try evalPartial(expr, input, env)
        case .apply: result = try evalApply(expr, input, env)
        case .transform: result = .function(FunctionValue(.transform(expr, env)))
        case .sort, .operator, .end:
            // Never evaluated on their own: sort is a path step, the others are gone after
            // preparation (a `?` outside an argument list does not parse).
            result = .undefined
        }

        if let predicate = expr.predicate {
            for stage in predicate {
                if case .filter(let p) = stage.kind { result = try filter(p, result, env) }
            }
        }
        if expr.kind != .path, let group = expr.group {
            result = try groupBy(group, result, env)
        }

        if case .array(var seq) = result, seq.isSequence, !seq.flags.contains(.tupleStream) {
            if expr.keepArray { seq.flags.insert(.keepSingleton) }
            if seq.items.isEmpty {
                result = .undefined
            } else if seq.items.count == 1 && !seq.flags.contains(.keepSingleton) {
                result = seq.items[0]
            } else if expr.keepArray {
                result = .array(seq)
            }
        }
        recorder?.note(expr, result)
        guardrails.exit()
        return result
    }

    /// Looks a variable up: the frames, then the host's functions, then the built-ins.
    func lookupVariable(_ name: String, _ env: Frame) -> Value? {
        if let v = env.lookup(name) { return v }
        if let host = environment.functions[name] { return .function(FunctionValue(.host(name, host))) }
        if environment.disabledFunctions.contains(name) { return nil }
        if let builtin = builtins[name] { return .function(FunctionValue(.builtin(builtin))) }
        return nil
    }

    // MARK: - Truth

    /// The effective boolean value (`$boolean`); undefined is false.
    static func truthy(_ value: Value) -> Bool {
        boolean(value) ?? false
    }

    /// `$boolean`: nil for undefined.
    static func boolean(_ value: Value) -> Bool? {
        switch value {
        case .undefined: return nil
        case .null: return false
        case .bool(let b): return b
        case .number(let n): return n != 0 && !n.isNaN
        case .string(let s): return !s.isEmpty
        case .function: return false
        case .object(let o): return o.count > 0
        case .json(.object(let o)): return !o.isEmpty
        case .node(let n) where n.isObject: return n.count > 0
        case .array, .json, .node:
            let items = value.arrayElements ?? []
            if items.count == 1 { return boolean(items[0]) ?? false }
            return items.contains { boolean($0) == true }
        }
    }

    // MARK: - Field access

    /// The reference's `lookup`: a field of an object, or of each object in an array
    /// (flattening array results one level).
    func lookupField(_ input: Value, _ key: String) -> Value {
        switch input {
        case .json(.object(let o)):
            if let v = o[key] { return Value(v) }
            return .undefined
        case .object(let o):
            return o[key] ?? .undefined
        case .node(let n):
            return lookupField(n, key)
        case .array(let s):
            var out: [Value] = []
            for item in s.items { appendFlattened(lookupField(item, key), to: &out) }
            return .array(.sequence(out))
        case .json(.array(let a)):
            var out: [Value] = []
            for item in a {
                if case .object(let o) = item, let v = o[key] {
                    if case .array(let inner) = v { for x in inner { out.append(Value(x)) } } else { out.append(Value(v)) }
                } else if case .array = item {
                    appendFlattened(lookupField(Value(item), key), to: &out)
                }
            }
            return .array(.sequence(out))
        default:
            return .undefined
        }
    }

    /// `lookup` in a document's container, read without building the values it passes over.
    private func lookupField(_ n: NodeRef, _ key: String) -> Value {
        let d = n.document
        if n.isObject {
            guard let v = d.member(n.index, key) else { return .undefined }
            return d.value(v)
        }
        var out: [Value] = []
        var cursor = n.index + 1
        let end = d.next(n.index)
        while cursor < end {
            switch d.tag(cursor) {
            case .object:
                if let v = d.member(cursor, key) {
                    if d.tag(v) == .array { out.append(contentsOf: d.elements(v)) } else { out.append(d.value(v)) }
                }
            case .array:
                appendFlattened(lookupField(NodeRef(document: d, index: cursor), key), to: &out)
            default:
                break
            }
            cursor = d.next(cursor)
        }
        return .array(.sequence(out))
    }

    /// Appends a lookup result: an array's elements, a value, or nothing for undefined.
    @inline(__always)
    func appendFlattened(_ value: Value, to out: inout [Value]) {
        switch value {
        case .undefined: return
        case .array(let s): out.append(contentsOf: s.items)
        case .json(.array(let a)): for x in a { out.append(Value(x)) }
        case .node(let n) where n.isArray: out.append(contentsOf: n.document.elements(n.index))
        default: out.append(value)
        }
    }

    /// `*`: the values of every field, arrays flattened.
    func wildcard(_ input: Value) -> Value {
        var input = input
        if case .array(let s) = input, s.flags.contains(.outerWrapper), let first = s.items.first { input = first }
        var out: [Value] = []
        // Appending an array's values goes through the reference's `append`, whose result is a
        // plain array rather than a sequence: such a result is never unwrapped.
        var plain = false
        func take(_ value: Value) {
            if value.isArray {
                Self.flatten(value, into: &out)
                plain = true
            } else {
                out.append(value)
            }
        }
        // The reference reads an array's members as an object's: its elements, by index.
        if let elements = input.arrayElements {
            for value in elements { take(value) }
        } else {
            try? input.forEachMember { (_, value) throws(JSONataError) in take(value) }
        }
        return .array(plain ? Seq(out) : .sequence(out))
    }

    static func flatten(_ value: Value, into out: inout [Value]) {
        if let items = value.arrayElements {
            for item in items { flatten(item, into: &out) }
        } else {
            out.append(value)
        }
    }

    /// `**`: this value and every value below it, depth first.
    func descendants(_ input: Value) -> Value {
        if input.isUndefined { return .undefined }
        var out: [Value] = []
        var stack: [Value] = [input]
        // Depth-first, in document order, without recursion.
        while let v = stack.popLast() {
            if let items = v.arrayElements {
                for item in items.reversed() { stack.append(item) }
                continue
            }
            out.append(v)
            if v.isObject {
                var members: [Value] = []
                try? v.forEachMember { (_, value) throws(JSONataError) in members.append(value) }
                for m in members.reversed() { stack.append(m) }
            }
        }
        if out.count == 1 { return out[0] }
        return .array(.sequence(out))
    }
}

// MARK: - Reference cycles

/// A frame held without keeping it alive.
struct WeakFrame {
    weak var frame: Frame?
}

extension Evaluator {
    /// `$f := function() {...}` stores in a frame a closure that holds that frame (or a frame
    /// below it): a reference cycle, which would keep both alive after the evaluation. Such
    /// frames are noted, weakly, and `releaseCycles` empties those still alive at the end.
    /// Only values that can hold a function are noted; plain data never closes a cycle.
    func noteCycle(_ frame: Frame, _ value: Value) {
        switch value {
        case .function, .array, .object: break
        default: return
        }
        if let last = framesInCycles.last, last.frame === frame { return }
        framesInCycles.append(WeakFrame(frame: frame))
    }

    /// Breaks the cycles `noteCycle` saw. Call once the result no longer needs the frames: it has
    /// been turned into JSON, which holds no function.
    func releaseCycles() {
        for entry in framesInCycles { entry.frame?.unbindAll() }
        framesInCycles = []
    }
}

/// Why a path yielded nothing. `message` is the text AWS puts after `Invalid path '<path>' : `
/// (AWS evaluates paths with Jayway JsonPath, and its causes quote Jayway's messages).
public struct PathFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, for callers that react differently.
    public enum Kind: Sendable, Hashable {
        /// A definite path matched nothing (`No results for path: $['x']`).
        case noResults
        /// An intermediate member is missing (`Missing property in path $['a']`).
        case missingProperty
        /// A member was looked up in something that is not an object, or an index in a non-array.
        case wrongType
        /// `$name` names no variable.
        case undefinedVariable
        /// The matches print longer than the payload limit: no state could pass them on.
        case resultTooLarge
        /// The walk visited more nodes than `PathWalker.visitLimit` (`..` and wildcards
        /// multiply them); asldb stops it rather than run for minutes.
        case tooManyVisits
    }

    /// What went wrong.
    public var kind: Kind
    /// Jayway's text, quoted verbatim in AWS causes.
    public var message: String

    /// A failure of a kind with its message.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// The error a state fails with when evaluating hit one of the limits; nil for the failures
    /// that callers report in AWS's words for the field.
    public var limitError: ExecutionError? {
        switch kind {
        case .resultTooLarge: return ExecutionError(StatesErrorName.dataLimitExceeded, cause: message)
        case .tooManyVisits: return ExecutionError(StatesErrorName.runtime, cause: message)
        case .noResults, .missingProperty, .wrongType, .undefinedVariable: return nil
        }
    }
}

extension JSONPath {
    /// The document this path starts from in `context`; nil for an undefined variable.
    public func rootDocument(in context: EvaluationContext) -> JSON? {
        switch root {
        case .input: return context.input
        case .context: return context.contextObject
        case .variable(let name): return context.variables[name]
        }
    }

    /// Evaluates for a field of a state; a path that matches nothing fails with `States.Runtime`
    /// and AWS's cause, `The JSONPath '<path>' specified for the field '<field>' could not be
    /// found in the input '<input>'`.
    public func evaluate(in context: EvaluationContext, field: String) throws(ExecutionError) -> JSON {
        do {
            return try evaluate(in: context)
        } catch {
            if let limit = error.limitError { throw limit }
            throw ExecutionError(
                StatesErrorName.runtime,
                cause: "The JSONPath '\(text)' specified for the field '\(field)' could not be found in the input '\(JSONPrinter.compact(context.input))'")
        }
    }

    /// Evaluates against the context: a definite path gives its single value, an indefinite one the
    /// array of its matches (possibly empty).
    public func evaluate(in context: EvaluationContext) throws(PathFailure) -> JSON {
        // The root is read in place, not copied out of the context.
        switch root {
        case .input: return try evaluate(context.input)
        case .context: return try evaluate(context.contextObject)
        case .variable(let name):
            guard let document = context.variables[name] else {
                throw PathFailure(.undefinedVariable, "The variable '\(name)' is not defined")
            }
            return try evaluate(document)
        }
    }

    /// Evaluates against `document`, ignoring which root the path names.
    public func evaluate(_ document: borrowing JSON) throws(PathFailure) -> JSON {
        if hasReferenceSteps, let value = document.following(referenceStepBuffer) { return value }
        let document = copy document
        var walker = PathWalker(segments: segments, document: document, text: text)
        do {
            try walker.walk(0, document)
        } catch {
            // AWS answers an indefinite path that cannot be followed with no matches, never an error
            // (`$.items[*].x` on `{}` gives `[]`).
            if isDefinite || error.limitError != nil { throw error }
            return .array([])
        }
        if isDefinite {
            guard let first = walker.results.first else {
                throw PathFailure(.noResults, "No results for path: \(normalized)")
            }
            return first
        }
        return .array(walker.results)
    }

    /// Like `evaluate(in:)`, nil when the path yields nothing.
    public func valueIfPresent(in context: EvaluationContext) -> JSON? {
        try? evaluate(in: context)
    }

    /// `select(in:)` on `document` as `$`, whatever root the path names.
    public func select(from document: borrowing JSON) throws(ExecutionError) -> JSON {
        do {
            return try evaluate(document)
        } catch {
            throw error.limitError ?? ExecutionError(StatesErrorName.runtime, cause: "Invalid path '\(text)' : \(error.message)")
        }
    }

    /// Evaluates for a field such as InputPath, OutputPath or ItemsPath, where AWS fails the state with
    /// `States.Runtime` and `Invalid path '<path>' : <reason>` when nothing matches.
    public func select(in context: EvaluationContext) throws(ExecutionError) -> JSON {
        do {
            return try evaluate(in: context)
        } catch {
            throw error.limitError ?? ExecutionError(StatesErrorName.runtime, cause: "Invalid path '\(text)' : \(error.message)")
        }
    }
}

/// Walks a document segment by segment, collecting matches in document order, and raising Jayway's
/// errors only where the path so far is definite (indefinite branches just drop out).
///
/// A walk is bounded: `..`, wildcards and filters can make a small path visit a document's
/// nodes many times over (`$..a..a..a` on a document nested 500 deep visits millions), so it
/// stops after `visitLimit` visits, and once its matches print longer than `resultLimit` (the
/// 256 KiB payload limit: no state could hold them, and AWS fails such a state with
/// States.DataLimitExceeded).
struct PathWalker {
    static let visitLimit = 1_000_000
    static let resultLimit = 262_144

    let segments: [Segment]
    let document: JSON
    /// The path as written, for the limits' messages.
    let text: String
    /// upstreamDefinite[i]: every segment before i names a single node.
    var upstreamDefinite: [Bool]
    var results: [JSON] = []
    /// Visits left; a filter's own walks spend from the same count.
    var visits = PathWalker.visitLimit
    /// The matches' size bounds added up (with the brackets and commas of the array they make).
    var boundTotal = 2
    /// Once the bounds pass `resultLimit`: the exact bytes left before it.
    var exactBytesLeft: Int?

    init(segments: [Segment], document: JSON, text: String) {
        self.segments = segments
        self.document = document
        self.text = text
        var flags: [Bool] = []
        var definite = true
        for (i, s) in segments.enumerated() {
            flags.append(definite)
            definite = definite && s.isDefinite(isLeaf: i == segments.count - 1)
        }
        upstreamDefinite = flags
    }

    var count: Int { segments.count }

    func prefix(_ n: Int) -> String { JSONPath.normalized(segments[0..<n]) }

    mutating func visit() throws(PathFailure) {
        visits -= 1
        guard visits >= 0 else {
            throw PathFailure(.tooManyVisits, "The JSONPath '\(text)' visits more than \(Self.visitLimit) nodes of its input; "
                              + "asldb stops it there. Avoid chaining '..' and wildcards over deeply nested data")
        }
    }

    /// Keeps a match, failing once the matches print longer than `resultLimit`. Size bounds
    /// settle it for most paths without measuring; past them, each match is measured exactly.
    mutating func keep(_ node: JSON) throws(PathFailure) {
        if exactBytesLeft == nil {
            // No sum overflows: bounds stop at 2^40, and the total is checked after each one.
            boundTotal += 1 + node.compactSizeBound
            if boundTotal > Self.resultLimit {
                var left = Self.resultLimit
                _ = JSONPrinter.spend(.array(results), from: &left)
                exactBytesLeft = left
            }
        }
        if var left = exactBytesLeft {
            left -= 1
            guard left >= 0, JSONPrinter.spend(node, from: &left) else {
                throw PathFailure(.resultTooLarge, "The JSONPath '\(text)' selects more than \(Self.resultLimit) bytes, "
                                  + "the maximum number of bytes service limit for a payload")
            }
            exactBytesLeft = left
        }
        results.append(node)
    }

    mutating func walk(_ i: Int, _ node: JSON) throws(PathFailure) {
        try visit()
        if i == count {
            try keep(node)
            return
        }
        let isLeaf = i == count - 1
        switch segments[i] {
        case .property(let names):
            guard case .object(let object) = node else {
                if upstreamDefinite[i] {
                    throw PathFailure(
                        .wrongType,
                        "Expected to find an object with property \(segments[i].fragment) in path \(prefix(i)) but found '\(Self.javaClassName(node))'. This is not a json object according to the JsonProvider: 'com.jayway.jsonpath.spi.json.JsonSmartJsonProvider'."
                    )
                }
                return
            }
            if names.count > 1 && isLeaf {
                var merged = JSONObject()
                for name in names { if let v = object[name] { merged[name] = v } }
                try keep(.object(merged))
                return
            }
            for name in names {
                if let value = object[name] {
                    try walk(i + 1, value)
                } else if !isLeaf && names.count == 1 && upstreamDefinite[i] {
                    throw PathFailure(.missingProperty, "Missing property in path \(prefix(i))['\(name)']")
                }
            }
        case .index(let indexes):
            guard case .array(let array) = node else {
                try arrayExpected(i, node)
                return
            }
            for index in indexes {
                let effective = index < 0 ? array.count + index : index
                if array.indices.contains(effective) { try walk(i + 1, array[effective]) }
            }
        case .slice(let start, let end):
            guard case .array(let array) = node else {
                try arrayExpected(i, node)
                return
            }
            let n = array.count
            var from = start ?? 0
            if from < 0 { from = max(0, n + from) }
            var to = end ?? n
            if to < 0 { to = n + to }
            to = min(n, to)
            guard from < to else { return }
            for k in from..<to { try walk(i + 1, array[k]) }
        case .wildcard:
            switch node {
            case .object(let object): for (_, v) in object { try walk(i + 1, v) }
            case .array(let array): for v in array { try walk(i + 1, v) }
            default: break
            }
        case .scan:
            try scan(i + 1, node)
        case .filter(let expression):
            switch node {
            case .array(let array):
                for element in array where try test(expression, element) {
                    try walk(i + 1, element)
                }
            case .object:
                if try test(expression, node) { try walk(i + 1, node) }
            default:
                if upstreamDefinite[i] {
                    throw PathFailure(.wrongType, "Filter: [?] can not be applied to primitives. Current context is: \(JSONPrinter.compact(node))")
                }
            }
        }
    }

    /// `..`: applies segment `i` to `node` and then to each descendant, pre-order, where it applies.
    mutating func scan(_ i: Int, _ node: JSON) throws(PathFailure) {
        guard i < count else { return }
        try visit()
        let applies: Bool
        switch (segments[i], node) {
        case (.property(let names), .object(let object)): applies = names.allSatisfy { object[$0] != nil }
        case (.index, .array), (.slice, .array), (.wildcard, _): applies = true
        case (.filter, .object): applies = true
        default: applies = false
        }
        if applies {
            if case .filter(let expression) = segments[i] {
                if try test(expression, node) { try walk(i + 1, node) }
            } else {
                try walk(i, node)
            }
        }
        switch node {
        case .object(let object): for (_, v) in object { try scan(i, v) }
        case .array(let array): for v in array { try scan(i, v) }
        default: break
        }
    }

    /// A filter's verdict on `node`, its walks spending this walk's visits.
    mutating func test(_ expression: FilterExpression, _ node: JSON) throws(PathFailure) -> Bool {
        try FilterEvaluator.test(expression, node, root: document, visits: &visits, text: text)
    }

    func arrayExpected(_ i: Int, _ node: JSON) throws(PathFailure) {
        guard upstreamDefinite[i] else { return }
        if node.isNull { throw PathFailure(.wrongType, "The path \(prefix(i)) is null") }
        throw PathFailure(
            .wrongType,
            "Filter: \(segments[i].fragment) can only be applied to arrays. Current context is: \(JSONPrinter.compact(node))")
    }

    /// The Java class Jayway's JSON provider would hold the value in; it appears in AWS causes.
    static func javaClassName(_ node: JSON) -> String {
        switch node {
        case .null: return "null"
        case .bool: return "java.lang.Boolean"
        case .string: return "java.lang.String"
        case .number(let n):
            if case .int(let i) = n { return Int32(exactly: i) != nil ? "java.lang.Integer" : "java.lang.Long" }
            return "java.lang.Double"
        case .array: return "net.minidev.json.JSONArray"
        case .object: return "net.minidev.json.JSONObject"
        }
    }
}

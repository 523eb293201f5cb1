import JSONata
import StatesEngine
import StatesLanguage

/// An expression the user watches: evaluated against a moment of the execution (the innermost
/// running state's input, `$states`, the variables and the context object) each time the moment
/// changes, as JSONPath or as JSONata.
public struct Watch: Sendable, Hashable {
    public enum Language: String, Sendable, Hashable {
        case jsonPath = "JSONPath"
        case jsonata = "JSONata"
    }

    /// The expression as typed (`{% … %}` around JSONata is allowed and dropped).
    public var text: String
    public var language: Language

    /// A watch of `text`: JSONPath when it is a path from the input or the context object
    /// (`$.order.id`, `$['a b']`, `$$.Execution.Id`) and parses as one, JSONata otherwise
    /// (`$states.input.order.id`, `$count($.items)`, `$myVariable`).
    public init(_ text: String) {
        var body = text.trimmingSpaces()
        if body.hasPrefix("{%") && body.hasSuffix("%}") && body.utf8.count >= 4 {
            body = String(body.dropFirst(2).dropLast(2)).trimmingSpaces()
            self.text = body
            language = .jsonata
            return
        }
        self.text = body
        let pathLike = body == "$" || body.hasPrefix("$.") || body.hasPrefix("$[") || body.hasPrefix("$$")
        language = pathLike && (try? JSONPath(body)) != nil ? .jsonPath : .jsonata
    }

    /// What the watch shows at one moment.
    public struct Reading: Sendable, Equatable {
        /// The value; nil when it is undefined, nothing matched, or the evaluation failed.
        public var value: JSON?
        /// Why there is no value (the JSONPath failure or the JSONata error), nil otherwise.
        public var problem: String?
    }

    /// The watch read at `moment`; before the first state and after the end it reads the
    /// execution's input with no variables.
    public func read(at moment: Execution) -> Reading {
        let active = moment.activeStates.last
        let input = active?.input ?? moment.input
        let variables = active?.variables ?? [:]
        let context = moment.currentContextObject ?? .object([:])
        switch language {
        case .jsonPath:
            do {
                let path = try JSONPath(text)
                let value = try path.evaluate(in: EvaluationContext(input: input, contextObject: context, variables: variables))
                return Reading(value: value, problem: nil)
            } catch let error as JSONPathSyntaxError {
                return Reading(value: nil, problem: "not a JSONPath: \(error.message)")
            } catch {
                return Reading(value: nil, problem: "\(error)")
            }
        case .jsonata:
            do throws(JSONataError) {
                let expression = try JSONataExpression(text, dialect: .stepFunctions)
                var bindings = variables
                bindings["states"] = ["input": input, "context": context]
                let value = try expression.evaluate(input: input, bindings: bindings,
                                                    environment: JSONataEnvironment(timestamp: Double(moment.now), randomSeed: 0))
                return Reading(value: value, problem: value == nil ? "undefined" : nil)
            } catch {
                return Reading(value: nil, problem: "\(error.code): \(error.message)")
            }
        }
    }
}

extension StateVisit {
    /// One `{% … %}` expression of the field that made a stage, explained.
    public struct ExpressionExplanation: Sendable {
        /// Where it sits: `Output`, `Arguments/FunctionName`, `Assign/total`.
        public var field: String
        public var expression: String
        public var explanation: JSONataExplanation
    }

    /// The JSONata expressions of the field that made `stage` (`afterArguments`, `output`, or
    /// `variables` for Assign), each evaluated again as the state saw it: `$states.input` and
    /// `$states.result` of this visit and the variables as they were when it was entered.
    /// Empty for a stage no JSONata made.
    public func explain(stage: String, context: JSON? = nil) -> [ExpressionExplanation] {
        guard let state else { return [] }
        let field: String
        switch stage {
        case "afterArguments": field = state.raw["ItemSelector"] != nil && state.raw["Arguments"] == nil ? "ItemSelector" : "Arguments"
        case "output", "afterOutput": field = "Output"
        case "variables", "afterAssign": field = "Assign"
        default: return []
        }
        guard let value = state.raw[field] else { return [] }
        var states: JSONObject = [:]
        if let input = stages.first(where: { $0.name == "input" })?.value { states["input"] = input }
        if let result = stages.first(where: { $0.name == "result" })?.value { states["result"] = result }
        if let context { states["context"] = context }
        var bindings = variablesBefore
        bindings["states"] = .object(states)
        var out: [ExpressionExplanation] = []
        Self.collectExpressions(value, field: field) { place, source in
            guard let expression = try? JSONataExpression(source, dialect: .stepFunctions) else { return }
            out.append(ExpressionExplanation(field: place, expression: source.trimmingSpaces(),
                                             explanation: expression.explain(input: nil, bindings: bindings,
                                                                             environment: JSONataEnvironment(timestamp: Double(enteredAt), randomSeed: 0))))
        }
        return out
    }

    /// Every `{% … %}` string in a field's value, with where it sits, in document order.
    static func collectExpressions(_ value: JSON, field: String, _ found: (String, String) -> Void) {
        var pending: [(JSON, String)] = [(value, field)]
        while let (v, place) = pending.popLast() {
            switch v {
            case .string(let s) where s.hasPrefix("{%") && s.hasSuffix("%}") && s.utf8.count >= 4:
                found(place, String(s.dropFirst(2).dropLast(2)))
            case .object(let o):
                for (k, member) in o.reversed() { pending.append((member, place + "/" + k)) }
            case .array(let a):
                for (i, element) in a.enumerated().reversed() { pending.append((element, place + "/" + String(i))) }
            default:
                break
            }
        }
    }
}

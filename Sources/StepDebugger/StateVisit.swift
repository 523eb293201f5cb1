/// Everything one visit of a state did, stage by stage, as the TestState API names the stages:
/// the inspection record behind the data-flow panel and the trace.
public struct StateVisit: Sendable {
    /// One value the state's data went through, and the expression that produced it.
    public struct Stage: Sendable {
        /// `input`, `afterInputPath`, `afterParameters`, `result`, `afterResultSelector`,
        /// `afterResultPath`, `output` (Map: `afterItemSelector` for Parameters/ItemSelector).
        public var name: String
        public var value: JSON
        /// The field and its text, such as `ResultPath: $.paymentResult`; nil for the input.
        public var expression: String?
        /// What changed from the stage before (empty for the first, or when nothing changed).
        public var changes: [JSONChange]
        /// The earlier stage this one equals, when the expression left the data as it was.
        public var sameAs: String?
        /// The stage `changes` compares with: the one before, except that ResultPath is
        /// compared with the input it writes into.
        public var comparedWith: String?

        /// A stage; `changes`, `sameAs` and `comparedWith` relate it to the stage before.
        public init(name: String, value: JSON, expression: String? = nil, changes: [JSONChange] = [],
                    sameAs: String? = nil, comparedWith: String? = nil) {
            self.name = name
            self.value = value
            self.expression = expression
            self.changes = changes
            self.sameAs = sameAs
            self.comparedWith = comparedWith
        }
    }

    public var stateName: String
    public var stateType: String
    /// The state model, when the visit's state is found in the definition.
    public var state: State?
    /// The id of the `…StateEntered` event.
    public var enteredEventId: Int
    public var enteredAt: Int64
    /// Attempts the visit has made so far (1 after the first try).
    public var attempts: Int
    public var stages: [Stage]
    /// Variables the state sees (values at state entry).
    public var variablesBefore: [String: JSON]
    /// What Assign set when the state was left.
    public var assigned: JSONObject?
    /// Retry and Catch's handling of the visit's latest error.
    public var errorDetails: ErrorDetails?
    /// Where the execution goes after this visit, when known.
    public var next: String?
    /// Whether the visit has ended (its `…StateExited` event or an unhandled error is recorded).
    public var finished: Bool

    /// The variables after Assign, when the state has been left.
    public var variablesAfter: [String: JSON]? {
        guard finished else { return nil }
        return variablesBefore.merging(assigned.map { Dictionary(uniqueKeysWithValues: $0.map { ($0.key, $0.value) }) } ?? [:]) { _, b in b }
    }

    /// Builds the stage list with expressions and changes from a recorded stage record.
    static func stages(of record: StageRecord, state: State?) -> [Stage] {
        var out: [Stage] = []
        let caught = record.errorDetails?.catchIndex
        for (name, value) in record.named {
            var stageName = name
            if name == "afterParameters", case .map? = state?.kind { stageName = "afterItemSelector" }
            var stage = Stage(name: stageName, value: value, expression: expression(for: name, state: state, caughtBy: caught), changes: [], sameAs: nil)
            let base = name == "afterResultPath" ? out.first : out.last
            if let previous = base {
                stage.comparedWith = previous.name
                let diff = JSONDiff(from: previous.value, to: value)
                // A result is new data, not an edit of the stage before: listing its "changes" would be noise.
                if diff.isEmpty { stage.sameAs = previous.sameAs ?? previous.name } else if name != "result" { stage.changes = diff.changes }
            }
            out.append(stage)
        }
        return out
    }

    static func expression(for stage: String, state: State?, caughtBy catchIndex: Int?) -> String? {
        guard let state else { return nil }
        if state.queryLanguage == .jsonata { return jsonataExpression(for: stage, state: state, caughtBy: catchIndex) }
        switch stage {
        case "afterInputPath": return "InputPath: " + describe(state.inputPath)
        case "afterParameters":
            if case .map(let map) = state.kind, let selector = map.itemSelector {
                return (map.usesLegacyParameters ? "Parameters: " : "ItemSelector: ") + JSONPrinter.compact(selector)
            }
            return state.parameters.map { "Parameters: " + JSONPrinter.compact($0) }
        case "result": return expression(forResultOf: state)
        case "afterResultSelector": return state.resultSelector.map { "ResultSelector: " + JSONPrinter.compact($0) }
        case "afterResultPath":
            if let catchIndex, catchIndex < state.catch.count {
                return "Catch[\(catchIndex)].ResultPath: " + describe(state.catch[catchIndex].resultPath)
            }
            return "ResultPath: " + describe(state.resultPath)
        case "output": return "OutputPath: " + describe(state.outputPath)
        default: return nil
        }
    }

    /// What made a JSONata state's stage: its Arguments, its resource, its (or its catcher's) Output.
    static func jsonataExpression(for stage: String, state: State, caughtBy catchIndex: Int?) -> String? {
        switch stage {
        case "afterArguments", "afterParameters":
            if case .map = state.kind { return state.raw["ItemSelector"].map { "ItemSelector: " + JSONPrinter.compact($0) } }
            return state.raw["Arguments"].map { "Arguments: " + JSONPrinter.compact($0) }
        case "result":
            return expression(forResultOf: state)
        case "output":
            if let catchIndex, let catcher = state.raw["Catch"]?[catchIndex] {
                return "Catch[\(catchIndex)].Output: " + (catcher["Output"].map(JSONPrinter.compact) ?? "$states.errorOutput (default)")
            }
            if let output = state.raw["Output"] { return "Output: " + JSONPrinter.compact(output) }
            switch state.kind {
            case .task, .map, .parallel: return "Output: $states.result (default)"
            default: return "Output: $states.input (default)"
            }
        default: return nil
        }
    }

    static func expression(forResultOf state: State) -> String? {
        switch state.kind {
        case .task(let task): return "Resource: " + task.resource
        case .pass(let pass): return pass.result != nil ? "Result" : "Pass (the effective input)"
        case .map: return "the iterations' outputs, in item order"
        case .parallel: return "the branches' outputs, in branch order"
        default: return nil
        }
    }

    static func describe(_ setting: PathSetting) -> String {
        switch setting {
        case .absent: return "$ (default)"
        case .null: return "null"
        case .path(let p): return p
        }
    }
}

extension StateMachine {
    /// The state called `name` here or in any nested branch or item processor.
    public func findState(_ name: String) -> State? {
        if let found = states[name] { return found }
        for state in states.values {
            switch state.kind {
            case .parallel(let p):
                for branch in p.branches { if let s = branch.findState(name) { return s } }
            case .map(let m):
                if let s = m.processor.findState(name) { return s }
            default: break
            }
        }
        return nil
    }

    /// Every state name, nested ones included.
    public var allStateNames: Set<String> {
        var names = Set(states.keys)
        for state in states.values {
            switch state.kind {
            case .parallel(let p): for b in p.branches { names.formUnion(b.allStateNames) }
            case .map(let m): names.formUnion(m.processor.allStateNames)
            default: break
            }
        }
        return names
    }
}

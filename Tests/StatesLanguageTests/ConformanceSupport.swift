import Foundation
import StatesLanguage

/// Reads recorded AWS executions from the shared conformance corpus (test-only helpers).
enum Corpus {
    static let root = "/work/shared/conformance/cases"

    struct Case {
        let name: String
        let json: JSON
        var definition: JSON { json["definition"] ?? .null }
        var input: JSON { json["input"] ?? .null }
        var expected: JSON { json["expected"] ?? .null }
    }

    /// Every case in a group, sorted by file name; empty when the corpus is not on this machine.
    static func cases(_ group: String) -> [Case] {
        let dir = root + "/" + group
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return [] }
        return files.filter { $0.hasSuffix(".json") }.sorted().compactMap { file in
            guard let data = FileManager.default.contents(atPath: dir + "/" + file),
                  let json = try? JSON.parse(String(decoding: data, as: UTF8.self))
            else { return nil }
            return Case(name: file, json: json)
        }
    }

    /// The context object a recorded execution would have seen, with stand-ins for the redacted names.
    static func contextObject(input: JSON, stateName: String) -> JSON {
        let machine = "StateMachine-0001"
        return [
            "Execution": [
                "Id": .string("arn:aws:states:us-east-1:111111111111:execution:\(machine):exec-0001"),
                "Input": input, "StartTime": "2026-11-25T06:00:00.000Z", "Name": "exec-0001",
                "RoleArn": "arn:aws:iam::111111111111:role/role-0001", "RedriveCount": 0,
            ],
            "State": ["Name": .string(stateName), "EnteredTime": "2026-11-25T06:00:00.000Z"],
            "StateMachine": ["Id": .string("arn:aws:states:us-east-1:111111111111:stateMachine:\(machine)"), "Name": .string(machine)],
        ]
    }

    /// Deep equality where numbers compare by value and placeholders (`<...>`) in expected strings
    /// match anything, as the corpus checker does.
    static func matches(_ expected: JSON, _ actual: JSON) -> Bool {
        switch (expected, actual) {
        case (.string(let e), _) where isPlaceholder(e): return true
        case (.string(let e), .string(let a)): return stringMatches(e, a)
        case (.array(let e), .array(let a)): return e.count == a.count && zip(e, a).allSatisfy(matches)
        case (.object(let e), .object(let a)):
            return e.count == a.count && e.allSatisfy { k, v in a[k].map { matches(v, $0) } ?? false }
        default: return expected == actual
        }
    }

    static func isPlaceholder(_ s: String) -> Bool {
        s.count > 2 && s.first == "<" && s.last == ">" && !s.dropFirst().dropLast().contains { $0 == "<" || $0 == ">" || $0 == "\"" || $0.isWhitespace }
    }

    /// Placeholders inside a string match any substring.
    static func stringMatches(_ expected: String, _ actual: String) -> Bool {
        var literals: [String] = []
        var current = ""
        var i = expected.startIndex
        while i < expected.endIndex {
            if expected[i] == "<", let close = expected[i...].firstIndex(of: ">"), isPlaceholder(String(expected[i...close])) {
                literals.append(current)
                current = ""
                i = expected.index(after: close)
                continue
            }
            current.append(expected[i])
            i = expected.index(after: i)
        }
        literals.append(current)
        if literals.count == 1 { return expected == actual }
        guard actual.hasPrefix(literals[0]) else { return false }
        var rest = actual.dropFirst(literals[0].count)
        for (n, literal) in literals.enumerated().dropFirst() {
            if n == literals.count - 1 { return rest.hasSuffix(literal) && rest.count >= literal.count }
            guard let r = rest.range(of: literal) else { return false }
            rest = rest[r.upperBound...]
        }
        return true
    }
}

/// Runs a chain of Pass states that use only InputPath, Parameters, ResultPath and OutputPath: the part
/// of the engine this module can stand in for. Returns nil (with a reason) for anything else.
enum PassChainRunner {
    enum Outcome: Equatable {
        case succeeded(JSON)
        case failed(ExecutionError)
    }

    static let allowedKeys: Set<String> = ["Type", "Parameters", "InputPath", "ResultPath", "OutputPath", "Next", "End", "Comment", "Result", "Assign"]
    static let allowedChoiceKeys: Set<String> = ["Type", "Choices", "Default", "InputPath", "OutputPath", "Comment", "Assign"]

    static func unsupportedReason(_ definition: JSON) -> String? {
        if definition["QueryLanguage"] != nil { return "QueryLanguage set" }
        guard case .object(let states)? = definition["States"] else { return "no States" }
        for (name, state) in states {
            if state["Type"] == "Choice" {
                for (key, _) in state.objectValue ?? [:] where !allowedChoiceKeys.contains(key) { return "state \(name) uses \(key)" }
                for rule in state["Choices"]?.arrayValue ?? [] where rule["Condition"] != nil {
                    return "state \(name) uses Condition"
                }
                continue
            }
            guard state["Type"] == "Pass" else { return "state \(name) is not a Pass or Choice state" }
            for (key, _) in state.objectValue ?? [:] where !allowedKeys.contains(key) { return "state \(name) uses \(key)" }
        }
        return nil
    }

    /// Evaluates a Choice rule (data test or And / Or / Not) the way the engine will.
    static func ruleMatches(_ rule: JSON, _ context: EvaluationContext) throws(ExecutionError) -> Bool {
        if let all = rule["And"]?.arrayValue {
            for r in all where !(try ruleMatches(r, context)) { return false }
            return true
        }
        if let any = rule["Or"]?.arrayValue {
            for r in any where try ruleMatches(r, context) { return true }
            return false
        }
        if let inner = rule["Not"] { return !(try ruleMatches(inner, context)) }
        guard let variableText = rule["Variable"]?.stringValue,
              let (name, operand) = rule.objectValue?.first(where: { ChoiceComparison.isOperator($0.key) })
        else { throw ExecutionError("Harness", cause: "unsupported rule \(rule)") }
        return try ChoiceComparison.evaluate(operator: name, variable: try path(variableText), operand: operand, in: context)
    }

    static func run(_ definition: JSON, input: JSON) -> Outcome {
        var current = definition["StartAt"]?.stringValue ?? ""
        var document = input
        var random = SeededRandom(seed: 42)
        var variables: [String: JSON] = [:]
        /// Assign: every value is computed against the variables as they were when the state was entered.
        func assign(_ template: JSON?, _ context: inout EvaluationContext) throws(ExecutionError) {
            guard let template else { return }
            guard let compiled = try? PayloadTemplate(template) else { throw ExecutionError("Harness", cause: "bad Assign") }
            for (k, v) in try compiled.evaluate(in: &context).objectValue ?? [:] { variables[k] = v }
        }
        while true {
            guard let state = definition["States"]?[current] else {
                return .failed(ExecutionError("States.Runtime", cause: "no state \(current)"))
            }
            let variablesAtEntry = variables
            do throws(ExecutionError) {
                var context = EvaluationContext(
                    input: document, contextObject: Corpus.contextObject(input: input, stateName: current), variables: variables, random: random)
                var effective = document
                if let inputPath = state["InputPath"] {
                    effective = inputPath.isNull ? [:] : try path(inputPath.stringValue!).select(in: context)
                }
                if state["Type"] == "Choice" {
                    context.input = effective
                    var next = state["Default"]?.stringValue
                    var assignment = state["Assign"]
                    for rule in state["Choices"]?.arrayValue ?? [] where try ruleMatches(rule, context) {
                        next = rule["Next"]?.stringValue
                        assignment = rule["Assign"]
                        break
                    }
                    guard let next else { return .failed(ExecutionError("States.NoChoiceMatched", cause: "no choice matched")) }
                    try assign(assignment, &context)
                    var output = effective
                    if let outputPath = state["OutputPath"] {
                        context.input = effective
                        output = outputPath.isNull ? [:] : try path(outputPath.stringValue!).select(in: context)
                    }
                    document = output
                    current = next
                    continue
                }
                var result = state["Result"] ?? effective
                if let parameters = state["Parameters"] {
                    context.input = effective
                    guard let template = try? PayloadTemplate(parameters) else {
                        return .failed(ExecutionError("Harness", cause: "template does not compile"))
                    }
                    result = try template.evaluate(in: &context)
                    random = context.random
                }
                context.input = result
                try assign(state["Assign"], &context)
                var output = document
                if let resultPath = state["ResultPath"] {
                    if !resultPath.isNull {
                        guard let reference = try? ReferencePath(resultPath.stringValue!) else {
                            return .failed(ExecutionError("Harness", cause: "bad ResultPath"))
                        }
                        output = try reference.set(result, in: document)
                    }
                } else {
                    output = result
                }
                if let outputPath = state["OutputPath"] {
                    context.input = output
                    context.variables = variablesAtEntry
                    output = outputPath.isNull ? [:] : try path(outputPath.stringValue!).select(in: context)
                }
                document = output
            } catch {
                return .failed(error)
            }
            if state["End"] == true { return .succeeded(document) }
            current = state["Next"]?.stringValue ?? ""
        }
    }

    static func path(_ text: String) throws(ExecutionError) -> JSONPath {
        do { return try JSONPath(text) } catch { throw ExecutionError("Harness", cause: "bad path \(text)") }
    }

    /// Compares an outcome with the recorded result; nil when they agree, else what differs.
    static func mismatch(_ outcome: Outcome, expected: JSON) -> String? {
        switch outcome {
        case .succeeded(let output):
            guard expected["status"] == "SUCCEEDED" else { return "succeeded with \(output), AWS \(expected["status"] ?? .null)" }
            if let want = expected["output"], !Corpus.matches(want, output) { return "output \(output), AWS \(want)" }
            return nil
        case .failed(let error):
            guard expected["status"] == "FAILED" else { return "failed with \(error), AWS succeeded with \(expected["output"] ?? .null)" }
            if let want = expected["error"]?.stringValue, want != error.error { return "error \(error.error), AWS \(want)" }
            if let want = expected["cause"]?.stringValue {
                // The engine adds the "An error occurred while executing the state ..." prefix.
                let tail = want.range(of: "). ").map { String(want[$0.upperBound...]) } ?? want
                if !Corpus.stringMatches(want, error.cause) && !Corpus.stringMatches(tail, error.cause) {
                    return "cause \(error.cause), AWS \(want)"
                }
            }
            return nil
        }
    }
}

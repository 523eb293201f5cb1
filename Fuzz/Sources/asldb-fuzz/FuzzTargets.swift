// The fuzz targets: each takes arbitrary bytes and drives one reader, parser or evaluator the way
// asldb's commands do. A target only traps (and so reports a crash) when asldb would: a Swift
// runtime trap, a sanitizer finding, or a property below that the real code must keep.

import JSONata
import StatesEngine
import StatesJSON
import StatesLanguage

enum FuzzTarget: String, CaseIterable {
    /// The JSON reader; whatever it accepts prints back to text that reads back equal.
    case json
    /// Definitions as YAML (files ending .yaml), CloudFormation/SAM templates included.
    case yaml
    /// Definitions as JSON: loading, validation, and a bounded run of each valid one.
    case definition
    /// JSONPath and reference paths: the first line is the path, the rest the document.
    case jsonpath
    /// Intrinsic functions: the first line is the call, the rest the state input.
    case intrinsics
    /// Payload templates (Parameters, ResultSelector): a JSON object, evaluated over a fixed input.
    case template
    /// Mock configurations (Step Functions Local's format) and every test case in them.
    case mock
    /// Recorded histories replayed against a definition: `{"definition": ..., "history": ...}`.
    case history
    /// JSONata: the first line is the expression, the rest the input; both dialects.
    case jsonata

    /// The target this process fuzzes, set once before libFuzzer starts.
    nonisolated(unsafe) static var selected: FuzzTarget?

    func run(_ bytes: [UInt8]) {
        switch self {
        case .json: fuzzJSON(bytes)
        case .yaml: _ = DefinitionLoader.load(bytes: bytes, fileName: "fuzz.asl.yaml")
        case .definition: fuzzDefinition(bytes)
        case .jsonpath: fuzzJSONPath(bytes)
        case .intrinsics: fuzzIntrinsics(bytes)
        case .template: fuzzTemplate(bytes)
        case .mock: fuzzMock(bytes)
        case .history: fuzzHistory(bytes)
        case .jsonata: fuzzJSONata(bytes)
        }
    }
}

/// The state input the expression targets read when their bytes carry none.
private let sampleInput: JSON = [
    "order": ["id": "o-1", "items": [["sku": "a", "qty": 2, "price": 9.5], ["sku": "b", "qty": 1, "price": 20]]],
    "flag": true, "n": -3, "text": "héllo wörld", "none": nil,
]

/// Splits `line\nrest` into the line and the document that follows (the sample when none parses).
private func expressionAndInput(_ bytes: [UInt8]) -> (String, JSON) {
    let newline = bytes.firstIndex(of: 0x0A) ?? bytes.endIndex
    let text = String(decoding: bytes[..<newline], as: UTF8.self)
    let rest = newline < bytes.endIndex ? bytes[(newline + 1)...] : []
    let input = rest.isEmpty ? sampleInput : ((try? JSON.parse(rest)) ?? sampleInput)
    return (text, input)
}

private func fuzzJSON(_ bytes: [UInt8]) {
    guard let value = try? JSON.parse(bytes) else {
        _ = try? JSONParser(recordLocations: true).parse(bytes)
        return
    }
    _ = try? JSONParser(rejectDuplicateKeys: true, recordLocations: true).parse(bytes)
    for text in [JSONPrinter.compact(value), JSONPrinter.pretty(value)] {
        guard let again = try? JSON.parse(text) else { fatalError("printed JSON does not read back: \(text.prefix(200))") }
        guard again == value else { fatalError("printed JSON reads back different: \(text.prefix(200))") }
    }
}

/// Options that keep a fuzzed run short: a small history limit, tasks answered with their input.
private func boundedOptions(_ source: (any TaskSource)? = nil) -> ExecutionOptions {
    var options = ExecutionOptions(taskSource: source ?? ClosureTaskSource { .succeeded($0.input) })
    options.historyLimit = 500
    return options
}

private func fuzzDefinition(_ bytes: [UInt8]) {
    let loaded = DefinitionLoader.load(bytes: bytes, fileName: "fuzz.asl.json")
    for diagnostic in loaded.diagnostics { _ = diagnostic.message }
    guard loaded.isValid, let machine = loaded.machine else { return }
    var execution = Execution(definition: machine, input: sampleInput, options: boundedOptions())
    try? execution.run()
}

private func fuzzJSONPath(_ bytes: [UInt8]) {
    let (text, input) = expressionAndInput(bytes)
    if let path = try? JSONPath(text) { _ = try? path.evaluate(input) }
    _ = try? ReferencePath(text)
    if let expression = try? ValueExpression(text) { _ = expression }
}

private func fuzzIntrinsics(_ bytes: [UInt8]) {
    let (text, input) = expressionAndInput(bytes)
    guard let call = try? IntrinsicCall(text) else { return }
    var context = EvaluationContext(input: input)
    _ = try? call.evaluate(in: &context)
}

private func fuzzTemplate(_ bytes: [UInt8]) {
    guard let json = try? JSON.parse(bytes), let template = try? PayloadTemplate(json) else { return }
    var context = EvaluationContext(input: sampleInput, contextObject: ["Execution": ["Id": "x"]], variables: ["v": 1])
    _ = try? template.evaluate(in: &context)
}

private func fuzzMock(_ bytes: [UInt8]) {
    guard let json = try? JSON.parse(bytes), let configuration = try? MockConfiguration(json: json) else { return }
    let definition = DefinitionLoader.load(text: #"{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:111111111111:function:f","Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":3}],"End":true}}}"#)
    guard let machine = definition.machine else { fatalError("the fixed definition does not load") }
    for name in configuration.stateMachineNames {
        guard let cases = json["StateMachines"]?[name]?["TestCases"]?.objectValue else { continue }
        for (testCase, _) in cases {
            guard let source = try? configuration.source(stateMachine: name, testCase: testCase) else { continue }
            var execution = Execution(definition: machine, input: sampleInput, options: boundedOptions(source))
            try? execution.run()
        }
    }
}

private func fuzzHistory(_ bytes: [UInt8]) {
    guard let json = try? JSON.parse(bytes) else { return }
    let recordedJSON = json["history"] ?? json
    guard let recorded = try? RecordedHistory(json: recordedJSON) else { return }
    _ = recorded.terminal
    _ = recorded.enteredStateNames
    guard let definitionJSON = json["definition"] else { return }
    let loaded = DefinitionLoader.load(json: definitionJSON)
    guard loaded.isValid, let machine = loaded.machine else { return }
    guard let replay = try? Replay(definition: machine, recorded: recorded, options: boundedOptions()) else { return }
    _ = try? replay.run(stopAtDivergence: false)
}

private func fuzzJSONata(_ bytes: [UInt8]) {
    let (text, input) = expressionAndInput(bytes)
    let environment = JSONataEnvironment(timestamp: 1_735_689_600_000, randomSeed: 7, timeLimitMilliseconds: 2_000)
    for dialect in [JSONataExpression.Dialect.jsonata, .stepFunctions] {
        guard let expression = try? JSONataExpression(text, dialect: dialect) else { continue }
        guard let output = try? expression.evaluateToText(input: input, environment: environment) else { continue }
        if (try? JSON.parse(output)) == nil { fatalError("JSONata output is not JSON: \(output.prefix(200))") }
    }
}

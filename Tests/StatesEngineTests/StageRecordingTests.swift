import StatesEngine
import Testing

/// `ExecutionOptions.recordsStages`: `asldb run` and `asldb test` leave each visit's stages out,
/// the debugger keeps them; the history AWS would report must not depend on it.
@Suite struct StageRecordingTests {
    static func options(stages: Bool) -> ExecutionOptions {
        var options = ExecutionOptions()
        options.recordsStages = stages
        return options
    }

    @Test func everyRecordedExecutionHasTheSameHistoryWithAndWithoutStages() throws {
        let cases = ReplayCorpusTests.cases()
        try #require(cases.count > 300, "the conformance corpus is missing")
        var compared = 0
        var differences: [String] = []
        for c in cases {
            guard let machine = DefinitionLoader.load(text: JSONPrinter.compact(c.json["definition"] ?? .null)).machine,
                  let recorded = try? RecordedHistory(json: ["events": ReplayCorpusTests.realInput(
                      c.json["expected"]?["events"] ?? .null, c.json["input"])]),
                  let with = try? Replay(definition: machine, recorded: recorded, options: Self.options(stages: true))
                      .run(stopAtDivergence: false),
                  let without = try? Replay(definition: machine, recorded: recorded, options: Self.options(stages: false))
                      .run(stopAtDivergence: false)
            else { continue }
            compared += 1
            let events = without.execution.history.all
            if with.execution.historyJSON != without.execution.historyJSON
                || with.execution.resultJSON != without.execution.resultJSON {
                differences.append("\(c.id): the history differs")
            }
            if events.contains(where: { $0.stages != nil }) { differences.append("\(c.id): stages recorded although switched off") }
            let exited = with.execution.history.all.filter { $0.type.rawValue.hasSuffix("StateExited") }
            if exited.contains(where: { $0.stages?.output == nil }) { differences.append("\(c.id): a StateExited event without its stages") }
        }
        #expect(compared > 300)
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
    }

    @Test func aPassWithParametersAndResultOutputsTheResultAfterRunningTheParameters() throws {
        let definition = try machine("""
            {"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"p.$": "$.a"}, "Result": {"r": 1}, "End": true}}}
            """)
        for stages in [true, false] {
            var execution = Execution(definition: definition, input: ["a": 7], options: Self.options(stages: stages))
            try execution.run()
            #expect(execution.output == ["r": 1])
            if stages {
                let visit = try #require(execution.history.all.first { $0.type.rawValue == "PassStateExited" }?.stages)
                #expect(visit.afterParameters == ["p": 7])
                #expect(visit.result == ["r": 1])
            }
        }
        // A Parameters path that finds nothing still fails the state, Result or not.
        var failing = Execution(definition: try machine("""
            {"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"p.$": "$.missing"}, "Result": 1, "End": true}}}
            """), input: ["a": 7])
        try failing.run()
        #expect(failing.status == .failed)
        #expect(failing.failure?.error == "States.Runtime")
    }

    @Test func aStateThatFailsHandsItsOwnInputToTheCatcher() throws {
        // AWS refuses Catch on a Pass state, but `asldb run` runs a definition it has not validated.
        let definition = try machine("""
            {"StartAt": "P", "States": {
              "P": {"Type": "Pass", "Parameters": {"x.$": "States.ArrayGetItem($.list, 5)"},
                    "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Done"}], "Next": "Done"},
              "Done": {"Type": "Succeed"}}}
            """)
        for stages in [true, false] {
            var execution = Execution(definition: definition, input: ["list": [1]], options: Self.options(stages: stages))
            try execution.run()
            #expect(execution.status == .succeeded)
            #expect(execution.output?["list"] == [1])
            #expect(execution.output?["error"]?["Error"] == "States.IntrinsicFailure")
        }
    }
}

import StatesEngine
import Testing

/// Stepping on from any kept moment gives exactly the history the original run produced: what the
/// debugger relies on for "step back, then step again".
@Suite("Replaying from any moment")
struct ReplayPropertyTests {
    let definition = """
        {"StartAt": "Seed", "States": {
          "Seed": {"Type": "Pass", "Parameters": {"id.$": "States.UUID()", "items": [1, 2, 3]}, "Next": "Each"},
          "Each": {"Type": "Map", "ItemsPath": "$.items", "ItemProcessor": {"StartAt": "Call", "States": {
            "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "Retry": [{"ErrorEquals": ["Flaky"], "JitterStrategy": "FULL", "IntervalSeconds": 3}], "End": true}}},
            "ResultPath": "$.results", "Next": "Both"},
          "Both": {"Type": "Parallel", "Branches": [
            {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 5, "End": true}}},
            {"StartAt": "R", "States": {"R": {"Type": "Pass", "Parameters": {"n.$": "States.MathRandom(1, 100)"}, "End": true}}}],
            "End": true}}}
        """

    @Test func everyMomentStepsOnToTheSameHistory() throws {
        let source = ClosureTaskSource { request in
            request.attempt < 2 ? .failed(ExecutionError("Flaky", cause: "again")) : .succeeded(request.input)
        }
        var execution = Execution(definition: try machine(definition), input: [:],
                                  options: ExecutionOptions(taskSource: source, seed: 11))
        var moments = [execution]
        while try execution.step() != nil { moments.append(execution) }
        let expected = JSONPrinter.compact(execution.historyJSON)
        for moment in moments {
            var replay = moment
            try replay.run()
            #expect(JSONPrinter.compact(replay.historyJSON) == expected)
        }
    }
}

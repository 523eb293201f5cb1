import StatesEngine
import Testing

/// Events share one storage between copies (the history's and the one `step()` hands out); a copy
/// that is changed must not change the history, and an exited event's details follow its stages.
@Suite("History events")
struct HistoryEventTests {
    let definition = """
        {"StartAt": "Add", "States": {"Add": {"Type": "Pass", "Parameters": {"sum.$": "States.MathAdd($.a, 2)"},
         "ResultPath": "$.out", "End": true}}}
        """

    @Test func changingACopyLeavesTheRecordedEventAlone() throws {
        let execution = try run(definition, input: ["a": 1])
        let recorded = execution.history.all
        var copy = recorded[2]
        #expect(copy.type == EventType("PassStateExited"))
        copy.id = 99
        copy.details = ["name": "Other"]
        copy.stages = nil
        #expect(execution.history[2].id == 3)
        #expect(execution.history[2].stateName == "Add")
        #expect(execution.history[2].stages?.afterParameters == ["sum": 3])
        #expect(copy.id == 99 && copy.stateName == "Other" && copy.stages == nil)
    }

    @Test func anExitedEventsOutputIsItsStagesOutput() throws {
        let execution = try run(definition, input: ["a": 1])
        let exited = execution.history[2]
        let output: JSON = ["a": 1, "out": ["sum": 3]]
        #expect(exited.stages?.output == output)
        #expect(exited.details?["output"] == output)
        #expect(exited.details?["name"] == "Add")
        // Without its stages the event still reports the output it had.
        var bare = exited
        bare.stages = nil
        #expect(bare.details?["output"] == output)
        #expect(bare.details?["outputDetails"] == ["truncated": false])
    }

    @Test func steppingByTypeRecordsTheSameHistoryAsSteppingByEvent() throws {
        let loop = """
            {"StartAt": "Check", "States": {
              "Check": {"Type": "Choice", "Choices": [{"Variable": "$.i", "NumericLessThan": 3, "Next": "Add"}], "Default": "Done"},
              "Add": {"Type": "Pass", "Parameters": {"i.$": "States.MathAdd($.i, 1)"}, "Next": "Check"},
              "Done": {"Type": "Succeed"}}}
            """
        var byEvent = Execution(definition: try machine(loop), input: ["i": 0])
        var byType = byEvent
        var events: [HistoryEvent] = []
        while let event = try byEvent.step() { events.append(event) }
        var types: [EventType] = []
        while let type = try byType.stepType() { types.append(type) }
        #expect(types == events.map(\.type))
        #expect(byType.historyJSON == byEvent.historyJSON)
        #expect(byType.output == ["i": 3])
    }

    @Test func everyStateTypesEnteredEventCountsAsATransition() {
        for type in ["Pass", "Task", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map"] {
            #expect(EventType.stateEntered(type).isStateEntered)
            #expect(EventType.stateEntered(type) == EventType(type + "StateEntered"))
            #expect(!EventType.stateExited(type).isStateEntered)
        }
        #expect(EventType("SomethingNewStateEntered").isStateEntered)
        #expect(!EventType("TaskScheduled").isStateEntered)
    }
}

import StatesEngine
import Testing

@Suite("Stepping an execution")
struct ExecutionTests {
    let twoPasses = """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Result": {"x": 1}, "ResultPath": "$.a", "Next": "B"},
          "B": {"Type": "Pass", "InputPath": "$.a", "End": true}}}
        """

    @Test func passStatesProduceTheirOutputAndHistory() throws {
        let execution = try run(twoPasses, input: ["in": true])
        #expect(execution.status == .succeeded)
        #expect(execution.output == ["x": 1])
        #expect(execution.eventTypes == ["ExecutionStarted", "PassStateEntered", "PassStateExited",
                                         "PassStateEntered", "PassStateExited", "ExecutionSucceeded"])
    }

    @Test func eachStepAddsExactlyOneEventAndEarlierValuesStayIntact() throws {
        var execution = Execution(definition: try machine(twoPasses), input: [:])
        var moments: [Execution] = [execution]
        while try execution.step() != nil { moments.append(execution) }
        for (i, moment) in moments.enumerated() {
            #expect(moment.history.count == i)
        }
        #expect(moments[3].history.last?.type.rawValue == "PassStateExited")
        #expect(moments[3].status == .running)
        // Stepping an earlier moment again gives the same event as the first time.
        let again = try moments[3].stepped()
        #expect(again.history.last?.type == moments[4].history.last?.type)
        #expect(again.history.last?.stateName == "B")
    }

    @Test func sameSeedGivesTheSameHistory() throws {
        let definition = """
            {"StartAt": "A", "States": {"A": {"Type": "Pass",
              "Parameters": {"id.$": "States.UUID()", "n.$": "States.MathRandom(1, 1000)"}, "End": true}}}
            """
        let first = try run(definition, seed: 7)
        let second = try run(definition, seed: 7)
        let other = try run(definition, seed: 8)
        #expect(first.output == second.output)
        #expect(first.output != other.output)
    }

    @Test func stagesOfAStateVisitAreRecorded() throws {
        let execution = try run("""
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "InputPath": "$.in",
              "Parameters": {"v.$": "$.v"}, "ResultPath": "$.out", "OutputPath": "$.out", "End": true}}}
            """, input: ["in": ["v": 5]])
        let exited = try #require(execution.history.all.first { $0.type.rawValue == "PassStateExited" })
        let stages = try #require(exited.stages)
        #expect(stages.afterInputPath == ["v": 5])
        #expect(stages.afterParameters == ["v": 5])
        #expect(stages.afterResultPath == ["in": ["v": 5], "out": ["v": 5]])
        #expect(stages.output == ["v": 5])
    }

    @Test func failStateEndsTheExecutionWithItsErrorAndCause() throws {
        let execution = try run("""
            {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Boom", "Cause": "it broke"}}}
            """)
        #expect(execution.status == .failed)
        #expect(execution.failure == ExecutionError("Boom", cause: "it broke"))
        #expect(execution.eventTypes == ["ExecutionStarted", "FailStateEntered", "ExecutionFailed"])
    }

    @Test func waitAdvancesTheVirtualClockInstantly() throws {
        let execution = try run("""
            {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 3600, "End": true}}}
            """)
        let events = execution.history.all
        #expect(events.last!.timestamp - events.first!.timestamp == 3_600_000)
    }

    @Test func executionTimeoutEndsInTimedOut() throws {
        let execution = try run("""
            {"StartAt": "W", "TimeoutSeconds": 5, "States": {"W": {"Type": "Wait", "Seconds": 60, "End": true}}}
            """)
        #expect(execution.status == .timedOut)
        #expect(execution.eventTypes.last == "ExecutionTimedOut")
    }
}

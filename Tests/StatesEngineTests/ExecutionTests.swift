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

@Suite("Inspecting a running execution")
struct InspectionTests {
    @Test func activeStatesShowTheIterationAndItsVariables() throws {
        var execution = Execution(definition: try machine("""
            {"StartAt": "S", "States": {
              "S": {"Type": "Pass", "Assign": {"limit": 3}, "Next": "M"},
              "M": {"Type": "Map", "ItemProcessor": {"StartAt": "Inner",
                "States": {"Inner": {"Type": "Pass", "End": true}}}, "End": true}}}
            """), input: [10, 20])
        while let event = try execution.step() {
            if event.type.rawValue == "PassStateEntered", event.stateName == "Inner" { break }
        }
        let active = execution.activeStates
        #expect(active.map(\.name) == ["M", "Inner"])
        #expect(active.last?.place == .iteration(0))
        #expect(active.last?.input == 10)
        #expect(execution.variables == ["limit": 3])
    }
}

@Suite("Limits")
struct LimitTests {
    let endlessLoop = """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Next": "B"},
          "B": {"Type": "Pass", "Next": "A"}}}
        """

    @Test func anEndlessLoopFailsAtTheHistoryLimit() throws {
        var options = ExecutionOptions()
        options.historyLimit = 1_000
        var execution = Execution(definition: try machine(endlessLoop), input: [:], options: options)
        try execution.run()
        #expect(execution.status == .failed)
        #expect(execution.failure?.error == "States.Runtime")
        #expect(execution.history.count == 1_000)
    }

    @Test func anEndlessLoopInADistributedMapChildFailsThatChild() throws {
        var options = ExecutionOptions()
        options.historyLimit = 500
        var execution = Execution(definition: try machine("""
            {"StartAt": "M", "States": {"M": {"Type": "Map",
              "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                "StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Next": "A"}}},
              "End": true}}}
            """), input: [1], options: options)
        try execution.run()
        #expect(execution.status == .failed)
        #expect(execution.eventTypes.contains("MapRunFailed"))
    }

    @Test func anOversizedTaskResultFailsWithDataLimitExceeded() throws {
        let source = ClosureTaskSource { _ in .succeeded(.string(String(repeating: "x", count: 300_000))) }
        let execution = try run("""
            {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}
            """, source: source)
        #expect(execution.failure?.error == "States.DataLimitExceeded")
        #expect(execution.failure?.cause.contains("'A'") == true)
    }
}

@Suite("Error injection")
struct ErrorInjectionTests {
    @Test func anInjectedErrorGoesThroughTheStatesCatchers() throws {
        var execution = Execution(definition: try machine("""
            {"StartAt": "A", "States": {
              "A": {"Type": "Parallel", "Branches": [{"StartAt": "X", "States": {"X": {"Type": "Pass", "End": true}}}],
                "Catch": [{"ErrorEquals": ["Injected"], "ResultPath": "$.error", "Next": "Handled"}], "End": true},
              "Handled": {"Type": "Pass", "End": true}}}
            """), input: ["k": 1])
        try execution.step()  // ExecutionStarted
        let early = execution.injectFailure(ExecutionError("Injected", cause: "too early"))
        #expect(!early)
        try execution.step()  // ParallelStateEntered
        let injected = execution.injectFailure(ExecutionError("Injected", cause: "by hand"))
        #expect(injected)
        try execution.run()
        #expect(execution.output == ["k": 1, "error": ["Error": "Injected", "Cause": "by hand"]])
    }
}

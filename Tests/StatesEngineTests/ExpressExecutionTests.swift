import StatesEngine
import Testing

/// The state machine type shows in the execution's ARN and context object.
@Suite struct ExpressExecutionTests {
    let context = #"{"StartAt": "Look", "States": {"Look": {"Type": "Pass", "Parameters": {"execution.$": "$$.Execution"}, "End": true}}}"#

    func execution(type: StateMachineType, definition: String? = nil, input: JSON = ["x": 1]) throws -> Execution {
        var options = ExecutionOptions(executionName: "run-1")
        options.type = type
        options.recordsStages = false
        var execution = Execution(definition: try machine(definition ?? context), input: input, options: options)
        try execution.run()
        return execution
    }

    @Test func anExpressExecutionHasAnExpressArnAndNoRedriveCount() throws {
        let express = try execution(type: .express)
        let seen = try #require(express.output?["execution"]?.objectValue)
        let id = try #require(seen["Id"]?.stringValue)
        #expect(id.hasPrefix("arn:aws:states:us-east-1:111111111111:express:M:run-1:"))
        #expect(id.split(separator: ":").last?.count == 36)
        #expect(seen["Name"] == "run-1")
        #expect(seen["RedriveCount"] == nil)
        #expect(express.executionArn == id)
    }

    @Test func aStandardExecutionKeepsItsExecutionArnAndRedriveCount() throws {
        let standard = try execution(type: .standard)
        #expect(standard.output?["execution"]?["Id"] == "arn:aws:states:us-east-1:111111111111:execution:M:run-1")
        #expect(standard.output?["execution"]?["RedriveCount"] == 0)
    }

    /// 20 000 rounds of a Pass and a Choice: 80 000 events, more than a Standard history holds.
    let counter = """
        {"StartAt": "Count", "States": {
          "Count": {"Type": "Pass", "Parameters": {"n.$": "States.MathAdd($.n, 1)"}, "Next": "More?"},
          "More?": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericLessThan": 20000, "Next": "Count"}], "Default": "Done"},
          "Done": {"Type": "Succeed"}}}
        """

    @Test func anExpressExecutionHasNoHistoryLimit() throws {
        let express = try execution(type: .express, definition: counter, input: ["n": 0])
        #expect(express.status == .succeeded)
        #expect(express.output == ["n": 20000])
        #expect(express.history.count > 80_000)
    }

    @Test func aStandardExecutionStillFailsAt25000Events() throws {
        let standard = try execution(type: .standard, definition: counter, input: ["n": 0])
        #expect(standard.status == .failed)
        #expect(standard.failure?.cause == "The execution reached the maximum number of history events (25000).")
        #expect(standard.history.count == 25_000)
    }
}

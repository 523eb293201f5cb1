import StatesEngine
import Testing

/// The state machine type shows in the execution's ARN and context object.
@Suite struct ExpressExecutionTests {
    let context = #"{"StartAt": "Look", "States": {"Look": {"Type": "Pass", "Parameters": {"execution.$": "$$.Execution"}, "End": true}}}"#

    func execution(type: StateMachineType) throws -> Execution {
        var options = ExecutionOptions(executionName: "run-1")
        options.type = type
        var execution = Execution(definition: try machine(context), input: ["x": 1], options: options)
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
}

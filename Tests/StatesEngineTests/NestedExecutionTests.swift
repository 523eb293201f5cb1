import StatesEngine
import Testing

/// `states:startExecution` runs a local child definition and answers in AWS's shapes.
@Suite struct NestedExecutionTests {
    static let child = #"{"StartAt": "Greet", "States": {"Greet": {"Type": "Pass", "Parameters": {"hello.$": "$.who"}, "End": true}}}"#
    static let failingChild = #"{"StartAt": "No", "States": {"No": {"Type": "Fail", "Error": "Boom", "Cause": "bad input"}}}"#

    static func parent(_ resource: String) -> String {
        #"{"StartAt": "Start", "States": {"Start": {"Type": "Task", "Resource": "arn:aws:states:::states:\#(resource)", "#
            + #""Parameters": {"StateMachineArn": "arn:aws:states:us-east-1:111111111111:stateMachine:Child", "Input": {"who": "world"}, "Name": "kid"}, "End": true}}}"#
    }

    func source(_ child: String = child) throws -> NestedExecutionSource {
        NestedExecutionSource(machines: ["Child": try machine(child)])
    }

    @Test func syncReturnsTheChildOutputAsJSONText() throws {
        let execution = try run(Self.parent("startExecution.sync"), source: try source())
        #expect(execution.output?["Output"] == #"{"hello":"world"}"#)
        #expect(execution.output?["Status"] == "SUCCEEDED")
        #expect(execution.output?["Name"] == "kid")
    }

    @Test func sync2ReturnsTheChildOutputAsJSON() throws {
        let execution = try run(Self.parent("startExecution.sync:2"), source: try source())
        #expect(execution.output?["Output"] == ["hello": "world"])
        #expect(execution.output?["Input"] == ["who": "world"])
    }

    @Test func withoutSyncOnlyTheStartResponseComesBack() throws {
        let execution = try run(Self.parent("startExecution"), source: try source())
        #expect(execution.output?.objectValue?.keys.sorted() == ["ExecutionArn", "StartDate"])
    }

    @Test func aFailedChildFailsTheTaskWithItsErrorInTheCause() throws {
        let execution = try run(Self.parent("startExecution.sync"), source: try source(Self.failingChild))
        #expect(execution.failure?.error == "States.TaskFailed")
        #expect(execution.failure?.cause.contains(#""Error":"Boom""#) == true)
        #expect(execution.failure?.cause.contains(#""Status":"FAILED""#) == true)
    }

    @Test func anUnmappedStateMachineIsLeftToOtherSources() throws {
        let nested = NestedExecutionSource(machines: [:])
        #expect(throws: EngineError.self) { try run(Self.parent("startExecution.sync"), source: nested) }
    }
}

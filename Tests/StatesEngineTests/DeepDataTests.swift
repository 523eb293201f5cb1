import StatesEngine
import Testing

/// No state passes on data nested deeper than `JSON.maximumDepth`, however a loop builds it, so
/// every walk over an execution's values (printing, comparing, freeing) stays shallow.
@Suite(.timeLimit(.minutes(1))) struct DeepDataTests {
    static let depthCause = "arrays and objects nest more than 512 levels deep, more than asldb passes between states; flatten the data."

    @Test(arguments: [
        // One object more at each pass.
        #"{"Type": "Pass", "Parameters": {"a.$": "$"}, "Next": "P"}"#,
        // Three arrays more at each pass, with nothing around them.
        #"{"Type": "Pass", "Parameters": {"a.$": "States.Array(States.Array(States.Array($)))"}, "OutputPath": "$.a", "Next": "P"}"#,
        // A result placed ten levels down.
        #"{"Type": "Pass", "ResultPath": "$.a.b.c.d.e.f.g.h.i.j", "Next": "P"}"#,
        // The branches' outputs in an array.
        #"{"Type": "Parallel", "Branches": [{"StartAt": "X", "States": {"X": {"Type": "Pass", "End": true}}}], "Next": "P"}"#,
        // Through a string and back.
        #"{"Type": "Pass", "Parameters": {"a.$": "States.StringToJson(States.JsonToString($))"}, "Next": "P"}"#,
    ])
    func aLoopThatNestsItsDataDeeperFailsAtTheLimit(state: String) throws {
        let execution = try run(#"{"StartAt": "P", "States": {"P": \#(state)}}"#, input: ["x": 1])
        #expect(execution.status == .failed)
        #expect(execution.failure?.error == "States.DataLimitExceeded")
        #expect(execution.failure?.cause == "The state/task 'P' returned a result whose " + Self.depthCause)
    }

    @Test func aTaskResultNestedTooDeepFailsTheState() throws {
        var deep: JSON = 1
        for _ in 0..<600 { deep = ["a": deep] }
        let result = deep
        var execution = Execution(definition: try machine(#"{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}"#),
                                  input: [:], options: ExecutionOptions(taskSource: ClosureTaskSource { _ in .succeeded(result) }))
        try execution.run()
        #expect(execution.failure?.error == "States.DataLimitExceeded")
        #expect(execution.failure?.cause == "The state/task 'T' returned a result whose " + Self.depthCause)
    }

    @Test func dataAsDeepAsTheParserAllowsRunsThrough() throws {
        var input: JSON = 1
        for _ in 0..<511 { input = [input] }
        let execution = try run(#"{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}"#, input: ["a": input])
        #expect(execution.status == .succeeded)
        #expect(execution.output == ["a": input])
    }
}

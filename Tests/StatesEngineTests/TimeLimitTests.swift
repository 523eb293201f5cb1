import StatesEngine
import Testing

/// Huge waits, back-offs and timeouts end as AWS ends them (States.Runtime, or the execution's
/// one-year / five-minute limit), never by crashing on time arithmetic.
@Suite("Time limits")
struct TimeLimitTests {
    let year: Int64 = 365 * 86_400_000
    let start = ExecutionOptions().startTime

    func waitOn(_ field: String) -> String {
        #"{"StartAt": "W", "States": {"W": {"Type": "Wait", "\#(field)": "$.v", "End": true}}}"#
    }

    func elapsed(_ execution: Execution) -> Int64 { execution.history.all.last!.timestamp - start }

    @Test func anUncappedBackOffGrowsUntilTheExecutionTimesOutAfterAYear() throws {
        let failing = ClosureTaskSource { _ in .failed(ExecutionError("Boom", cause: "always")) }
        let execution = try run("""
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:111111111111:function:f",
              "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 100, "BackoffRate": 2}], "End": true}}}
            """, source: failing)
        #expect(execution.status == .timedOut)
        #expect(execution.failure?.error == StatesErrorName.timeout)
        #expect(execution.eventTypes.last == "ExecutionTimedOut")
        #expect(elapsed(execution) == year)
        // The first 24 back-offs (1 + 2 + … + 2^23 s) fit in a year, the 25th does not: 25 attempts ran.
        #expect(execution.eventTypes.filter { $0 == "LambdaFunctionScheduled" }.count == 25)
    }

    @Test func aBackOffOfEveryRetryIsCappedByMaxDelaySeconds() throws {
        let failing = ClosureTaskSource { _ in .failed(ExecutionError("Boom", cause: "always")) }
        let execution = try run("""
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:111111111111:function:f",
              "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 99999999, "BackoffRate": 10, "MaxDelaySeconds": 31622400}],
              "End": true}}}
            """, source: failing)
        #expect(execution.status == .timedOut)
        #expect(elapsed(execution) == year)
    }

    @Test(arguments: ["9223372036854775", "1e18", "2147483648"])
    func aSecondsPathBeyond32BitsOfSecondsFailsTheState(_ seconds: String) throws {
        let execution = try run(waitOn("SecondsPath"), input: try JSONParser().parse(#"{"v": \#(seconds)}"#))
        #expect(execution.status == .failed)
        #expect(execution.failure?.error == StatesErrorName.runtime)
        #expect(execution.failure?.cause.hasSuffix("Wait state delay is too long.") == true)
    }

    @Test func aSecondsPathLongerThanAYearTimesTheExecutionOutAtTheYear() throws {
        let execution = try run(waitOn("SecondsPath"), input: ["v": 40_000_000])
        #expect(execution.status == .timedOut)
        #expect(execution.eventTypes == ["ExecutionStarted", "WaitStateEntered", "ExecutionTimedOut"])
        #expect(elapsed(execution) == year)
    }

    @Test func aTimestampInTheFarFutureFailsAndOneInTheFarPastEndsTheWaitAtOnce() throws {
        let future = try run(waitOn("TimestampPath"), input: ["v": "9999-12-31T23:59:59Z"])
        #expect(future.failure?.error == StatesErrorName.runtime)
        #expect(future.failure?.cause.hasSuffix("Wait state delay is too long.") == true)
        let past = try run(waitOn("TimestampPath"), input: ["v": "0001-01-01T00:00:00Z"])
        #expect(past.status == .succeeded)
        #expect(elapsed(past) == 0)
    }

    @Test func aTimestampYearsAfterTheVirtualStartIsReachedAndTheYearCountsOnFromThere() throws {
        let execution = try run("""
            {"StartAt": "Until", "States": {
              "Until": {"Type": "Wait", "Timestamp": "2030-01-01T00:00:00Z", "Next": "Long"},
              "Long": {"Type": "Wait", "SecondsPath": "$.v", "End": true}}}
            """, input: ["v": 40_000_000])
        #expect(execution.status == .timedOut)
        #expect(execution.eventTypes.suffix(2) == ["WaitStateEntered", "ExecutionTimedOut"])
        #expect(VirtualTime.iso8601(execution.now) == "2031-01-01T00:00:00.000Z")
    }

    @Test func aTaskReportingItsTimeoutAfterAHugeTimeoutSecondsPathTimesTheExecutionOut() throws {
        let timingOut = ClosureTaskSource { _ in .failed(ExecutionError(StatesErrorName.timeout, cause: "")) }
        let execution = try run("""
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:111111111111:function:f",
              "TimeoutSecondsPath": "$.t", "End": true}}}
            """, input: ["t": 9_223_372_036_854_775_807], source: timingOut)
        #expect(execution.status == .timedOut)
        #expect(elapsed(execution) == year)
    }

    @Test func anExpressExecutionTimesOutAfterFiveMinutes() throws {
        var options = ExecutionOptions()
        options.type = .express
        var execution = Execution(definition: try machine("""
            {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 600, "End": true}}}
            """), input: [:], options: options)
        try execution.run()
        #expect(execution.status == .timedOut)
        #expect(elapsed(execution) == 300_000)
    }

    @Test func theDefinitionsTimeoutSecondsComesBeforeTheYear() throws {
        let execution = try run("""
            {"StartAt": "W", "TimeoutSeconds": 99999999, "States": {"W": {"Type": "Wait", "Seconds": 99999999, "End": true}}}
            """)
        #expect(execution.status == .timedOut)
        #expect(elapsed(execution) == year)
    }

    @Test func aJSONataWaitOutsideAWSsSecondsRangeFailsTheState() throws {
        let execution = try run("""
            {"QueryLanguage": "JSONata", "StartAt": "W",
             "States": {"W": {"Type": "Wait", "Seconds": "{% $states.input.v %}", "End": true}}}
            """, input: ["v": 100_000_000])
        #expect(execution.failure?.error == StatesErrorName.queryEvaluationError)
        #expect(execution.failure?.cause.contains("from 0 to 99999999") == true)
    }

    @Test func aStartTimeAtTheEndOfTimeStillRunsAndTimesOutThere() throws {
        var options = ExecutionOptions()
        options.startTime = .max - 1000
        var execution = Execution(definition: try machine("""
            {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 5, "End": true}}}
            """), input: [:], options: options)
        try execution.run()
        #expect(execution.status == .timedOut)
        #expect(execution.history.all.last!.timestamp == .max)
    }
}

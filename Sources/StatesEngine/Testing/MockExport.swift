/// Turns an execution (recorded by AWS or run locally) into a Step Functions Local mock
/// configuration test case, its input and its expected result: a reproduced failure becomes a
/// regression test for `asldb test`.
public struct MockExport: Sendable {
    /// The test case's mock configuration (`StateMachines` + `MockedResponses`).
    public var mockConfiguration: JSON
    public var input: JSON
    /// `{"status", "output"}` or `{"status", "error", "cause"}`, as `asldb test` checks it.
    public var expected: JSON
    /// States whose later entries answered differently from the first: Step Functions Local
    /// replays one sequence for every entry, so those entries may not reproduce.
    public var warnings: [String]

    /// Builds the export. Response names are prefixed with the test case so that several
    /// exports can share one file.
    public init(history: RecordedHistory, stateMachine: String, testCase: String) {
        var mapping = JSONObject()
        var responses = JSONObject()
        var warnings: [String] = []
        var firstEntry: [String: RecordedTaskEntry] = [:]
        for entry in history.taskEntries {
            if let first = firstEntry[entry.stateName] {
                if !Self.sameAnswers(first, entry) {
                    warnings.append("Task state '\(entry.stateName)' answered entry \(entry.ordinal + 1) differently from entry 1; "
                        + "the mock configuration replays entry 1's answers for every entry")
                }
                continue
            }
            firstEntry[entry.stateName] = entry
            var attempts = JSONObject()
            for (number, attempt) in entry.attempts.enumerated() {
                guard let response = attempt.response, let mocked = Self.mocked(response, lambdaFunction: entry.eventPrefix == "LambdaFunction") else { continue }
                attempts[String(number)] = mocked
            }
            guard !attempts.isEmpty else { continue }
            let name = testCase + "." + entry.stateName
            mapping[entry.stateName] = .string(name)
            responses[name] = .object(attempts)
        }
        mockConfiguration = [
            "StateMachines": .object([stateMachine: ["TestCases": .object([testCase: .object(mapping)])]]),
            "MockedResponses": .object(responses),
        ]
        input = history.input
        expected = Self.expectation(history.terminal)
        self.warnings = warnings
    }

    /// The export of a local execution.
    public init(execution: Execution, stateMachine: String, testCase: String) throws(ReplayProblem) {
        self.init(history: try RecordedHistory(events: execution.history.all.map(RecordedHistory.Event.init)),
                  stateMachine: stateMachine, testCase: testCase)
    }

    /// A mocked Lambda function ARN returns the Invoke response whose Payload is the result.
    /// Nil for a task that could not start: the format has no such answer (for an activity,
    /// leaving the state out of the test case has the same effect).
    static func mocked(_ response: TaskResponse, lambdaFunction: Bool) -> JSON? {
        switch response {
        case .succeeded(let value):
            return ["Return": lambdaFunction ? ["StatusCode": 200, "Payload": value] : value]
        case .failed(let error):
            if error.missing == [.error, .cause] {
                // How a mock writes a failure that reported nothing (MockConfiguration reads it back so).
                return ["Throw": ["Error": .string(StatesErrorName.taskFailed)]]
            }
            var thrown: JSONObject = [:]
            if !error.missing.contains(.error) { thrown["Error"] = .string(error.error) }
            if !error.missing.contains(.cause) { thrown["Cause"] = .string(error.cause) }
            return ["Throw": .object(thrown)]
        case .after(_, let response):
            // Step Functions Local answers at once; the delay is not part of its format.
            return mocked(response, lambdaFunction: lambdaFunction)
        case .cannotStart:
            return nil
        }
    }

    static func sameAnswers(_ a: RecordedTaskEntry, _ b: RecordedTaskEntry) -> Bool {
        a.attempts.count == b.attempts.count && zip(a.attempts, b.attempts).allSatisfy { x, y in
            x.response.flatMap { mocked($0, lambdaFunction: false) } == y.response.flatMap { mocked($0, lambdaFunction: false) }
        }
    }

    static func expectation(_ terminal: RecordedHistory.Event?) -> JSON {
        guard let terminal else { return .object([:]) }
        let details = terminal.details ?? [:]
        switch terminal.type.rawValue {
        case "ExecutionSucceeded": return ["status": "SUCCEEDED", "output": details["output"] ?? .null]
        default:
            var out: JSONObject = ["status": terminal.type == .executionTimedOut ? "TIMED_OUT" : "FAILED"]
            if let error = details["error"] { out["error"] = error }
            if let cause = details["cause"] { out["cause"] = cause }
            return .object(out)
        }
    }
}

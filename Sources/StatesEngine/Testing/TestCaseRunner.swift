/// Runs the test cases of a Step Functions Local mock configuration against a definition and
/// checks each against its expected result, as `asldb test` does.
public struct TestCaseRunner: Sendable {
    /// One test case: its name, input and (optional) expectation.
    public struct Case: Sendable {
        public var name: String
        public var input: JSON
        /// `{"status", "output", "error", "cause"}`; absent members are not checked.
        public var expected: JSON?
        public init(name: String, input: JSON = .object([:]), expected: JSON? = nil) {
            self.name = name
            self.input = input
            self.expected = expected
        }
    }

    /// How one case ended.
    public struct Result: Sendable {
        public enum Verdict: Sendable, Equatable {
            case passed
            /// The execution ran but differs from the expectation.
            case failed(String)
            /// The case could not run (a task nobody answers, a broken mock).
            case error(String)
        }
        public var name: String
        public var verdict: Verdict
        public var status: ExecutionStatus?
        public var execution: Execution?
    }

    public var definition: StateMachine
    public var configuration: MockConfiguration
    public var stateMachine: String?
    /// Asked before the mock configuration (local handlers, nested machines).
    public var sources: [any TaskSource]
    public var options: ExecutionOptions

    public init(definition: StateMachine, configuration: MockConfiguration, stateMachine: String?,
                sources: [any TaskSource] = [], options: ExecutionOptions = ExecutionOptions()) {
        self.definition = definition
        self.configuration = configuration
        self.stateMachine = stateMachine
        self.sources = sources
        self.options = options
    }

    public func run(_ testCase: Case) -> Result {
        var options = self.options
        do {
            let mock = try configuration.source(stateMachine: stateMachine, testCase: testCase.name)
            options.taskSource = CompositeTaskSource(sources + [mock])
        } catch {
            return Result(name: testCase.name, verdict: .error(error.message))
        }
        if let stateMachine { options.stateMachineName = stateMachine }
        var execution = Execution(definition: definition, input: testCase.input, options: options)
        do {
            try execution.run()
        } catch {
            return Result(name: testCase.name, verdict: .error(error.description), execution: execution)
        }
        let verdict = Self.check(execution.resultJSON, against: testCase.expected).map(Result.Verdict.failed) ?? .passed
        return Result(name: testCase.name, verdict: verdict, status: execution.status, execution: execution)
    }

    /// What differs between a result and its expectation, or nil when it matches.
    public static func check(_ result: JSON, against expected: JSON?) -> String? {
        guard let expected else { return nil }
        for key in ["status", "error", "cause", "output"] {
            guard let want = expected[key] else { continue }
            let got = result[key] ?? .null
            if !RecordedValue.matches(want, got) {
                return "expected \(key) \(JSONPrinter.compact(want)), got \(JSONPrinter.compact(got))"
            }
        }
        return nil
    }
}

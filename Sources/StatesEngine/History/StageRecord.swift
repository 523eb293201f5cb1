/// The values a state visit went through, in AWS order, as the TestState API names them.
/// Each is shared with the execution's data, so recording them costs no copies.
public struct StageRecord: Sendable {
    public var input: JSON?
    /// JSONata states: the task's (or branches') input that Arguments made.
    public var afterArguments: JSON?
    public var afterInputPath: JSON?
    public var afterParameters: JSON?
    public var result: JSON?
    public var afterResultSelector: JSON?
    public var afterResultPath: JSON?
    public var output: JSON?
    /// Retry and Catch's handling of the error this visit raised, if any.
    public var errorDetails: ErrorDetails? {
        get { errorBox?.details }
        set { errorBox = newValue.map(ErrorBox.init) }
    }
    // Boxed: most visits raise nothing, and every StateExited event holds a record.
    private var errorBox: ErrorBox?

    private final class ErrorBox: Sendable {
        let details: ErrorDetails
        init(_ details: ErrorDetails) { self.details = details }
    }

    public init(input: JSON? = nil) { self.input = input }

    /// Whether no stage has been recorded.
    @inline(__always)
    var isEmpty: Bool {
        input == nil && afterArguments == nil && afterInputPath == nil && afterParameters == nil && result == nil && afterResultSelector == nil
            && afterResultPath == nil && output == nil && errorBox == nil
    }

    /// The stages that were reached, named as TestState names them.
    public var named: [(name: String, value: JSON)] {
        let all: [(String, JSON?)] = [
            ("input", input), ("afterArguments", afterArguments), ("afterInputPath", afterInputPath), ("afterParameters", afterParameters),
            ("result", result), ("afterResultSelector", afterResultSelector),
            ("afterResultPath", afterResultPath), ("output", output),
        ]
        return all.compactMap { name, value in value.map { (name, $0) } }
    }
}

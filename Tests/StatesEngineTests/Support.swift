import StatesEngine
import Testing

/// Loads a definition written inline in a test; fails the test when it does not load.
func machine(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> StateMachine {
    let loaded = DefinitionLoader.load(text: text)
    return try #require(loaded.machine, "\(loaded.diagnostics)", sourceLocation: sourceLocation)
}

/// Runs an execution to the end.
func run(_ definition: String, input: JSON = [:], source: any TaskSource = NoTaskSource(), seed: UInt64 = 0) throws -> Execution {
    var execution = Execution(definition: try machine(definition), input: input,
                              options: ExecutionOptions(taskSource: source, seed: seed))
    try execution.run()
    return execution
}

extension Execution {
    /// The event type names, in order.
    var eventTypes: [String] { history.all.map(\.type.rawValue) }
}

import StepDebugger

/// `asldb run --format trace` and `asldb trace`: the session drives the execution and the trace
/// writer prints it.
extension RunInvocation {
    /// The debug session for this invocation's definition, input, mocks, seed and injections.
    func sessionSetup() throws(CommandFailure) -> (SessionSetup, [Injection]) {
        let machine = try loadDefinition(command: "trace")
        let inputValue = try input.map { path throws(CommandFailure) in try ReplayFiles(command: "trace", read: read).readInput(path) } ?? .object([:])
        var source: any TaskSource = NoTaskSource()
        if let mockConfig {
            guard let testCase else { throw CommandFailure("asldb trace: --mock-config needs --test-case NAME to choose the test case") }
            source = try mockSource(mockConfig, testCase: testCase)
        }
        let files = ReplayFiles(command: "trace", read: read)
        let local = ReplayFiles.localSources(handlers: try files.handlers(handlers), children: try files.stateMachines(children).children,
                                             options: ExecutionOptions(seed: seed), handlerTimeout: handlerTimeout)
        if !local.isEmpty { source = CompositeTaskSource(local + [source]) }
        var setup = SessionSetup(definition: machine, input: inputValue, seed: seed, taskSource: source,
                                 definitionPath: definition, mockConfigPath: mockConfig, testCase: testCase,
                                 stateMachineName: stateMachine)
        setup.options.type = type
        let names = machine.allStateNames
        var injections: [Injection] = []
        for spec in inject {
            do {
                injections.append(try Injection.parse(spec, stateNames: names))
            } catch {
                throw CommandFailure("asldb trace: --inject: \(error.description)")
            }
        }
        return (setup, injections)
    }

    func runTrace() -> Outcome {
        do throws(CommandFailure) {
            let (setup, injections) = try sessionSetup()
            var session = DebugSession(setup)
            for injection in injections {
                do {
                    try session.arm(injection)
                } catch {
                    throw CommandFailure("asldb trace: --inject: \(error.description)")
                }
            }
            let title = setup.definition.comment ?? (definition == "-" ? "<stdin>" : definition)
            let text = TraceWriter(style: TextStyle(enabled: color)).trace(&session, title: title)
            let final = session.current
            var outcome = Outcome(output: text, exitCode: final.status == .succeeded ? ExitStatus.ok : ExitStatus.failed)
            if !final.isFinished {
                // The last pause said why (a Task nobody answers); repeat it where scripts look.
                var probe = session
                if case .engineError(let message) = probe.step().reason { outcome.errors = ["asldb trace: " + message] }
                outcome.exitCode = ExitStatus.usage
            }
            return outcome
        } catch {
            return Outcome(errors: [error.message], exitCode: error.exitCode)
        }
    }
}

import StatesEngine

/// Reading what `asldb replay`, `asldb test` and `asldb run` share: definitions (plain, or the
/// output of `describe-state-machine`), JSON files, and the local task code options.
struct ReplayFiles {
    typealias Reader = DefinitionReader
    var command: String
    var read: Reader

    static func displayName(_ path: String) -> String { path == "-" ? "<stdin>" : path }

    func readJSON(_ path: String, what: String) throws(CommandFailure) -> JSON {
        let bytes: [UInt8]
        do {
            bytes = try read(path)
        } catch {
            throw CommandFailure("asldb \(command): cannot read the \(what): \(error.description)")
        }
        do {
            return try JSONParser().parse(bytes)
        } catch {
            throw CommandFailure("\(Self.displayName(path)):\(error.location): error: the \(what) is not valid JSON: \(error.message)")
        }
    }

    /// A definition file (JSON, YAML, `TEMPLATE#NAME`), or `describe-state-machine` output
    /// whose `definition` is JSON text.
    func loadDefinition(_ path: String) throws(CommandFailure) -> StateMachine {
        let definition: NamedDefinition
        do {
            definition = try DefinitionLoader.load(reference: path, validate: false, read: read)
        } catch {
            throw CommandFailure("asldb \(command): \(error.description)")
        }
        let name = definition.name
        var loaded = definition.loaded
        var sourceFile = definition.sourceFile
        if let described = loaded.document?.value, described["States"] == nil, let text = described["definition"]?.stringValue {
            sourceFile = name + " (its \"definition\")"
            loaded = DefinitionLoader.load(text: text, fileName: sourceFile, validate: false)
        }
        let refusal = loaded.machine == nil ? "is not a state machine definition asldb can load" : "cannot be run as written"
        return try loaded.runnableMachine(sourceFile: sourceFile, refusal: "asldb \(command): \(name) \(refusal); fix the errors above")
    }

    /// `--handler NAME=COMMAND` arguments.
    func handlers(_ arguments: [String]) throws(CommandFailure) -> [HandlerSpec] {
        var out: [HandlerSpec] = []
        for argument in arguments {
            guard let spec = HandlerSpec(argument: argument) else {
                throw CommandFailure("asldb \(command): --handler \(argument): expected NAME=COMMAND, where NAME is a state name, a Lambda function name or a resource ARN")
            }
            out.append(spec)
        }
        return out
    }

    /// `--state-machine` values: `NAME=FILE` maps a child state machine to a local definition;
    /// one plain NAME chooses the mock configuration's state machine.
    func stateMachines(_ arguments: [String]) throws(CommandFailure) -> (mockMachine: String?, children: [String: StateMachine]) {
        var mockMachine: String?
        var children: [String: StateMachine] = [:]
        for argument in arguments {
            if let equals = argument.firstIndex(of: "=") {
                let name = String(argument[..<equals])
                let file = String(argument[argument.index(after: equals)...])
                guard !name.isEmpty, !file.isEmpty else {
                    throw CommandFailure("asldb \(command): --state-machine \(argument): expected NAME=FILE (a child state machine's name or ARN and its definition)")
                }
                children[name] = try loadDefinition(file)
            } else if let earlier = mockMachine, earlier != argument {
                throw CommandFailure("asldb \(command): --state-machine names two mock configuration state machines (\(earlier), \(argument)); give one, and map children as NAME=FILE")
            } else {
                mockMachine = argument
            }
        }
        return (mockMachine, children)
    }

    /// The task sources asked before a mock configuration or a recording.
    static func localSources(handlers: [HandlerSpec], children: [String: StateMachine], options: ExecutionOptions,
                             handlerTimeout: Int64 = 60) -> [any TaskSource] {
        var sources: [any TaskSource] = []
        if !handlers.isEmpty { sources.append(HandlerTaskSource(handlers: handlers, defaultTimeoutSeconds: handlerTimeout)) }
        if !children.isEmpty {
            sources.append(NestedExecutionSource(machines: children, childSources: sources, options: options))
        }
        return sources
    }
}

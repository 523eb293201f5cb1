import StatesEngine

/// Reading what `asldb replay`, `asldb test` and `asldb run` share: definitions (plain, or the
/// output of `describe-state-machine`), JSON files, and the local task code options.
struct ReplayFiles {
    typealias Reader = DefinitionReader
    var command: String
    var read: Reader

    static func displayName(_ path: String) -> String { path == "-" ? "<stdin>" : path }

    func readJSON(_ path: String, what: String) throws(CommandFailure) -> JSON {
        try parseJSON(try bytes(path, what: what), path: path, what: what)
    }

    private func bytes(_ path: String, what: String) throws(CommandFailure) -> [UInt8] {
        do {
            return try read(path)
        } catch {
            throw CommandFailure("asldb \(command): cannot read the \(what): \(error.description)")
        }
    }

    private func parseJSON(_ bytes: [UInt8], path: String, what: String) throws(CommandFailure) -> JSON {
        do {
            return try JSONParser().parse(bytes)
        } catch {
            throw CommandFailure("\(Self.displayName(path)):\(error.location): error: the \(what) is not valid JSON: \(error.message)")
        }
    }

    /// An execution input file: a JSON document, or `aws stepfunctions describe-execution` output,
    /// whose `input` is the input as JSON text (a problem in it is reported where it is in the file).
    func readInput(_ path: String, what: String = "input") throws(CommandFailure) -> JSON {
        let bytes = try bytes(path, what: what)
        let json = try parseJSON(bytes, path: path, what: what)
        guard case .object(let object) = json, object["executionArn"]?.stringValue != nil, object["stateMachineArn"]?.stringValue != nil,
              object["input"] != nil || object["inputDetails"] != nil else { return json }
        guard let document = try? JSONParser(recordLocations: true).parseDocument(bytes, fileName: path),
              let embedded = EmbeddedJSONText(document, member: "input", bytes: bytes) else {
            throw CommandFailure("\(Self.displayName(path)): error: this describe-execution output holds no input (it is left out when "
                                 + "the execution data is not included); give the execution's input as a JSON file instead")
        }
        do {
            return try JSONParser().parse(embedded.text)
        } catch {
            throw CommandFailure("\(Self.displayName(path)):\(embedded.map(error.location)): error: the \(what) (the \"input\" text of "
                                 + "describe-execution output, line \(error.location.line), column \(error.location.column)) is not valid JSON: "
                                 + error.message)
        }
    }

    /// A definition file (JSON, YAML, `TEMPLATE#NAME`, or `describe-state-machine` output).
    func loadDefinition(_ path: String) throws(CommandFailure) -> StateMachine {
        let definition: NamedDefinition
        do {
            definition = try DefinitionLoader.load(reference: path, validate: false, read: read)
        } catch {
            throw CommandFailure("asldb \(command): \(error.description)")
        }
        let loaded = definition.loaded
        let refusal = loaded.machine == nil ? "is not a state machine definition asldb can load" : "cannot be run as written"
        return try loaded.runnableMachine(sourceFile: definition.sourceFile,
                                          refusal: "asldb \(command): \(definition.name) \(refusal); fix the errors above")
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

import StatesEngine

/// Reading what `asldb run` is given, with messages that say which file, where, and what to do.
enum RunInputs {
    static func loadDefinition(_ path: String) throws(CommandFailure) -> StateMachine {
        let loaded: LoadedDefinition
        do {
            // Semantic validation is `asldb validate`'s job; run whatever loads into a model, as a
            // stricter check here would refuse definitions that AWS runs.
            loaded = try DefinitionLoader.load(file: path, validate: false)
        } catch {
            throw CommandFailure("asldb run: \(error.description)")
        }
        let name = path == "-" ? "<stdin>" : path
        guard let machine = loaded.machine else {
            let lines = loaded.errors.map { $0.formatted(fileName: name) }
            throw CommandFailure((lines + ["asldb run: \(name) is not a valid state machine definition; fix the errors above (asldb validate \(name) lists them all)"]).joined(separator: "\n"))
        }
        return machine
    }

    static func readJSON(_ path: String, what: String) throws(CommandFailure) -> JSON {
        let bytes: [UInt8]
        do {
            bytes = try DefinitionFile.read(path)
        } catch {
            throw CommandFailure("asldb run: \(what) \(error.description)")
        }
        let name = path == "-" ? "<stdin>" : path
        do {
            return try JSONParser().parse(bytes)
        } catch {
            throw CommandFailure("\(name):\(error.location): error: the \(what) is not valid JSON: \(error.message)")
        }
    }

    static func mockSource(_ path: String, testCase: String, stateMachine: String?) throws(CommandFailure) -> MockTaskSource {
        let json = try readJSON(path, what: "mock configuration")
        let name = path == "-" ? "<stdin>" : path
        do {
            return try MockConfiguration(json: json).source(stateMachine: stateMachine, testCase: testCase)
        } catch {
            throw CommandFailure("\(name): error: \(error.message)")
        }
    }
}

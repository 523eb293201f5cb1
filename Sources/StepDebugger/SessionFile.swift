import Glibc

/// A saved session: what to load (definition, input, mocks), the seed, the task results seen,
/// the injections and breakpoints, and where the cursor was. Stored as JSON.
public struct SessionFile: Sendable, Equatable {
    /// A task result the session saw, replayed when the file is loaded without its mock file.
    public struct TaskResult: Sendable, Equatable {
        public var state: String
        public var attempt: Int
        /// `{"Return": …}` or `{"Throw": {"Error": …, "Cause": …}}`, as in a mock configuration.
        public var response: JSON
    }

    public static let marker = "asldbSession"
    public var definitionPath: String
    public var input: JSON
    public var seed: UInt64
    public var mockConfigPath: String?
    public var testCase: String?
    public var stateMachineName: String?
    /// The state machine's type; absent in the file for a Standard one.
    public var type = StateMachineType.standard
    public var taskResults: [TaskResult]
    public var injections: [String]
    /// Breakpoint specs with whether each is enabled.
    public var breakpoints: [(spec: String, enabled: Bool)]
    /// Events recorded at the cursor when saved.
    public var position: Int

    public static func == (a: SessionFile, b: SessionFile) -> Bool {
        a.json == b.json
    }

    /// The file's JSON document.
    public var json: JSON {
        var o: JSONObject = [Self.marker: 1, "definition": .string(definitionPath), "input": input,
                             "seed": .string(String(seed)), "position": .int(position)]
        if let mockConfigPath { o["mockConfig"] = .string(mockConfigPath) }
        if let testCase { o["testCase"] = .string(testCase) }
        if let stateMachineName { o["stateMachine"] = .string(stateMachineName) }
        if type != .standard { o["type"] = .string(type.rawValue) }
        o["taskResults"] = .array(taskResults.map { ["state": .string($0.state), "attempt": .int($0.attempt), "response": $0.response] })
        o["injections"] = .array(injections.map { .string($0) })
        o["breakpoints"] = .array(breakpoints.map { ["spec": .string($0.spec), "enabled": .bool($0.enabled)] })
        return .object(o)
    }

    /// Reads a session document, saying which member is wrong and how.
    public init(json: JSON, path: String) throws(SessionError) {
        func fail(_ message: String) -> SessionError { .sessionFile(path: path, message) }
        guard let o = json.objectValue, o[Self.marker]?.intValue == 1 else {
            throw fail("not an asldb session file (it has no \"\(Self.marker)\": 1); save one with the debugger's save command")
        }
        guard let definition = o["definition"]?.stringValue else { throw fail("/definition must be the definition file's path (a string)") }
        guard let input = o["input"] else { throw fail("/input is missing") }
        guard let seedText = o["seed"]?.stringValue, let seed = UInt64(seedText) else { throw fail("/seed must be a string holding a whole number ≥ 0") }
        definitionPath = definition
        self.input = input
        self.seed = seed
        mockConfigPath = o["mockConfig"]?.stringValue
        testCase = o["testCase"]?.stringValue
        stateMachineName = o["stateMachine"]?.stringValue
        if let text = o["type"] {
            guard let type = text.stringValue.flatMap(StateMachineType.init(rawValue:)) else {
                throw fail("/type must be \"STANDARD\" or \"EXPRESS\"")
            }
            self.type = type
        }
        position = Int(o["position"]?.intValue ?? 0)
        taskResults = []
        for (i, item) in (o["taskResults"]?.arrayValue ?? []).enumerated() {
            guard let state = item["state"]?.stringValue, let attempt = item["attempt"]?.intValue, let response = item["response"] else {
                throw fail("/taskResults/\(i) needs \"state\", \"attempt\" and \"response\"")
            }
            taskResults.append(TaskResult(state: state, attempt: Int(attempt), response: response))
        }
        injections = []
        for (i, item) in (o["injections"]?.arrayValue ?? []).enumerated() {
            guard let spec = item.stringValue else { throw fail("/injections/\(i) must be a string like STATE=ERROR@0-1") }
            injections.append(spec)
        }
        breakpoints = []
        for (i, item) in (o["breakpoints"]?.arrayValue ?? []).enumerated() {
            guard let spec = item["spec"]?.stringValue else { throw fail("/breakpoints/\(i)/spec must be a string like enter:STATE") }
            breakpoints.append((spec, item["enabled"]?.boolValue ?? true))
        }
    }

    init(definitionPath: String, input: JSON, seed: UInt64, position: Int) {
        self.definitionPath = definitionPath
        self.input = input
        self.seed = seed
        self.position = position
        taskResults = []
        injections = []
        breakpoints = []
    }

    /// Reads and checks a session file.
    public static func read(_ path: String) throws(SessionError) -> SessionFile {
        let bytes: [UInt8]
        do {
            bytes = try DefinitionFile.read(path)
        } catch {
            throw .sessionFile(path: path, error.description)
        }
        do {
            return try SessionFile(json: JSONParser().parse(bytes), path: path)
        } catch let error as SessionError {
            throw error
        } catch {
            throw .sessionFile(path: path, "not valid JSON: \(error)")
        }
    }

    /// Writes the file atomically (a temporary file renamed over the target). An existing file is
    /// replaced only if it is a session of the same definition, or when `replacing` is true.
    public func write(to path: String, replacing: Bool = false) throws(SessionError) {
        if !replacing, access(path, F_OK) == 0 {
            let existing: SessionFile
            do {
                existing = try Self.read(path)
            } catch {
                throw .sessionFile(path: path, "exists and is not an asldb session; choose another name or remove it first")
            }
            guard existing.definitionPath == definitionPath else {
                throw .sessionFile(path: path, "holds a session of \(existing.definitionPath), not \(definitionPath); choose another name or remove it first")
            }
        }
        let temporary = path + ".tmp-\(getpid())"
        let bytes = Array((JSONPrinter.pretty(json) + "\n").utf8)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw .sessionFile(path: path, "cannot write (\(String(cString: strerror(errno))))") }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { break }
            offset += n
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard offset == bytes.count, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw .sessionFile(path: path, "cannot write (\(String(cString: strerror(errno))))")
        }
    }
}

import Glibc
import StepDebugger

/// Loads the samples under `samples/` into sessions, as `asldb trace` does.
enum Samples {
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static func path(_ relative: String) -> String { root + "/" + relative }

    static func json(_ relative: String) throws -> JSON {
        try JSONParser().parse(try DefinitionFile.read(path(relative)))
    }

    /// A session on `samples/FOLDER/FOLDER.asl.json` (or `definition`), its input and mock test case.
    static func session(_ folder: String, definition: String? = nil, input: String = "input.json",
                        testCase: String? = nil, seed: UInt64 = 0) throws -> DebugSession {
        let file = "samples/\(folder)/\(definition ?? folder + ".asl.json")"
        let loaded = DefinitionLoader.load(bytes: try DefinitionFile.read(path(file)), fileName: file, validate: false)
        guard let machine = loaded.machine else { throw SampleProblem(message: "\(file) does not load") }
        var source: any TaskSource = NoTaskSource()
        if let testCase {
            source = try MockConfiguration(json: json("samples/\(folder)/mock-config.json")).source(stateMachine: nil, testCase: testCase)
        }
        return DebugSession(SessionSetup(definition: machine, input: try json("samples/\(folder)/\(input)"), seed: seed,
                                         taskSource: source, definitionPath: path(file),
                                         mockConfigPath: testCase.map { _ in path("samples/\(folder)/mock-config.json") }, testCase: testCase))
    }

    static func order(_ testCase: String = "HappyPath") throws -> DebugSession {
        try session("order-processing", testCase: testCase)
    }
}

struct SampleProblem: Error { var message: String }

/// Reads and writes golden files; `ASLDB_RECORD_GOLDENS=1` re-records instead of comparing.
enum Golden {
    static var recording: Bool { getenv("ASLDB_RECORD_GOLDENS").map { String(cString: $0) == "1" } ?? false }

    static func path(_ name: String) -> String { Samples.root + "/Tests/StepDebuggerTests/Goldens/" + name }

    /// The golden text, or nil after recording `actual` (or when the file is missing).
    static func expected(_ name: String, actual: String) -> String? {
        if recording {
            guard let file = fopen(path(name), "w") else { return nil }
            fputs(actual, file)
            fclose(file)
            return nil
        }
        guard let bytes = try? DefinitionFile.read(path(name)) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import StatesEngine

/// Writes an exported test case into a directory: `mock-config.json` (the test case is added to
/// an existing file), `<TestCase>.input.json` and `<TestCase>.expected.json`. Nothing is
/// overwritten: a name already taken gets `-2`, `-3`, ...; every file appears whole or not at all.
struct ExportTestWriter {
    struct Written {
        var testCase: String
        var files: [String]
    }

    struct Failure: Error {
        var message: String
    }

    static let mockFile = "mock-config.json"

    func write(_ export: MockExport, to directory: String, testCase: String) throws(Failure) -> Written {
        try makeDirectory(directory)
        let mockPath = directory + "/" + Self.mockFile
        var existing: JSON?
        if let bytes = readFile(mockPath) {
            guard let parsed = try? JSONParser().parse(bytes), parsed.objectValue != nil else {
                throw Failure(message: "\(mockPath) exists and is not a mock configuration; choose another directory")
            }
            existing = parsed
        }
        let machine = export.mockConfiguration["StateMachines"]?.objectValue?.keys.first ?? "M"
        var name = testCase
        var suffix = 1
        while existing?["StateMachines"]?[machine]?["TestCases"]?[name] != nil
                || fileExists(directory + "/" + name + ".input.json") || fileExists(directory + "/" + name + ".expected.json") {
            suffix += 1
            name = testCase + "-" + String(suffix)
        }
        let renamed = name == testCase ? export : Self.renamed(export, from: testCase, to: name)
        let merged = Self.merge(renamed.mockConfiguration, into: existing)
        let inputPath = directory + "/" + name + ".input.json"
        let expectedPath = directory + "/" + name + ".expected.json"
        try writeNew(inputPath, JSONPrinter.pretty(renamed.input))
        try writeNew(expectedPath, JSONPrinter.pretty(renamed.expected))
        try writeReplacing(mockPath, JSONPrinter.pretty(merged), mustBeNew: existing == nil)
        return Written(testCase: name, files: [mockPath, inputPath, expectedPath])
    }

    static func renamed(_ export: MockExport, from old: String, to new: String) -> MockExport {
        var copy = export
        var states = JSONObject()
        var responses = JSONObject()
        let machine = export.mockConfiguration["StateMachines"]?.objectValue?.keys.first ?? "M"
        for (state, response) in export.mockConfiguration["StateMachines"]?[machine]?["TestCases"]?[old]?.objectValue ?? [:] {
            let newName = new + String((response.stringValue ?? "").dropFirst(old.count))
            states[state] = .string(newName)
            responses[newName] = export.mockConfiguration["MockedResponses"]?[response.stringValue ?? ""] ?? .null
        }
        copy.mockConfiguration = ["StateMachines": .object([machine: ["TestCases": .object([new: .object(states)])]]),
                                  "MockedResponses": .object(responses)]
        return copy
    }

    static func merge(_ addition: JSON, into existing: JSON?) -> JSON {
        guard case .object(var root)? = existing else { return addition }
        var machines = root["StateMachines"]?.objectValue ?? [:]
        for (machine, value) in addition["StateMachines"]?.objectValue ?? [:] {
            var entry = machines[machine]?.objectValue ?? [:]
            var cases = entry["TestCases"]?.objectValue ?? [:]
            for (name, mapping) in value["TestCases"]?.objectValue ?? [:] { cases[name] = mapping }
            entry["TestCases"] = .object(cases)
            machines[machine] = .object(entry)
        }
        var responses = root["MockedResponses"]?.objectValue ?? [:]
        for (name, response) in addition["MockedResponses"]?.objectValue ?? [:] { responses[name] = response }
        root["StateMachines"] = .object(machines)
        root["MockedResponses"] = .object(responses)
        return .object(root)
    }

    // MARK: - Files

    private func makeDirectory(_ path: String) throws(Failure) {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw Failure(message: "cannot create the directory (\(String(cString: strerror(errno))))")
        }
    }

    private func fileExists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    private func readFile(_ path: String) -> [UInt8]? {
        try? DefinitionFile.read(path)
    }

    /// Writes a temporary file next to `path`, then links it into place: link fails if `path`
    /// exists, so nothing is overwritten even if another process raced us.
    private func writeNew(_ path: String, _ text: String) throws(Failure) {
        let temporary = try writeTemporary(path, text)
        defer { unlink(temporary) }
        if link(temporary, path) != 0 {
            throw Failure(message: "cannot create \(path) (\(String(cString: strerror(errno))))")
        }
    }

    /// Replaces `path` atomically with a version that keeps its previous test cases.
    private func writeReplacing(_ path: String, _ text: String, mustBeNew: Bool) throws(Failure) {
        if mustBeNew { return try writeNew(path, text) }
        let temporary = try writeTemporary(path, text)
        if rename(temporary, path) != 0 {
            unlink(temporary)
            throw Failure(message: "cannot update \(path) (\(String(cString: strerror(errno))))")
        }
    }

    private func writeTemporary(_ path: String, _ text: String) throws(Failure) -> String {
        var template = Array((path + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure(message: "cannot write next to \(path) (\(String(cString: strerror(errno))))") }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var bytes = Array((text + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 {
                close(fd)
                unlink(temporary)
                throw Failure(message: "cannot write \(temporary)")
            }
            offset += n
        }
        fsync(fd)
        close(fd)
        return temporary
    }
}

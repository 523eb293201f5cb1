import Glibc
import Testing

/// Where the built binary and the fixtures are.
enum ValidateBinary {
    static let packageRoot: String = {
        var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()
    static let path = packageRoot + "/.build/debug/asldb"
    static let exists = access(path, X_OK) == 0
    static let fixtures = packageRoot + "/Tests/StatesLanguageFixtures"
}

/// The real `asldb validate` binary: exit codes and standard input, as a shell sees them.
@Suite(.enabled(if: ValidateBinary.exists, "build asldb first (swift build)"))
struct ValidateBinaryTests {

    /// Runs the binary with `arguments`, feeding `input` to standard input; returns stdout, stderr, status.
    func run(_ arguments: [String], input: String = "") throws -> (out: String, err: String, status: Int32) {
        var inPipe: [Int32] = [0, 0], outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        try #require(pipe(&inPipe) == 0 && pipe(&outPipe) == 0 && pipe(&errPipe) == 0)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in inPipe + outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }
        let argv = ([ValidateBinary.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        try #require(posix_spawn(&pid, ValidateBinary.path, &actions, nil, argv, environ) == 0)
        close(inPipe[0]); close(outPipe[1]); close(errPipe[1])
        _ = input.utf8CString.withUnsafeBufferPointer { write(inPipe[1], $0.baseAddress, $0.count - 1) }
        close(inPipe[1])
        // The outputs are small, so reading one pipe to its end before the other cannot deadlock.
        let out = readAll(outPipe[0]), err = readAll(errPipe[0])
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return (out, err, (status >> 8) & 0xFF)
    }

    func readAll(_ fd: Int32) -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        close(fd)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func validFileExitsZero() throws {
        let result = try run(["validate", ValidateBinary.fixtures + "/valid/legacy-iterator.json"])
        #expect(result.out.hasSuffix("legacy-iterator.json: valid (3 states)\n"))
        #expect(result.status == 0)
    }

    @Test func invalidStandardInputExitsOne() throws {
        let result = try run(["validate", "-"], input: #"{"StartAt": "A", "States": {"A": {"Type": "Pass"}}}"#)
        #expect(result.out == """
            <stdin>:1:29: error MISSING_END_STATE: state 'A' has neither 'Next' nor 'End: true' (at $.States.A)
            <stdin>: invalid (1 error)

            """)
        #expect(result.status == 1)
    }

    @Test func missingFileExitsTwoWithItsName() throws {
        let result = try run(["validate", "/no/such/flow.json"])
        #expect(result.err == "asldb validate: /no/such/flow.json: no such file\n")
        #expect(result.status == 2)
    }

    @Test func yamlDefinitionsAndTemplatesAreChecked() throws {
        let formats = ValidateBinary.fixtures + "/formats/"
        let yaml = try run(["validate", formats + "order.asl.yaml"])
        #expect(yaml.out == formats + "order.asl.yaml: valid (6 states)\n")
        #expect(yaml.status == 0)
        let template = try run(["validate", "--quiet", formats + "orders.template.yaml"])
        #expect(template.out == "" && template.status == 0)
        let names = try run(["validate", formats + "orders.template.yaml"]).out.split(separator: "\n").map { $0.split(separator: "/").last ?? "" }
        #expect(names == [
            "orders.template.yaml#OrderMachine: valid (3 states)", "orders.template.yaml#GreetMachine: valid (2 states)",
            "orders.template.yaml#CallMachine: valid (1 state)", "orders.template.yaml#FileMachine: valid (6 states)",
            "4 definitions in 1 file checked: 4 valid, 0 invalid; 0 errors, 0 warnings",
        ])
    }

    @Test func yamlOnStandardInputIsRecognisedByItsContent() throws {
        let result = try run(["validate", "-"], input: "StartAt: A\nStates:\n  A: {Type: Succeed}\n")
        #expect(result.out == "<stdin>: valid (1 state)\n")
        #expect(result.status == 0)
    }
}

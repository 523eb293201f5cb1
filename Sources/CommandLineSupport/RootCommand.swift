import ArgumentParser
import StatesEngine
import StatesJSON

import Glibc

/// The `asldb` command and its subcommands.
public struct RootCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "asldb",
        abstract: "A debugger and local runner for AWS Step Functions state machines (Amazon States Language).",
        discussion: """
            Exit codes: 0 success (valid / SUCCEEDED), 1 the checked thing failed (invalid \
            definition, execution FAILED or TIMED_OUT), 2 usage error or unreadable input.
            """,
        version: AsldbVersion.string,
        subcommands: [ValidateCommand.self, RunCommand.self, DebugCommand.self, TraceCommand.self, TraceBenchmarkCommand.self, ReplayCommand.self, TestCasesCommand.self, JSONataCommand.self]
    )

    public init() {}

    /// Parses the arguments, runs the command and exits with asldb's documented exit codes.
    /// This is the one place where errors become messages and exit codes.
    public static func runMain(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Glibc.exit(ExitStatus.ok)
        } catch let failure as CommandFailure {
            if !failure.message.isEmpty { printError(failure.message) }
            Glibc.exit(failure.exitCode)
        } catch let code as ExitCode {
            Glibc.exit(code.rawValue)
        } catch {
            // ArgumentParser's own errors: help and version are clean exits, the rest usage errors.
            let message = fullMessage(for: error)
            if exitCode(for: error) == .success {
                print(message)
                Glibc.exit(ExitStatus.ok)
            }
            printError(message)
            Glibc.exit(ExitStatus.usage)
        }
    }
}

/// asldb's exit codes.
public enum ExitStatus {
    public static let ok: Int32 = 0
    /// The checked thing failed: an invalid definition, an execution that FAILED or TIMED_OUT.
    public static let failed: Int32 = 1
    /// Usage error or unreadable input.
    public static let usage: Int32 = 2
}

/// An error a command reports to the user: the message (already located and phrased for
/// people) and the exit code.
public struct CommandFailure: Error, Sendable {
    public var message: String
    public var exitCode: Int32

    public init(_ message: String, exitCode: Int32 = ExitStatus.usage) {
        self.message = message
        self.exitCode = exitCode
    }
}

/// Writes a message for people to standard error, ending its line: through `TerminalText.message`,
/// so that nothing from a user's file drives the terminal and an echoed megabyte is cut.
public func printError(_ message: String) {
    writeAll(TerminalText.message(message), to: 2)
}

/// Writes a command's output to standard output, ending its line unless `terminator` says
/// otherwise. Control and bidirectional characters are escaped (JSON stays valid JSON); `human`
/// output (verdicts, listings) also has overlong lines cut, data never; `raw` text is written as
/// it is (a coloured trace, whose writer escaped its data piece by piece).
func printOutput(_ text: String, terminator: String = "\n", human: Bool = false, raw: Bool = false) {
    let safe = raw ? text : human ? TerminalText.message(text) : TerminalText.safe(text, keepingLines: true)
    writeAll(safe + terminator, to: 1, endingLine: false)
}

/// Writes the whole text to a file descriptor, straight to it: Glibc's `stdout` and `stderr`
/// globals are not concurrency-safe in Swift 6.
private func writeAll(_ text: String, to descriptor: Int32, endingLine: Bool = true) {
    var bytes = Array(text.utf8)
    if endingLine && bytes.last != 0x0A { bytes.append(0x0A) }
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
        if n <= 0 { break }
        offset += n
    }
}

/// The version printed by `asldb --version`.
public enum AsldbVersion {
    public static let string = "0.1.0"
}

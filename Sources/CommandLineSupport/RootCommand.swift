import ArgumentParser
import StatesEngine

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

/// Writes one line to standard error.
public func printError(_ message: String) {
    var text = message
    if !text.hasSuffix("\n") { text += "\n" }
    // Write straight to fd 2: Glibc's `stderr` global is not concurrency-safe in Swift 6.
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress! + offset, $0.count - offset) }
        if n <= 0 { break }
        offset += n
    }
}

/// The version printed by `asldb --version`.
public enum AsldbVersion {
    public static let string = "0.1.0"
}

import ArgumentParser
import StatesEngine

/// The `asldb` command and its subcommands.
public struct RootCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "asldb",
        abstract: "A debugger and local runner for AWS Step Functions state machines (Amazon States Language).",
        version: AsldbVersion.string,
        subcommands: []
    )

    public init() {}
}

/// The version printed by `asldb --version`.
public enum AsldbVersion {
    public static let string = "0.1.0"
}

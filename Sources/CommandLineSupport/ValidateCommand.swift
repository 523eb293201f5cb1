import ArgumentParser
import StatesEngine

/// `asldb validate FILE...`
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check state machine definitions and report every problem with its place.")

    @Argument(help: "Definition files (.json / .asl.json), or - for standard input.")
    var files: [String]

    func run() throws {
        throw CommandFailure("asldb validate: not implemented yet")
    }
}

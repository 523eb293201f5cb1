import ArgumentParser
import StatesEngine

/// `asldb run DEFINITION ...`
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a state machine headless and print its result or its execution history.")

    @Argument(help: "The definition file, or - for standard input.")
    var definition: String

    func run() throws {
        throw CommandFailure("asldb run: not implemented yet")
    }
}

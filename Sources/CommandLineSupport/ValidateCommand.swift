import ArgumentParser
import StatesEngine

/// `asldb validate FILE...`
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check state machine definitions and report every problem with its place.",
        discussion: """
            Prints one line per problem (file:line:col: error CODE: message (at $.path)), then \
            whether each file is valid. Exit codes: 0 all valid (warnings allowed), 1 a definition \
            is invalid, 2 a file could not be read.
            """)

    @Argument(help: "Definition files (JSON, YAML, describe-state-machine output, or templates, checked state machine by state machine; TEMPLATE#NAME checks one), or - for standard input.")
    var files: [String]

    @Flag(name: .shortAndLong, help: "Print only the problems, not the per-file verdicts and summary.")
    var quiet = false

    @Flag(help: "Treat warnings as errors.")
    var warningsAsErrors = false

    func run() throws {
        let check = DefinitionCheck(options: .init(quiet: quiet, warningsAsErrors: warningsAsErrors))
        let outcome = check.run(files)
        for line in outcome.output { printOutput(line, human: true) }
        for line in outcome.errors { printError(line) }
        if outcome.exitCode != ExitStatus.ok {
            throw CommandFailure("", exitCode: outcome.exitCode)
        }
    }
}

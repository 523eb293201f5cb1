import StatesEngine

/// The logic of `asldb validate`, free of process I/O so tests can call it directly.
struct DefinitionCheck {
    struct Options {
        var quiet = false
        var warningsAsErrors = false
    }

    /// What the command writes and how it exits.
    struct Outcome: Equatable {
        var output: [String] = []
        var errors: [String] = []
        var exitCode: Int32 = ExitStatus.ok
    }

    var options = Options()
    /// Reads a file's bytes; injectable so tests need no real standard input.
    var read: (String) throws(DefinitionReadError) -> [UInt8] = { path throws(DefinitionReadError) in try DefinitionFile.read(path) }

    func run(_ paths: [String]) -> Outcome {
        var outcome = Outcome()
        var valid = 0, invalid = 0, unreadable = 0, errorCount = 0, warningCount = 0
        for path in paths {
            let name = path == "-" ? "<stdin>" : path
            let bytes: [UInt8]
            do {
                bytes = try read(path)
            } catch {
                outcome.errors.append("asldb validate: \(error.description)")
                unreadable += 1
                continue
            }
            let loaded = DefinitionLoader.load(bytes: bytes, fileName: name)
            var diagnostics = loaded.diagnostics
            if options.warningsAsErrors {
                diagnostics = diagnostics.map { var d = $0; d.severity = .error; return d }
            }
            let errors = diagnostics.filter(\.isError).count
            let warnings = diagnostics.count - errors
            errorCount += errors
            warningCount += warnings
            outcome.output += diagnostics.map { $0.formatted(fileName: name) }
            if errors == 0 {
                valid += 1
                let states = loaded.stateCount
                if !options.quiet {
                    let extra = warnings == 0 ? "" : ", \(count(warnings, "warning"))"
                    outcome.output.append("\(name): valid (\(count(states, "state"))\(extra))")
                }
            } else {
                invalid += 1
                if !options.quiet {
                    let extra = warnings == 0 ? "" : ", \(count(warnings, "warning"))"
                    outcome.output.append("\(name): invalid (\(count(errors, "error"))\(extra))")
                }
            }
        }
        if paths.count > 1 && !options.quiet {
            var parts = ["\(valid) valid", "\(invalid) invalid"]
            if unreadable > 0 { parts.append("\(unreadable) unreadable") }
            outcome.output.append("\(count(paths.count, "file")) checked: \(parts.joined(separator: ", ")); "
                                  + "\(count(errorCount, "error")), \(count(warningCount, "warning"))")
        }
        outcome.exitCode = unreadable > 0 ? ExitStatus.usage : invalid > 0 ? ExitStatus.failed : ExitStatus.ok
        return outcome
    }

    func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}

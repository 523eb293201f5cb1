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
    var read: DefinitionReader = { path throws(DefinitionReadError) in try DefinitionFile.read(path) }

    func run(_ paths: [String]) -> Outcome {
        var outcome = Outcome()
        var valid = 0, invalid = 0, unreadable = 0, errorCount = 0, warningCount = 0
        for path in paths {
            let definitions: [NamedDefinition]
            do {
                definitions = try DefinitionLoader.loadAll(path, read: read)
            } catch {
                outcome.errors.append("asldb validate: \(error.description)")
                unreadable += 1
                continue
            }
            // A template holds one definition for each state machine it declares.
            for definition in definitions {
                let name = definition.name
                let loaded = definition.loaded
                var diagnostics = loaded.diagnostics
                if options.warningsAsErrors {
                    diagnostics = diagnostics.map { var d = $0; d.severity = .error; return d }
                }
                let errors = diagnostics.filter(\.isError).count
                let warnings = diagnostics.count - errors
                errorCount += errors
                warningCount += warnings
                outcome.output += diagnostics.map { $0.formatted(fileName: definition.sourceFile) }
                let extra = warnings == 0 ? "" : ", \(count(warnings, "warning"))"
                if errors == 0 {
                    valid += 1
                    if !options.quiet { outcome.output.append("\(name): valid (\(count(loaded.stateCount, "state"))\(extra))") }
                } else {
                    invalid += 1
                    if !options.quiet { outcome.output.append("\(name): invalid (\(count(errors, "error"))\(extra))") }
                }
            }
        }
        let checked = valid + invalid
        if (paths.count > 1 || checked > 1) && !options.quiet {
            var parts = ["\(valid) valid", "\(invalid) invalid"]
            if unreadable > 0 { parts.append("\(unreadable) unreadable") }
            let what = checked + unreadable == paths.count
                ? count(paths.count, "file")
                : "\(count(checked, "definition")) in \(count(paths.count, "file"))"
            outcome.output.append("\(what) checked: \(parts.joined(separator: ", ")); "
                                  + "\(count(errorCount, "error")), \(count(warningCount, "warning"))")
        }
        outcome.exitCode = unreadable > 0 ? ExitStatus.usage : invalid > 0 ? ExitStatus.failed : ExitStatus.ok
        return outcome
    }

    func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}

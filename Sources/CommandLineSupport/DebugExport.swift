import DebuggerUI

/// The debugger's `x`: the execution as far as it has run, written as a Step Functions Local
/// mock configuration test case (plus its input and expected result) that `asldb test` runs.
enum DebugExport {
    static func exporter(directory: String, stateMachine: String, testCase: String) -> DebuggerApp.Exporter {
        { session in
            let execution = session.timeline[session.timeline.count - 1]
            guard execution.isFinished else {
                return ("run the execution to its end first (c), then x exports it as a test case", true)
            }
            do {
                let export = try MockExport(execution: execution, stateMachine: stateMachine, testCase: testCase)
                let written = try ExportTestWriter().write(export, to: directory, testCase: testCase)
                return ("wrote test case \(written.testCase) to \(directory)/ · asldb test \(directory)/\(ExportTestWriter.mockFile) --definition …", false)
            } catch let failure as ExportTestWriter.Failure {
                return ("export: " + failure.message, true)
            } catch {
                return ("export: \(error)", true)
            }
        }
    }

    /// `samples/order/order.asl.json` → `samples/order/asldb-tests`.
    static func defaultDirectory(besides definition: String) -> String {
        sibling("asldb-tests", of: definition)
    }

    /// `name` in the folder of `path`: `a/b.json` → `a/NAME`, `b.json` → `./NAME`, `/b.json` → `/NAME`.
    static func sibling(_ name: String, of path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return "./" + name }
        return parts.dropLast().joined(separator: "/") + "/" + name
    }
}

extension DebuggerApp {
    /// Gives the app what only the command line can do: write the execution as a test case
    /// (`x`, into `exportDirectory` or `asldb-tests` beside the definition) and read the edited
    /// definition again (`R`).
    mutating func attachFiles(definition: String, command: String, stateMachine: String, testCase: String,
                              exportDirectory: String? = nil) {
        exporter = DebugExport.exporter(directory: exportDirectory ?? DebugExport.defaultDirectory(besides: definition),
                                        stateMachine: stateMachine, testCase: testCase)
        reloader = DefinitionReload.reloader(path: definition, command: command)
    }
}

/// The debugger's `R`: reads the definition file again after the user edited it.
enum DefinitionReload {
    static func reloader(path: String, command: String) -> DebuggerApp.Reloader {
        { load(path: path, command: command) }
    }

    static func load(path: String, command: String) -> Result<StateMachine, DebuggerApp.ReloadProblem> {
        let files = ReplayFiles(command: command, read: { path throws(DefinitionReadError) in try DefinitionFile.read(path) })
        do throws(CommandFailure) {
            return .success(try files.loadDefinition(path))
        } catch {
            // The first line carries the place (file:line:col) of the first problem.
            return .failure(DebuggerApp.ReloadProblem(error.message.split(separator: "\n").first.map(String.init) ?? error.message))
        }
    }
}

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
        let parts = definition.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        let folder = parts.joined(separator: "/")
        return (parts.isEmpty ? "." : folder.isEmpty ? "" : folder) + "/asldb-tests"
    }
}

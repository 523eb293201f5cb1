import Testing
@testable import DebuggerUI

/// The whole debugger over every real-world definition the loader accepts: it opens, runs with
/// every task answered by hand, and draws every moment inside an 80×24 window.
@Suite struct DebuggerCorpusTests {
    @Test func everyDefinitionOpensRunsAndDraws() throws {
        let size = Size(width: 80, height: 24)
        var drawn = 0
        for (path, machine) in GraphCorpusTests.machines() {
            var app = DebuggerApp(session: DebugSession(SessionSetup(definition: machine, input: .object([:]))), title: path)
            _ = app.update(.resize(size))
            // Step; whenever a Task waits for a result nobody gives, answer it with {}.
            for _ in 0..<8 where !app.session.current.isFinished {
                app.press(.char("s"))
                if app.waitingTask != nil {
                    app.press(.char("a"), .enter)
                }
                let screen = app.view(size)
                drawn += 1
                for row in screen.rows() {
                    #expect(cellWidth(row) == size.width, "\(path): a row is \(cellWidth(row)) cells wide")
                }
            }
            app.press(.char("u"), .tab, .char("j"), .tab, .end)
            _ = app.view(size)
        }
        #expect(drawn > 0)
    }
}

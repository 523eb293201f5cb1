import Glibc
import Testing
import StepDebugger

/// Saving a session and loading it back, as a user sharing a reproduction would.
@Suite struct SessionFileTests {
    func temporaryPath(_ name: String) -> String {
        let dir = "/tmp/asldb-session-tests-\(getpid())"
        mkdir(dir, 0o755)
        return dir + "/" + name
    }

    @Test func aSavedSessionLoadsWithItsBreakpointsInjectionsAndPosition() throws {
        var session = try Samples.order("HappyPath")
        try session.arm("ProcessPayment=PaymentProcessingError@0")
        let bp = try session.addBreakpoint("enter:ShipOrder")
        try session.addBreakpoint("if:$.total > 40")
        try session.setBreakpoint(bp.id, enabled: false)
        _ = session.continueRunning()
        _ = session.continueRunning()
        let path = temporaryPath("roundtrip.asldb.json")
        try session.saved().write(to: path)

        let file = try SessionFile.read(path)
        #expect(file.injections == ["ProcessPayment=PaymentProcessingError@0"])
        #expect(file.breakpoints.map(\.spec) == ["enter:ShipOrder", "if:$.total > 40"])
        #expect(file.breakpoints.map(\.enabled) == [false, true])
        var restored = try DebugSession.restore(file, definition: session.setup.definition, taskSource: session.setup.taskSource)
        #expect(restored.cursor == session.cursor)
        _ = restored.continueRunning()
        var original = session
        _ = original.continueRunning()
        #expect(restored.history.all.map(\.type) == original.history.all.map(\.type))
    }

    @Test func aSessionSavedAtTheEndReplaysItsTaskResultsWithoutTheMockFile() throws {
        var session = try Samples.order("PaymentRetriesThenSucceeds")
        _ = session.continueRunning()
        let path = temporaryPath("replay.asldb.json")
        try session.saved().write(to: path)
        try session.saved().write(to: path) // the same session's file may be replaced
        var restored = try DebugSession.restore(try SessionFile.read(path), definition: session.setup.definition)
        _ = try restored.jump(toEvent: 0)
        #expect(restored.continueRunning().reason == .finished(.succeeded))
        #expect(restored.history.all.map { "\($0.timestamp) \($0.type)" } == session.history.all.map { "\($0.timestamp) \($0.type)" })
    }

    @Test func openingASavedFileLoadsTheDefinitionAndTheMockConfiguration() throws {
        var session = try Samples.order("PaymentDeclined")
        try session.addBreakpoint("catch")
        _ = session.continueRunning()
        let path = temporaryPath("open.asldb.json")
        try session.saved().write(to: path, replacing: true)
        var opened = try DebugSession.open(path)
        #expect(opened.cursor == session.cursor)
        #expect(opened.pause(.moved).visit?.errorDetails?.catchIndex == 0)
        #expect(opened.continueRunning().reason == .finished(.succeeded))
    }

    @Test func savingNeverOverwritesAnUnrelatedFile() throws {
        let path = temporaryPath("notes.txt")
        let f = fopen(path, "w")
        fputs("my notes\n", f)
        fclose(f)
        let session = try Samples.order()
        do {
            try session.saved().write(to: path)
            Issue.record("an unrelated file was overwritten")
        } catch {
            #expect(error.description.contains("is not an asldb session"))
        }
        #expect(String(decoding: try DefinitionFile.read(path), as: UTF8.self) == "my notes\n")
    }

    @Test func malformedSessionFilesSayWhatIsWrong() throws {
        #expect(throws: SessionError.self) { try SessionFile(json: ["hello": 1], path: "s.json") }
        do {
            _ = try SessionFile(json: ["asldbSession": 1, "definition": "d.json", "input": [:], "seed": "x"], path: "s.json")
        } catch {
            #expect(error.description == "s.json: /seed must be a string holding a whole number ≥ 0")
        }
        let path = temporaryPath("broken.json")
        let f = fopen(path, "w")
        fputs("{\"asldbSession\": ", f)
        fclose(f)
        #expect(throws: SessionError.self) { try SessionFile.read(path) }
    }
}

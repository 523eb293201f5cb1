import StepDebugger
import Testing

/// Executions near AWS's 25 000-event limit: the session keeps the execution after every event,
/// so what it keeps must grow with each event, not with the whole execution each time.
@Suite struct LongExecutionTests {
    static let items = 6_000

    func session() throws -> DebugSession {
        let loaded = DefinitionLoader.load(text: """
            {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.items",
              "ItemProcessor": {"StartAt": "Keep", "States": {"Keep": {"Type": "Pass", "End": true}}}, "End": true}}}
            """)
        let machine = try #require(loaded.machine)
        let input: JSON = ["items": .array((0..<Self.items).map { JSON.int($0) })]
        return DebugSession(SessionSetup(definition: machine, input: input))
    }

    // A hang guard only: the trace used to take seconds and half a gigabyte here.
    @Test(.timeLimit(.minutes(1))) func aTraceOfSixThousandMapIterationsEndsWithEveryResult() throws {
        var session = try session()
        let text = TraceWriter().trace(&session, title: "map")
        #expect(session.current.status == .succeeded)
        #expect(session.current.output?.arrayValue?.count == Self.items)
        #expect(text.contains("MapIterationStarted [5999]"))
        #expect(text.contains("ExecutionSucceeded"))
    }

    @Test(.timeLimit(.minutes(1))) func anEditHalfwayThroughTheMapChangesOnlyThatIteration() throws {
        var session = try session()
        _ = session.continueRunning()
        let recorded = session.history.all
        let halfway = try #require(recorded.firstIndex { $0.type == .mapIterationStarted && $0.details?["index"] == 3_000 })
        // The Pass state of iteration 3000 has just been entered.
        _ = try session.jump(toEvent: halfway + 2)
        _ = try session.editInput(#""edited""#)
        _ = session.continueRunning()
        let output = try #require(session.current.output?.arrayValue)
        #expect(output.count == Self.items)
        #expect(output[2_999] == 2_999)
        #expect(output[3_000] == "edited")
        #expect(output[3_001] == 3_001)
    }
}

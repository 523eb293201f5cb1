import Testing
import StepDebugger

/// Watches read the moment the user looks at; a JSONata stage explains its expressions.
@Suite struct WatchTests {
    @Test func aWatchIsJSONPathOnlyWhenItIsAPathFromTheInputOrTheContext() {
        #expect(Watch("$.line.sku").language == .jsonPath)
        #expect(Watch("$$.Execution.Id").language == .jsonPath)
        #expect(Watch("$states.input.line").language == .jsonata)
        #expect(Watch("$gross * 2").language == .jsonata)
        #expect(Watch("{% $.line %}").language == .jsonata)
        #expect(Watch("$.a[?(@.b == 1)]").language == .jsonPath)
    }

    @Test func watchesReadTheInnermostStateAndFollowTheCursor() throws {
        var session = try Samples.session("jsonata-variables")
        _ = try session.run(to: "Discount")
        let moment = session.current
        #expect(Watch("$gross").read(at: moment).value == 25)
        #expect(Watch("$.line.sku").read(at: moment).value == "BOOK-7")
        #expect(Watch("$states.input.position").read(at: moment).value == 1)
        #expect(Watch("$$.State.Name").read(at: moment).value == "Discount")
        #expect(Watch("$currency & ' ' & $string($gross)").read(at: moment).value == "EUR 25")
        // Back at the iteration's first state, the variable Price assigns is not there yet.
        _ = session.restart()
        _ = try session.run(to: "Price")
        #expect(Watch("$gross").read(at: session.current).value == nil)
        #expect(Watch("$currency").read(at: session.current).value == "EUR")
    }

    @Test func aWatchThatCannotBeReadSaysWhy() throws {
        var session = try Samples.session("jsonata-variables")
        _ = try session.run(to: "Discount")
        #expect(Watch("$nothing").read(at: session.current).problem == "undefined")
        #expect(Watch("$.missing").read(at: session.current).problem != nil)
        #expect(Watch("$gross +").read(at: session.current).problem?.hasPrefix("S0") == true)
    }

    @Test func aJSONataOutputStageExplainsEachExpressionAsTheStateSawIt() throws {
        var session = try Samples.session("jsonata-variables")
        _ = session.continueRunning()
        let visit = try #require((1...session.recordedEvents).lazy.compactMap { session.visit(at: $0) }
            .first { $0.stateName == "Discount" && $0.finished })
        let explained = visit.explain(stage: "output")
        #expect(explained.map(\.field) == ["Output/position", "Output/sku", "Output/net", "Output/currency"])
        let net = try #require(explained.first { $0.field == "Output/net" })
        #expect(net.explanation.result == 22.5)
        #expect(net.explanation.lines().contains { $0.contains("$gross  → 25") })
        #expect(visit.explain(stage: "input").isEmpty)
    }
}

import Testing
@testable import DebuggerUI

@Suite struct DebuggerAppTests {
    @Test func opensPausedBeforeTheFirstStateWithTheExecutionInput() throws {
        let app = try AppHarness.app()
        let text = app.text()
        #expect(app.session.cursor == 0)
        #expect(text.contains("RUNNING"))
        #expect(text.contains("Paused before the first state"))
        #expect(text.contains("\"orderId\": \"o-1001\""))
        #expect(text.contains("ValidateOrder"))
        #expect(text.contains("no events yet"))
    }

    @Test func steppingShowsEachStateVisitsStagesUntilSucceeded() throws {
        var app = try AppHarness.app()
        app.step(until: "ValidateOrder")
        #expect(app.text().contains("Data flow · ValidateOrder (Task)"))
        app.step(until: "ProcessPayment")
        // Each stage by its TestState name, with the expression that produced it.
        app.focus = .dataFlow
        let stages = app.dataFlowRows().filter(\.isHeading).map(\.text)
        #expect(stages.contains { $0.contains("input") })
        app.step(until: "ShipOrder")
        for _ in 0..<20 where !app.session.current.isFinished { app.press(.char("s")) }
        #expect(app.text().contains("SUCCEEDED"))
        #expect(app.message.contains("SUCCEEDED"))
        let rows = app.dataFlowRows().map(\.text)
        #expect(rows.contains { $0.contains("execution") && $0.contains("SUCCEEDED") })
        #expect(rows.contains { $0.contains("afterResultPath") })
    }

    @Test func resultPathStageListsWhatChangedFromTheInput() throws {
        var app = try AppHarness.app()
        app.step(until: "ValidateOrder")
        for _ in 0..<10 where !(app.session.visit(at: app.session.cursor)?.finished ?? false) { app.press(.char("s")) }
        let headings = app.dataFlowRows().filter(\.isHeading).map(\.text)
        let resultPath = try #require(headings.first { $0.contains("afterResultPath") })
        #expect(resultPath.contains("ResultPath: $ (default)"))
        #expect(resultPath.contains("1 change from input"))
        #expect(headings.contains { $0.contains("output") && $0.contains("= afterResultPath") })
    }

    @Test func injectingThroughTheDialogFailsEveryAttemptAndTheExecutionFails() throws {
        var app = try AppHarness.app()
        app.step(until: "ProcessPayment")
        app.press(.char("e"))
        #expect(app.overlayName == "inject")
        guard case .inject(let form)? = app.overlay else { Issue.record("no inject dialog"); return }
        // The names that matter for this state come first: its Retry and Catch ErrorEquals.
        #expect(form.suggestions.prefix(3).contains("PaymentProcessingError"))
        #expect(form.suggestions.contains("PaymentFailedError"))
        #expect(form.suggestions.contains("States.Timeout"))
        #expect(app.text().contains("Inject an error into ProcessPayment"))
        // Pick PaymentProcessingError with the arrows, keep "every", arm with Enter.
        while case .inject(let f)? = app.overlay, f.error.text != "PaymentProcessingError" { app.press(.down) }
        app.press(.enter)
        #expect(app.overlay == nil)
        #expect(app.session.injections.map(\.spec) == ["ProcessPayment=PaymentProcessingError"])
        #expect(app.text().contains("⚡"))
        app.press(.char("c"))
        #expect(app.session.current.status == .failed)
        #expect(app.session.current.failure?.error == "PaymentProcessingError")
        let history = app.session.history.all
        let failures = history.filter { $0.type.rawValue == "LambdaFunctionFailed" }
        #expect(failures.map { VirtualClockText.offset($0.timestamp - app.session.setup.options.startTime) }
                == ["+0.000s", "+5.000s", "+15.000s", "+35.000s"])
        #expect(app.text().contains("FAILED"))
    }

    @Test func anEmptyErrorNameIsRefusedInPlace() throws {
        var app = try AppHarness.app()
        app.step(until: "ProcessPayment")
        app.press(.char("e"))
        for _ in 0..<40 { app.press(.backspace) }
        app.press(.enter)
        guard case .inject(let form)? = app.overlay else { Issue.record("the dialog closed"); return }
        #expect(form.problem?.contains("error name") == true)
        #expect(app.session.injections.isEmpty)
        app.press(.escape)
        #expect(app.overlay == nil)
    }

    @Test func injectingIntoANonTaskStateExplainsWhy() throws {
        var app = try AppHarness.app("choice", testCase: nil)
        app.press(.char("e"))
        #expect(app.overlay == nil)
        #expect(app.messageIsError)
        #expect(app.message.contains("Task"))
    }

    @Test func stepBackAndForwardTravelThroughTheRecordedHistory() throws {
        var app = try AppHarness.app()
        app.step(until: "ShipOrder")
        let there = app.session.cursor
        let screenThere = app.rows()
        app.press(.char("u"))
        #expect(app.session.cursor < there)
        app.press(.left, .left)
        let back = app.session.cursor
        #expect(back < there)
        #expect(app.message.contains("back in time"))
        while app.session.cursor < there { app.press(.right) }
        #expect(app.session.cursor == there)
        #expect(app.rows() == screenThere)
    }

    @Test func timelineArrowsTravelToEveryEvent() throws {
        var app = try AppHarness.app()
        app.press(.char("c"))
        let end = app.session.cursor
        app.press(.tab, .tab)
        #expect(app.focus == .timeline)
        app.press(.up)
        #expect(app.session.cursor == end - 1)
        app.press(.home)
        #expect(app.session.cursor == 0)
        app.press(.end)
        #expect(app.session.cursor == end)
    }

    @Test func breakpointOnTheSelectedStateStopsContinue() throws {
        var app = try AppHarness.app()
        // Select ShipOrder in the graph, set a breakpoint, continue to it.
        while app.selectedState != "ShipOrder" { app.press(.down) }
        app.press(.char("b"))
        #expect(app.session.breakpoints.map(\.spec) == ["enter:ShipOrder"])
        app.press(.char("c"))
        #expect(app.currentState == "ShipOrder")
        #expect(app.message.contains("breakpoint 1"))
        #expect(app.text().contains("enter:ShipOrder"))
        app.press(.char("b"))
        #expect(app.session.breakpoints.isEmpty)
    }

    @Test func conditionBreakpointFromTheDialog() throws {
        var app = try AppHarness.app()
        app.press(.char("B"))
        #expect(app.overlayName == "breakpoint")
        for _ in 0..<30 { app.press(.backspace) }
        app.type("if:$.total >")
        app.press(.enter)
        guard case .breakpoint(let form)? = app.overlay else { Issue.record("a bad condition closed the dialog"); return }
        #expect(form.problem != nil)
        app.type(" 40")
        app.press(.enter)
        #expect(app.overlay == nil)
        #expect(app.session.breakpoints.map(\.spec) == ["if:$.total > 40"])
        app.press(.char("c"))
        #expect(app.currentState == "ValidateOrder")
    }

    @Test func editingTheStateInputValidatesAndChangesTheRun() throws {
        var app = try AppHarness.app()
        app.step(until: "ValidateOrder")
        app.press(.char("i"))
        #expect(app.overlayName == "edit")
        app.type("}")
        app.press(.enter)
        guard case .edit(let form)? = app.overlay else { Issue.record("bad JSON closed the dialog"); return }
        #expect(form.problem?.contains("column") == true)
        for _ in 0..<400 { app.press(.backspace) }
        app.type("{\"orderId\": \"edited\"}")
        app.press(.enter)
        #expect(app.overlay == nil)
        app.press(.char("s"))
        // The Task's effective input is the edited one (the mock's answer then replaces it).
        let rows = app.dataFlowRows().map(\.text)
        #expect(rows.contains { $0.contains("\"edited\"") })
    }

    @Test func foldingAStageHidesItsDocument() throws {
        var app = try AppHarness.app()
        app.press(.tab)
        #expect(app.focus == .dataFlow)
        let before = app.dataFlowRows().count
        while !(app.dataFlowRows()[app.dataList.selection ?? 0].foldKey?.hasPrefix("stage:") ?? false) { app.press(.down) }
        app.press(.enter)
        let after = app.dataFlowRows()
        #expect(after.count < before)
        #expect(after.contains { $0.text.contains("▸ execution input") })
        app.press(.enter)
        #expect(app.dataFlowRows().count == before)
    }

    @Test func searchSelectsTheMatchingRowAndHighlightsIt() throws {
        var app = try AppHarness.app()
        app.press(.tab, .char("/"))
        app.type("PEN-1")
        app.press(.enter)
        #expect(app.focus == .dataFlow)
        let rows = app.dataFlowRows()
        let selected = try #require(app.dataList.selection)
        #expect(rows[selected].text.contains("PEN-1"))
        #expect(app.message.contains("match 1 of 1"))
        #expect(app.text().contains("PEN-1"))
        app.press(.char("/"))
        app.type("no-such-text")
        for _ in 0..<5 { app.press(.backspace) }
        app.press(.enter)
        #expect(app.messageIsError)
    }

    @Test func helpOverlayListsEveryKeyAndClosesWithEscape() throws {
        var app = try AppHarness.app()
        app.press(.char("?"))
        // At 80×24 the help scrolls; every key shows on one of its pages.
        var text = app.text()
        for _ in 0..<6 {
            app.press(.pageDown)
            text += app.text()
        }
        #expect(app.overlay != nil)
        for key in ["step", "next", "step out", "continue", "breakpoint", "inject", "restart", "search", "quit", "answer", "reload", "child execution", "export"] {
            #expect(text.contains(key), "help lacks \(key)")
        }
        app.press(.escape)
        #expect(app.overlay == nil)
    }

    @Test func tooSmallWindowSaysSoAndRecovers() throws {
        var app = try AppHarness.app()
        _ = app.update(.resize(Size(width: 50, height: 12)))
        let small = app.text(Size(width: 50, height: 12))
        #expect(small.contains("50×12"))
        #expect(small.contains("at least 60×16"))
        _ = app.update(.resize(Size(width: 80, height: 24)))
        #expect(app.text().contains("Graph"))
    }

    @Test func quitKeysAndTermination() throws {
        var app = try AppHarness.app()
        #expect(app.update(.key(.char("q"))) == .quit(0))
        #expect(app.update(.key(.ctrlC)) == .quit(130))
        #expect(app.update(.terminate) == .quit(143))
        app.press(.char("e"))
        // In a dialog, q is text, not quit.
        #expect(app.update(.key(.char("q"))) == .continue)
    }

    @Test func clickingATimelineEventTravelsThereAndClickingAStateSelectsIt() throws {
        var app = try AppHarness.app()
        app.press(.char("c"))
        let body = app.bodyRect(size: Size(width: 80, height: 24))
        let timeline = try #require(app.panelRects(in: body).first { $0.0 == .timeline }?.1)
        let firstVisibleRow = app.timelineList.offset
        _ = app.update(.mouse(MouseEvent(.click, at: Point(x: timeline.x + 3, y: timeline.y + 1))))
        #expect(app.focus == .timeline)
        #expect(app.session.cursor == firstVisibleRow + 1)
        let graph = try #require(app.panelRects(in: body).first { $0.0 == .graph }?.1)
        let rows = app.rows()
        // Find a state name drawn in the graph panel and click it.
        var clicked: (Int, Int)?
        for y in graph.y..<graph.maxY {
            if let range = rows[y].range(of: "ShipOrder") {
                clicked = (rows[y].distance(from: rows[y].startIndex, to: range.lowerBound), y)
            }
        }
        if let (x, y) = clicked {
            _ = app.update(.mouse(MouseEvent(.click, at: Point(x: x + 1, y: y))))
            #expect(app.selectedState == "ShipOrder")
        }
    }

    @Test func restartKeepsInjectionsAndBreakpoints() throws {
        var app = try AppHarness.app()
        app.press(.char("c"))
        #expect(app.session.current.status == .succeeded)
        app.step(until: "ProcessPayment")
        app.press(.char("b"))
        app.press(.char("r"))
        #expect(app.session.cursor == 0)
        #expect(app.session.breakpoints.count == 1)
        #expect(app.message.contains("restarted"))
        // e and b act on the first state again, not on the state the last run ended in.
        #expect(app.selectedState == "ValidateOrder")
    }

    @Test func zoomGivesTheFocusedPanelTheWholeBody() throws {
        var app = try AppHarness.app()
        app.press(.tab, .char("z"))
        let rects = app.panelRects(in: Rect(x: 0, y: 1, width: 80, height: 22))
        #expect(rects.count == 1)
        #expect(rects[0].0 == .dataFlow)
        #expect(!app.text().contains("Timeline"))
    }

    @Test func wideAndControlCharactersInStateDataStayInTheirCells() throws {
        let definition = """
            {"StartAt": "出荷", "States": {"出荷": {"Type": "Pass", "Result": {"note": "出荷 🚀 done", "bell": "a\\u001b[31mb\\u0007"}, "End": true}}}
            """
        let machine = try #require(DefinitionLoader.load(text: definition).machine)
        var app = DebuggerApp(session: DebugSession(SessionSetup(definition: machine, input: .object([:]))), title: "wide")
        _ = app.update(.resize(Size(width: 80, height: 24)))
        app.press(.char("c"))
        let screen = app.view(Size(width: 80, height: 24))
        for row in screen.rows() {
            #expect(cellWidth(row) == 80, "a row is not 80 cells: \(row)")
            #expect(!row.contains("\u{1b}"), "an escape character reached the screen")
        }
        #expect(screen.rows().joined().contains("出荷"))
    }

    @Test func aTaskNothingAnswersCanBeAnsweredByHand() throws {
        let definition = """
            {"StartAt": "Approve", "States": {
              "Approve": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                          "Parameters": {"QueueUrl": "q", "MessageBody": {"token.$": "$$.Task.Token"}},
                          "ResultPath": "$.approval",
                          "Catch": [{"ErrorEquals": ["Rejected"], "Next": "Rejected"}], "Next": "Done"},
              "Rejected": {"Type": "Fail", "Error": "Rejected"},
              "Done": {"Type": "Succeed"}}}
            """
        let machine = try #require(DefinitionLoader.load(text: definition).machine)
        let fresh = DebuggerApp(session: DebugSession(SessionSetup(definition: machine, input: ["order": 1])), title: "token")
        var app = fresh
        _ = app.update(.resize(Size(width: 100, height: 30)))
        app.press(.char("c"))
        #expect(app.messageIsError)
        #expect(app.message.hasPrefix("a answer · Approve waits for its task token"))
        app.press(.char("a"))
        #expect(app.overlayName == "answer")
        #expect(app.text(Size(width: 100, height: 30)).contains("waits for its task token"))
        for _ in 0..<2 { app.press(.backspace) }
        app.type("{\"approved\": tru")
        app.press(.enter)
        guard case .answer(let form)? = app.overlay else { Issue.record("bad JSON closed the dialog"); return }
        #expect(form.problem?.contains("column") == true)
        app.type("e}")
        app.press(.enter)
        #expect(app.overlay == nil)
        app.press(.char("c"))
        #expect(app.session.current.status == .succeeded)
        #expect(app.session.current.output?["approval"] == ["approved": true])

        // The same task answered with an error goes through Catch.
        var rejecting = fresh
        _ = rejecting.update(.resize(Size(width: 100, height: 30)))
        rejecting.press(.char("c"), .char("a"), .tab)
        rejecting.type("Rejected")
        rejecting.press(.enter, .char("c"))
        #expect(rejecting.session.current.status == .failed)
        #expect(rejecting.session.current.failure?.error == "Rejected")
    }

    @Test func answeringLaterNeedsHeartbeatsWithinHeartbeatSeconds() throws {
        let definition = """
            {"StartAt": "Approve", "States": {"Approve": {"Type": "Task",
              "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
              "Parameters": {"QueueUrl": "q", "MessageBody": {"token.$": "$$.Task.Token"}},
              "HeartbeatSeconds": 60, "End": true}}}
            """
        let machine = try #require(DefinitionLoader.load(text: definition).machine)
        var app = DebuggerApp(session: DebugSession(SessionSetup(definition: machine, input: [:])), title: "heartbeat")
        _ = app.update(.resize(Size(width: 100, height: 30)))
        app.press(.char("c"), .char("a"))
        var late = app
        // An hour later with no heartbeat: the heartbeat is missed at +60 s.
        late.press(.tab, .tab, .tab)
        late.press(.backspace)
        late.type("3600")
        late.press(.enter, .char("c"))
        #expect(late.session.current.failure?.error == "States.HeartbeatTimeout")
        // The same hour with a heartbeat every 30 s: the answer arrives.
        app.press(.tab, .tab, .tab, .backspace)
        app.type("3600")
        app.press(.tab, .backspace)
        app.type("30")
        app.press(.enter, .char("c"))
        #expect(app.session.current.status == .succeeded)
        #expect(app.text(Size(width: 100, height: 30)).contains("t=+3600.000s"))
    }

    @Test func searchInTheTimelineTravelsToTheNextMatchingEvent() throws {
        var app = try AppHarness.app(testCase: "PaymentRetriesThenSucceeds")
        app.press(.char("c"))
        app.press(.tab, .tab)
        #expect(app.focus == .timeline)
        app.press(.home, .char("/"))
        app.type("LambdaFunctionFailed")
        app.press(.enter)
        let first = app.session.cursor
        #expect(app.session.history[first - 1].type.rawValue == "LambdaFunctionFailed")
        app.press(.char("/"), .enter)
        #expect(app.session.cursor > first)
        #expect(app.session.history[app.session.cursor - 1].type.rawValue == "LambdaFunctionFailed")
    }

    @Test func aChangedStageOpensOnlyTheWayToItsChanges() throws {
        var app = try AppHarness.app()
        app.step(until: "ProcessPayment")
        for _ in 0..<10 where !(app.session.visit(at: app.session.cursor)?.finished ?? false) { app.press(.char("s")) }
        let rows = app.dataFlowText
        let stage = try #require(rows.firstIndex { $0.contains("afterResultPath") && $0.contains("1 change") })
        let tree = rows[(stage + 1)...].prefix { !$0.contains("output") }
        // The added member is open and marked; untouched containers are folded to one line.
        #expect(tree.contains { $0.hasPrefix("+") && $0.contains("\"payment\": {") })
        #expect(tree.contains { $0.contains("▸ \"customer\": { … }") })
        #expect(tree.contains { $0.contains("▸ \"items\": [ … ]") })
        // Enter on a folded container opens it.
        app.focus = .dataFlow
        let customer = try #require(app.dataFlowText.firstIndex { $0.contains("▸ \"customer\"") })
        app.dataList.selection = customer
        app.press(.enter)
        #expect(app.dataFlowText.contains { $0.contains("\"email\": \"ana@example.com\"") })
    }

    @Test func searchOpensTheFoldedStageAndContainersThatHoldTheText() throws {
        var app = try AppHarness.app()
        app.step(until: "ProcessPayment")
        for _ in 0..<10 where !(app.session.visit(at: app.session.cursor)?.finished ?? false) { app.press(.char("s")) }
        // "ana@example.com" sits in the folded input stage and in folded "customer" objects.
        #expect(!app.dataFlowText.contains { $0.contains("\"email\": \"ana@example.com\"") })
        app.press(.tab, .char("/"))
        app.type("ana@example")
        app.press(.enter)
        let selected = try #require(app.dataList.selection)
        #expect(app.dataFlowText[selected].contains("\"email\": \"ana@example.com\""))
        #expect(!app.messageIsError)
    }

    @Test func copiesOfTheAppNeverShowEachOthersData() throws {
        let start = try AppHarness.app()
        var stepped = start
        var finished = start
        stepped.press(.char("s"))
        finished.press(.char("c"))
        // Both copies draw through one cache; each still shows its own moment.
        #expect(stepped.dataFlowText.first?.contains("ValidateOrder") == true)
        #expect(finished.dataFlowText.first?.contains("execution SUCCEEDED") == true)
        #expect(stepped.dataFlowText.first?.contains("ValidateOrder") == true)
        #expect(stepped.text().contains("RUNNING") && finished.text().contains("SUCCEEDED"))
    }

    @Test func aVisitInsideAMapIterationNamesItsItem() throws {
        var app = try AppHarness.app("map", testCase: nil)
        var headings: [String] = []
        while !app.session.current.isFinished {
            app.press(.char("s"))
            if let first = app.dataFlowText.first, first.hasPrefix("LineTotal") { headings.append(first) }
        }
        #expect(headings.contains { $0.contains("Map item 0") })
        #expect(headings.contains { $0.contains("Map item 1") })
        #expect(!headings.contains { $0.contains("Map item 2") })
    }
}

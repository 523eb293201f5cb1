import Foundation
import Testing
@testable import CommandLineSupport
import DebuggerUI

/// `asldb debug` and `asldb replay` opening the debugger: what they load, and what the user sees.
@Suite struct DebugCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    func parse(_ arguments: [String]) throws -> DebugCommand {
        try DebugCommand.parse(arguments)
    }

    @Test func aSampleFolderSuppliesItsInputAndMocks() throws {
        let command = try parse([Self.root + "/samples/order-processing/order-processing.asl.json"])
        let (app, notes) = try command.makeApp()
        #expect(notes?.contains("input.json") == true)
        #expect(notes?.contains("mock-config.json") == true)
        #expect(notes?.contains("test case HappyPath of 5") == true)
        #expect(app.session.setup.testCase == "HappyPath")
        #expect(app.session.setup.input["orderId"] == "o-1001")
        #expect(app.title.hasPrefix("order-processing.asl.json · "))
    }

    @Test func flagsOverrideTheFolderAndArmInjectionsAndBreakpoints() throws {
        let folder = Self.root + "/samples/order-processing/"
        let command = try parse([folder + "order-processing.asl.json", "--input", folder + "input-empty-order.json",
                                 "--test-case", "PaymentDeclined", "--inject", "ProcessPayment=Boom@0",
                                 "--break", "enter:ShipOrder"])
        let (app, _) = try command.makeApp()
        #expect(app.session.setup.testCase == "PaymentDeclined")
        #expect(app.session.injections.map(\.spec) == ["ProcessPayment=Boom@0"])
        #expect(app.session.breakpoints.map(\.spec) == ["enter:ShipOrder"])
    }

    @Test func badInputSaysWhereAndExitsTwo() throws {
        let missing = try parse(["/nonexistent/order.asl.json"])
        #expect(throws: CommandFailure.self) { try missing.makeApp() }
        do {
            _ = try missing.makeApp()
        } catch {
            #expect(error.exitCode == 2)
            #expect(error.message.contains("/nonexistent/order.asl.json"))
            #expect(error.message.hasPrefix("asldb debug:"))
        }
        // A definition with errors: each error with its place, then the command's own line.
        let directory = try temporaryDirectory()
        try #"{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nope"}}}"#.write(toFile: directory + "/bad.json", atomically: true, encoding: .utf8)
        let bad = try parse([directory + "/bad.json"])
        do {
            _ = try bad.makeApp()
            Issue.record("a definition with errors opened")
        } catch {
            #expect(error.message.contains("bad.json:1:45: error MISSING_TRANSITION_TARGET"))
            #expect(error.message.contains("asldb debug: "))
            #expect(!error.message.contains("asldb run"))
        }
        let folder = Self.root + "/samples/order-processing/"
        let badBreak = try parse([folder + "order-processing.asl.json", "--break", "enter:NoSuchState"])
        #expect(throws: CommandFailure.self) { try badBreak.makeApp() }
    }

    @Test func aReplayOpensAtTheStartAndStopsWhereItDepartsFromTheRecording() throws {
        let directory = try temporaryDirectory()
        let changed = try String(contentsOfFile: fixturePath("order.asl.json"), encoding: .utf8).replacingOccurrences(of: "$.payment", with: "$.charge")
        try changed.write(toFile: directory + "/changed.json", atomically: true, encoding: .utf8)
        let invocation = ReplayInvocation(history: fixturePath("order.history.json"), definition: directory + "/changed.json")
        let (session, divergence, _) = try invocation.debugSession()
        #expect(divergence?.localEventId == 9)
        var app = DebuggerApp(session: session, title: "replay")
        app.replay = DebuggerApp.ReplayContext(source: "order.history.json", divergence: divergence)
        _ = app.update(.resize(Size(width: 100, height: 30)))
        _ = app.update(.key(.char("c")))
        #expect(app.session.cursor == 9)
        #expect(app.messageIsError)
        #expect(app.message.contains("departs from the recording"))
        let text = app.view(Size(width: 100, height: 30)).rows().joined(separator: "\n")
        #expect(text.contains("recorded event 9"))
        // A fork: stepping on runs live past the departure.
        _ = app.update(.key(.char("c")))
        #expect(app.session.current.isFinished)
        #expect(app.session.current.output?["charge"] != nil)
    }

    @Test func exportWritesATestCaseThatAsldbTestPasses() throws {
        let directory = try temporaryDirectory()
        let folder = Self.root + "/samples/order-processing/"
        let command = try parse([folder + "order-processing.asl.json", "--test-case", "PaymentAlwaysFails",
                                 "--export-dir", directory])
        var app = try command.makeApp().0
        _ = app.update(.key(.char("x")))
        #expect(app.messageIsError)
        #expect(app.message.contains("run the execution to its end"))
        _ = app.update(.key(.char("c")))
        _ = app.update(.key(.char("x")))
        #expect(!app.messageIsError, "\(app.message)")
        #expect(FileManager.default.fileExists(atPath: directory + "/mock-config.json"))
        #expect(FileManager.default.fileExists(atPath: directory + "/Debug.expected.json"))
        // A second export never overwrites the first.
        _ = app.update(.key(.char("x")))
        #expect(app.message.contains("Debug-2"))
        var test = TestCasesInvocation(mockConfig: directory + "/mock-config.json", definition: folder + "order-processing.asl.json")
        test.expectedDirectory = directory
        let outcome = test.run().outcome
        #expect(outcome.exitCode == 0, "\(outcome.output) \(outcome.errors)")
    }

    @Test func reloadingAnEditedDefinitionRunsBackToTheSameEvent() throws {
        let directory = try temporaryDirectory()
        let folder = Self.root + "/samples/order-processing/"
        for name in ["order-processing.asl.json", "input.json", "mock-config.json"] {
            try FileManager.default.copyItem(atPath: folder + name, toPath: directory + "/" + name)
        }
        let path = directory + "/order-processing.asl.json"
        var app = try parse([path, "--break", "enter:ShipOrder"]).makeApp().0
        _ = app.update(.resize(Size(width: 100, height: 30)))
        _ = app.update(.key(.char("c")))
        #expect(app.currentState == "ShipOrder")
        let position = app.session.cursor
        let original = try String(contentsOfFile: path, encoding: .utf8)
        // Break the file: the debugger says where, and keeps the session as it was.
        try (original + "}").write(toFile: path, atomically: true, encoding: .utf8)
        _ = app.update(.key(.char("R")))
        #expect(app.messageIsError)
        #expect(app.message.contains(path + ":"))
        #expect(app.session.cursor == position)
        // A real edit: ShipOrder now keeps its result apart from the order.
        let edited = original.replacingOccurrences(of: "\"ShipOrder\": {", with: "\"ShipOrder\": {\n      \"ResultPath\": \"$.shipment\",")
        #expect(edited != original)
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        _ = app.update(.key(.char("R")))
        #expect(!app.messageIsError, "\(app.message)")
        #expect(app.session.cursor == position)
        #expect(app.session.breakpoints.map(\.spec) == ["enter:ShipOrder"])
        _ = app.update(.key(.char("c")))
        #expect(app.session.current.output?["shipment"] != nil)
    }

    @Test func steppingIntoAChildExecutionAndBackOut() throws {
        var app = try parse([fixturePath("parent.asl.json"), "--state-machine", "Child=" + fixturePath("child.asl.json")]).makeApp().0
        _ = app.update(.resize(Size(width: 100, height: 30)))
        _ = app.update(.key(.char(">")))
        #expect(app.messageIsError, "nothing to step into before the Task is entered")
        _ = app.update(.key(.char("s")))
        #expect(app.currentState == "RunChild")
        let parentPosition = app.session.cursor
        _ = app.update(.key(.char(">")))
        #expect(app.title.hasPrefix("child Child"))
        #expect(app.session.cursor == 0)
        #expect(app.session.setup.input == ["who": "world"])
        _ = app.update(.key(.char("c")))
        #expect(app.session.current.status == .succeeded)
        let childOutput = app.session.current.output
        _ = app.update(.key(.char("<")))
        #expect(!app.title.hasPrefix("child"))
        #expect(app.session.cursor == parentPosition)
        _ = app.update(.key(.char("c")))
        #expect(app.session.current.status == .succeeded)
        #expect(app.session.current.output?["Output"] == childOutput)
    }

    @Test func aHandlersStandardErrorIsShownWithItsStateVisit() throws {
        let folder = Self.root + "/samples/order-processing/"
        let handler = "ShipOrder=echo 'label printer warming up' >&2; echo '{\"shipped\": true}'"
        var app = try parse([folder + "order-processing.asl.json", "--handler", handler]).makeApp().0
        _ = app.update(.resize(Size(width: 100, height: 40)))
        while app.currentState != "ShipOrder" { _ = app.update(.key(.char("s"))) }
        _ = app.update(.key(.char("s")))
        let text = app.dataFlowText.joined(separator: "\n")
        #expect(text.contains("handler runs"))
        #expect(text.contains("exited 0"))
        #expect(text.contains("│ label printer warming up"))
        _ = app.update(.key(.char("c")))
        #expect(app.session.current.output == ["shipped": true])
    }

    /// The on-call story: a failed execution's history opens in the debugger, the user sees the
    /// retries AWS made, forks with a fixed definition, answers the task the recording never
    /// reached, exports the case, and `asldb test` runs it.
    @Test func aFailedExecutionIsReproducedForkedExportedAndTested() throws {
        let directory = try temporaryDirectory()
        let definition = directory + "/order.asl.json"
        try FileManager.default.copyItem(atPath: Self.root + "/samples/order-processing/order-processing.asl.json", toPath: definition)
        let invocation = ReplayInvocation(history: fixturePath("order-failed.history.json"), definition: definition)
        let (session, divergence, _) = try invocation.debugSession()
        #expect(divergence == nil)
        var app = DebuggerApp(session: session, title: "replay")
        app.replay = DebuggerApp.ReplayContext(source: "order-failed.history.json", divergence: nil)
        app.attachFiles(definition: definition, command: "replay", stateMachine: "OrderProcessing", testCase: "Reproduced",
                        exportDirectory: directory + "/tests")
        _ = app.update(.resize(Size(width: 100, height: 30)))
        _ = app.update(.key(.char("c")))
        #expect(app.session.current.status == .failed)
        #expect(app.session.current.failure?.error == "PaymentProcessingError")
        let failures = app.session.history.all.filter { $0.type.rawValue == "LambdaFunctionFailed" }
        #expect(failures.count == 4)
        // Back to the second attempt: its retry arithmetic is on screen.
        while app.session.cursor > failures[1].id { _ = app.update(.key(.char("u"))) }
        #expect(app.dataFlowText.contains { $0.contains("retry 2 of 3") })
        // The fix: catch PaymentProcessingError too. R reloads it and runs back to here.
        let text = try String(contentsOfFile: definition, encoding: .utf8)
        let fixed = text.replacingOccurrences(of: "\"ErrorEquals\": [\"PaymentFailedError\"]",
                                              with: "\"ErrorEquals\": [\"PaymentFailedError\", \"PaymentProcessingError\"]")
        #expect(fixed != text)
        try fixed.write(toFile: definition, atomically: true, encoding: .utf8)
        _ = app.update(.key(.char("R")))
        #expect(!app.messageIsError, "\(app.message)")
        _ = app.update(.key(.char("c")))
        // The recording never reached NotifyOrderError: the user answers it by hand.
        #expect(app.currentState == "NotifyOrderError")
        _ = app.update(.key(.char("a")))
        _ = app.update(.key(.enter))
        _ = app.update(.key(.char("c")))
        #expect(app.session.current.status == .succeeded)
        _ = app.update(.key(.char("x")))
        #expect(!app.messageIsError, "\(app.message)")
        var test = TestCasesInvocation(mockConfig: directory + "/tests/mock-config.json", definition: definition)
        test.expectedDirectory = directory + "/tests"
        let outcome = test.run().outcome
        #expect(outcome.exitCode == 0, "\(outcome.output) \(outcome.errors)")
        #expect(outcome.output.contains("Reproduced"))
    }

    @Test func wSavesTheSessionAndSessionLoadsItBackWhereItWas() throws {
        let directory = try temporaryDirectory()
        let folder = Self.root + "/samples/order-processing/"
        let sessionFile = directory + "/order.asldb-session.json"
        var app = try parse([folder + "order-processing.asl.json", "--session", sessionFile, "--test-case", "PaymentDeclined",
                             "--break", "enter:NotifyOrderError"]).makeApp().0
        _ = app.update(.resize(Size(width: 100, height: 30)))
        _ = app.update(.key(.char("c")))
        #expect(app.currentState == "NotifyOrderError")
        _ = app.update(.key(.char("w")))
        #expect(!app.messageIsError, "\(app.message)")
        #expect(app.message.contains(sessionFile))
        let (loaded, note) = try parse(["--session", sessionFile]).makeApp()
        #expect(note?.contains("loaded the session") == true)
        #expect(loaded.session.cursor == app.session.cursor)
        #expect(loaded.currentState == "NotifyOrderError")
        #expect(loaded.session.breakpoints.map(\.spec) == ["enter:NotifyOrderError"])
        // Another file of the user's is never overwritten.
        let other = directory + "/notes.json"
        try "{\"mine\": true}".write(toFile: other, atomically: true, encoding: .utf8)
        #expect(throws: CommandFailure.self) { try parse([folder + "order-processing.asl.json", "--session", other]).makeApp() }
        #expect(try String(contentsOfFile: other, encoding: .utf8) == "{\"mine\": true}")
    }

    @Test func filesBesideADefinitionAreFoundInItsFolder() {
        #expect(DebugExport.sibling("input.json", of: "samples/order/order.asl.json") == "samples/order/input.json")
        #expect(DebugExport.sibling("input.json", of: "order.asl.json") == "./input.json")
        #expect(DebugExport.sibling("input.json", of: "/order.asl.json") == "/input.json")
        #expect(DebugExport.defaultDirectory(besides: "/srv/sm/order.yaml#Order") == "/srv/sm/asldb-tests")
    }
}

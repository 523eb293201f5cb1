import Foundation
import Testing

/// The binary the tests drive; `swift build` makes it (scripts/test.sh builds before testing).
enum DebuggerBinary {
    static let path = TmuxSession.packageRoot().appendingPathComponent(".build/debug/asldb").path
    static let exists = FileManager.default.isExecutableFile(atPath: path)
}

/// The real `asldb debug` binary under tmux, driven with keys as a user would: the
/// order-processing sample stepped to the end, an error injected through the dialog and
/// retried until the execution fails, time travel, resizing, quitting by key and by signal,
/// and refusing to start without a terminal. Assertions use words a user reads (state and
/// stage names, status words, event names, times), not exact layouts.
@Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"),
       .enabled(if: DebuggerBinary.exists, "build asldb first (swift build)"),
       .serialized)
struct DebuggerEndToEndTests {
    static let sample = "samples/order-processing/order-processing.asl.json"
    static let binary = DebuggerBinary.path
    /// Printed by the pane's shell once asldb has ended, to show the normal screen is back.
    static let shellMarker = "asldb-e2e: back at the shell"

    // MARK: - Stepping, restarting, quitting

    @Test func stepsTheSampleThroughEveryStateToSucceededThenRestartsAndQuits() throws {
        let tmux = try openSample()
        defer { tmux.close() }
        let first = try tmux.waitUntil("every state in the graph") { screen in
            ["ValidateOrder", "ProcessPayment", "ShipOrder", "NotifyOrderError"].allSatisfy { screen.contains($0) }
        }
        #expect(first.contains("RUNNING") && first.contains("event 0/0"))
        #expect(try tmux.paneModes().alternateScreen)

        // Zoom the data-flow panel so a state's stages have room.
        try tmux.sendKeys("Tab", "z")
        try tmux.waitUntil("the zoomed data-flow panel") { $0.contains("┏ Data flow") && !$0.contains("Timeline") }

        for (number, name) in ["ValidateOrder", "ProcessPayment", "ShipOrder"].enumerated() {
            try tmux.sendKeys("s")
            try tmux.waitUntil("\(name) entered") {
                $0.contains("stopped at TaskStateEntered \(name)") && $0.contains("Data flow · \(name) (Task)") && $0.contains("▾ input")
            }
            try tmux.sendKeys("s")
            let exited = try tmux.waitUntil("\(name) exited") {
                $0.contains("stopped at TaskStateExited \(name)") && $0.contains("Data flow · \(name) (Task)")
            }
            #expect(exited.contains("RUNNING"), "state \(number + 1) of 3 leaves the execution running")
            // ] selects the next stage heading (scrolling to it): input, then afterInputPath.
            try tmux.sendKeys("]", "]")
            try tmux.waitFor("afterInputPath")
            // The last stages are below the task's result: End selects the last row.
            try tmux.sendKeys("End")
            try tmux.waitUntil("\(name)'s last stages") { $0.contains("afterResultPath") && $0.contains("output  OutputPath") }
        }
        try tmux.sendKeys("s")
        let finished = try tmux.waitUntil("the execution to succeed") {
            $0.contains("the execution SUCCEEDED") && $0.contains(" SUCCEEDED ")
        }
        #expect(!finished.contains("RUNNING"))
        // How the execution ended heads the data flow.
        try tmux.sendKeys("Home")
        try tmux.waitUntil("the execution's output") { $0.contains("execution SUCCEEDED") && $0.contains("execution output") }

        try tmux.sendKeys("r")
        try tmux.waitUntil("the restart") {
            $0.contains("restarted with the same input") && $0.contains("RUNNING") && $0.contains("event 0/0")
        }

        try tmux.sendKeys("q")
        try expectRestored(tmux, exitCode: 0)
    }

    // MARK: - Replay

    @Test func aRecordedFailedExecutionReplaysInTheDebugger() throws {
        let command = TmuxSession.asldbCommand(["replay", "Tests/ReplayFixtures/order-failed.history.json",
                                                "--definition", Self.sample])
            + "; status=$?; echo '\(Self.shellMarker)'; exit $status"
        let tmux = try TmuxSession(command: command, width: 100, height: 30)
        defer { tmux.close() }
        try tmux.waitUntil("the replay to open") { $0.contains("replay of order-failed.history.json") && $0.contains("event 0/0") }
        try tmux.sendKeys("c")
        let failed = try tmux.waitUntil("the recorded failure") {
            $0.contains(" FAILED ") && $0.contains("PaymentProcessingError") && $0.contains("t=+35.000s")
        }
        #expect(!failed.contains("departs from the recording"))
        try tmux.sendKeys("u", "u")
        try tmux.waitUntil("an earlier attempt") { $0.contains("t=+15.000s") && $0.contains("back in time") }
        try tmux.sendKeys("q")
        try expectRestored(tmux, exitCode: 0)
    }

    // MARK: - The mouse

    @Test func clickingAnEventTravelsThereAndClickingAStateSelectsIt() throws {
        let tmux = try openSample()
        defer { tmux.close() }
        try tmux.sendKeys("c")
        // The whole frame, timeline included (a capture can land mid-redraw).
        let finished = try tmux.waitUntil("the execution to succeed") { screen in
            screen.contains(" SUCCEEDED ") && screen.contains("event 17/17")
                && screen.split(separator: "\n").contains { $0.contains("▶+") && $0.contains("ExecutionSucceeded") }
        }
        // Click a timeline row three events before the last: the whole view moves to that moment.
        let rows = finished.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let current = try #require(rows.firstIndex { $0.contains("▶+") && $0.contains("ExecutionSucceeded") }, "\(finished)")
        let column = try #require(rows[current - 3].firstIndex(of: "+")).utf16Offset(in: rows[current - 3])
        try tmux.click(x: column, y: current - 3)
        try tmux.waitUntil("travel three events back") { $0.contains("event 14/17") && $0.contains("back in time") }
        // Click ValidateOrder's box in the graph: it becomes the selected state (the panel's footer says so).
        let screen = try tmux.capture()
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let boxRow = try #require(lines.firstIndex { $0.contains("│ ValidateOrder │") })
        let boxColumn = try #require(lines[boxRow].range(of: "ValidateOrder")).lowerBound
        try tmux.click(x: lines[boxRow].distance(from: lines[boxRow].startIndex, to: boxColumn) + 2, y: boxRow)
        try tmux.waitFor("selected ValidateOrder")
        try tmux.sendKeys("q")
        try expectRestored(tmux, exitCode: 0)
    }

    // MARK: - Injecting an error, retries, stepping back

    @Test func injectedPaymentErrorIsRetriedThreeTimesThenFailsAndStepsBackToAnEarlierAttempt() throws {
        let tmux = try openSample()
        defer { tmux.close() }
        // The graph has the focus at the start; ↓ moves its selection in reading order.
        try tmux.sendKeys("Home", "Down")
        try tmux.waitFor("selected ProcessPayment")
        try tmux.sendKeys("e")
        let dialog = try tmux.waitUntil("the inject dialog") {
            $0.contains("Inject an error into ProcessPayment") && $0.contains("▸ PaymentProcessingError") && $0.contains("Esc cancel")
        }
        // The state's own Retry and Catch error names are offered first.
        #expect(dialog.contains("ServiceUnavailable") && dialog.contains("PaymentFailedError"))
        try tmux.sendKeys("Down")
        try tmux.waitFor("▸ ServiceUnavailable")
        try tmux.sendKeys("Up")
        try tmux.waitFor("▸ PaymentProcessingError")
        try tmux.sendKeys("Tab")
        try tmux.type("gateway down")
        try tmux.waitFor("gateway down")
        try tmux.sendKeys("Tab")
        try tmux.waitFor("attempts  every")
        try tmux.sendKeys("Enter")
        try tmux.waitUntil("the injection to be armed") {
            $0.contains("armed: ProcessPayment throws PaymentProcessingError on every attempt") && !$0.contains("Inject an error")
        }

        try tmux.sendKeys("c")
        let failed = try tmux.waitUntil("the execution to fail") {
            $0.contains("the execution FAILED: PaymentProcessingError (gateway down)") && $0.contains("event 20/20")
        }
        #expect(failed.contains(" FAILED ") && failed.contains("t=+35.000s"))
        #expect(failed.contains("attempt 4"))

        // The timeline, zoomed to the whole window, holds every event of the execution.
        try tmux.sendKeys("Tab", "Tab", "z")
        // Wait for the whole frame: a capture can land while the pane is still being redrawn.
        let timeline = try tmux.waitUntil("the zoomed timeline") { screen in
            screen.contains("┏ Timeline") && !screen.contains("Data flow") && screen.contains("ExecutionFailed")
                && screen.split(separator: "\n").filter { $0.contains("LambdaFunctionFailed") && $0.contains("PaymentProcessingError") }.count == 4
        }
        let failures = timeline.split(separator: "\n").filter { $0.contains("LambdaFunctionFailed") }
        #expect(failures.count == 4, "four failed attempts in:\n\(timeline)")
        for (line, time) in zip(failures, ["+0.000s", "+5.000s", "+15.000s", "+35.000s"]) {
            #expect(line.contains(time) && line.contains("PaymentProcessingError"), "\(line)")
        }

        // Back: the last attempt's failure, then the third attempt's.
        try tmux.sendKeys("u")
        try tmux.waitUntil("one step back") { $0.contains("event 19/20") && $0.contains("back in time") }
        try tmux.sendKeys("u")
        // The whole frame: the status line can be redrawn before the timeline under it.
        try tmux.waitUntil("the third attempt marked in the timeline") { screen in
            let marked = screen.split(separator: "\n").first { $0.contains("▶") }
            return screen.contains("event 16/20") && screen.contains("t=+15.000s")
                && marked.map { $0.contains("+15.000s") && $0.contains("LambdaFunctionFailed") } == true
        }
        try tmux.sendKeys("z")
        try tmux.waitUntil("the data flow of attempt 3") { $0.contains("Data flow · ProcessPayment (Task) · attempt 3") }

        try tmux.sendKeys("q")
        try expectRestored(tmux, exitCode: 0)
    }

    // MARK: - The window

    @Test func tooSmallWindowExplainsTheNeededSizeAndRedrawsWhenEnlarged() throws {
        let tmux = try openSample()
        defer { tmux.close() }
        try tmux.resize(width: 60, height: 15)
        let small = try tmux.waitUntil("the too-small message") { $0.contains("60×15") && $0.contains("at least 60×16") }
        #expect(!small.contains("Timeline"))
        try tmux.resize(width: 100, height: 30)
        try tmux.waitUntil("the panels again") {
            $0.contains("┏ Graph") && $0.contains("┌ Timeline") && $0.contains("ValidateOrder") && !$0.contains("at least 60×16")
        }
        try tmux.sendKeys("q")
        try expectRestored(tmux, exitCode: 0)
    }

    @Test func helpOverlayListsTheKeysAndCloses() throws {
        let tmux = try openSample()
        defer { tmux.close() }
        try tmux.sendKeys("?")
        let help = try tmux.waitUntil("the help") { $0.contains("asldb keys") && $0.contains("? or Esc closes") }
        for words in ["step:", "continue", "step back", "restart", "inject an error", "breakpoint", "next / previous panel"] {
            #expect(help.contains(words), "the help mentions \(words)")
        }
        try tmux.sendKeys("?")
        try tmux.waitUntil("the help to close") { !$0.contains("asldb keys") && $0.contains("┌ Timeline") }
        try tmux.sendKeys("q")
        try expectRestored(tmux, exitCode: 0)
    }

    @Test func noColorDrawsWithoutColoursButKeepsReverseAndBold() throws {
        for noColor in [false, true] {
            let tmux = try openSample(environment: noColor ? "export NO_COLOR=1; " : "unset NO_COLOR; ")
            defer { tmux.close() }
            let styled = try tmux.capture(escapes: true)
            // Default colours (39, 49) are fine; any palette, bright or direct colour is not.
            let colourCodes = (0...7).flatMap { n in ["3\(n)", "4\(n)", "9\(n)", "10\(n)"].flatMap { ["[\($0)m", ";\($0)m", "[\($0);", ";\($0);"] } }
                + ["38;5;", "48;5;", "38;2;", "48;2;"]
            let colours = colourCodes.filter { styled.contains($0) }
            #expect(colours.isEmpty == noColor, "NO_COLOR \(noColor): colour codes \(colours)")
            let reverse = ["[7m", ";7m", "[7;", ";7;"].contains { styled.contains($0) }
            let bold = ["[1m", ";1m", "[1;", ";1;"].contains { styled.contains($0) }
            #expect(reverse || !noColor, "without colour the header and selections are reverse video")
            #expect(bold)
            try tmux.sendKeys("q")
            #expect(try tmux.waitForExit() == 0)
        }
    }

    // MARK: - Quitting by signal

    @Test func ctrlCExits130AndSigtermExits143WithTheTerminalRestored() throws {
        for (signal, code) in [("C-c", Int32(130)), ("TERM", 143)] {
            let tmux = try openSample()
            defer { tmux.close() }
            if signal == "TERM" {
                let pid = try #require(try Self.asldbProcess(below: tmux.panePID()))
                kill(pid_t(pid), SIGTERM)
            } else {
                try tmux.sendKeys(signal)
            }
            try expectRestored(tmux, exitCode: code)
        }
    }

    // MARK: - Refusing to start

    @Test func withoutATerminalOnStandardOutputItExits2NamingTheHeadlessCommand() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("asldb-e2e-out-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let asldb = TmuxSession.quote(Self.binary) + " debug " + Self.sample
        // Standard input stays the pane's terminal, so only standard output is missing.
        let tmux = try TmuxSession(command: "dir=\(TmuxSession.quote(folder.path)); cd \(TmuxSession.quote(TmuxSession.packageRoot().path)); "
            + "\(asldb) > \"$dir/file-out\" 2> \"$dir/file-err\"; echo $? > \"$dir/file-rc\"; "
            + "{ \(asldb) 2> \"$dir/pipe-err\"; echo $? > \"$dir/pipe-rc\"; } | cat > \"$dir/pipe-out\"")
        defer { tmux.close() }
        _ = try tmux.waitForExit()
        for way in ["file", "pipe"] {
            let read = { (name: String) in (try? String(contentsOf: folder.appendingPathComponent("\(way)-\(name)"), encoding: .utf8)) ?? "" }
            #expect(read("rc").trimmingCharacters(in: .whitespacesAndNewlines) == "2", "\(way)")
            let message = read("err")
            #expect(message.split(separator: "\n").count == 1 && message.hasSuffix("\n"), "one line: \(message)")
            #expect(message.contains("standard output is not a terminal") && message.contains("asldb run --format trace"), "\(message)")
            #expect(read("out").isEmpty, "nothing, escape codes least of all, goes to the \(way)")
        }
    }

    @Test func missingDefinitionExits2WithAClearMessage() throws {
        let output = try EndToEndTests.shell("cd \(TmuxSession.quote(TmuxSession.packageRoot().path)) && "
            + "\(TmuxSession.quote(Self.binary)) debug samples/no-such-machine.asl.json 2>&1; echo rc=$?")
        #expect(output == "asldb debug: samples/no-such-machine.asl.json: no such file\nrc=2\n")
    }

    // MARK: - Helpers

    /// Opens the debugger on the order-processing sample (its input.json and mock-config.json,
    /// test case HappyPath) and waits for the whole first frame: the status line is drawn last.
    func openSample(environment: String = "", width: Int = 100, height: Int = 30) throws -> TmuxSession {
        let command = environment + TmuxSession.asldbCommand(["debug", Self.sample])
            + "; status=$?; echo '\(Self.shellMarker)'; exit $status"
        let tmux = try TmuxSession(command: command, width: width, height: height)
        do {
            try tmux.waitUntil("the first frame") {
                $0.contains("┌ Timeline") && $0.contains("ValidateOrder") && $0.contains("test case HappyPath")
            }
        } catch {
            tmux.close()
            throw error
        }
        return tmux
    }

    /// The program ended with `exitCode`, gave the tty back as it found it, left the alternate
    /// screen with the cursor on, and the shell's own output shows instead of the debugger.
    func expectRestored(_ tmux: TmuxSession, exitCode: Int32, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try tmux.waitForExit() == exitCode, sourceLocation: sourceLocation)
        let tty = try tmux.ttySettings()
        #expect(tty.before == tty.after, "stty -g before and after", sourceLocation: sourceLocation)
        let modes = try tmux.paneModes()
        #expect(!modes.alternateScreen, sourceLocation: sourceLocation)
        #expect(modes.cursorVisible, sourceLocation: sourceLocation)
        let screen = try tmux.waitFor(Self.shellMarker)
        #expect(!screen.contains("Timeline") && !screen.contains("ValidateOrder"), "the debugger's frame is gone:\n\(screen)",
                sourceLocation: sourceLocation)
    }

    /// The asldb process started in the pane (its command line begins with the binary's path;
    /// the shells around it only mention it further in).
    static func asldbProcess(below root: Int) throws -> Int? {
        var parents: [Int: Int] = [:]
        var found: [Int] = []
        for line in try EndToEndTests.shell("ps -eo pid=,ppid=,args=").split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            guard fields.count == 3, let pid = Int(fields[0]), let ppid = Int(fields[1]) else { continue }
            parents[pid] = ppid
            if fields[2].hasPrefix(binary + " debug") { found.append(pid) }
        }
        return found.first { pid in
            var current = pid
            while let parent = parents[current], parent > 1 {
                if parent == root { return true }
                current = parent
            }
            return false
        }
    }
}

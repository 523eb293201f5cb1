import CursesTerminal
import Foundation
import Testing

/// Drives real programs in tmux. The demo runs inside this very test binary: the test
/// re-launches the binary with a filter selecting `DemoChild` and an environment variable that
/// enables it, since the package has no demo executable.
@Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"), .serialized)
struct EndToEndTests {
    @Test func shellCommandReadsTypedLineAndExitStatusIsRecorded() throws {
        let session = try TmuxSession(command: "printf 'name? '; read name; printf 'hello %s\\n' \"$name\"; exit 3",
                                      width: 40, height: 5)
        defer { session.close() }
        try session.waitFor("name?")
        try session.type("Ada")
        try session.sendKeys("Enter")
        try session.waitFor("hello Ada")
        #expect(try session.waitForExit() == 3)
    }

    @Test func demoDrawsPanelsReactsToKeysAndRestoresTheTerminal() throws {
        let session = try TmuxSession(command: Self.demoCommand, width: 80, height: 24)
        defer { session.close() }
        let first = try session.waitFor("keys pressed: 0")
        #expect(first.contains("┏ States · 状態"))
        #expect(first.contains("▶ ValidateOrder ✓"))
        #expect(try session.paneModes().alternateScreen)

        try session.sendKeys("Down", "Down")
        // A frame can be captured half written: wait for its last row, not its first.
        let moved = try session.waitFor("selected: 出荷 ShipOrder")
        #expect(moved.contains("▶ 出荷 ShipOrder"))
        #expect(moved.contains("keys pressed: 2"))

        try session.click(x: 50, y: 4)
        try session.waitFor("last click: x=50 y=4")

        try session.resize(width: 60, height: 15)
        let resized = try session.waitFor("60x15")
        #expect(resized.split(separator: "\n").first.map { $0.contains("終端 60x15") } == true)

        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
        let tty = try session.ttySettings()
        #expect(tty.before == tty.after)
        let modes = try session.paneModes()
        #expect(!modes.alternateScreen)
        #expect(modes.cursorVisible)
    }

    @Test func ctrlCAndSigtermQuitTheDemoAndRestoreTheTerminal() throws {
        for (send, code) in [("C-c", Int32(130)), ("TERM", 143)] {
            let session = try TmuxSession(command: Self.demoCommand, width: 80, height: 24)
            defer { session.close() }
            try session.waitFor("keys pressed: 0")
            if send == "TERM" {
                let demo = try #require(try Self.descendant(of: session.panePID(), runningWith: "DemoChild"))
                kill(pid_t(demo), SIGTERM)
            } else {
                try session.sendKeys(send)
            }
            #expect(try session.waitForExit() == code)
            let tty = try session.ttySettings()
            #expect(tty.before == tty.after)
            #expect(try !session.paneModes().alternateScreen)
        }
    }

    @Test func noColorGivesAttributesButNoColours() throws {
        for noColor in [false, true] {
            let session = try TmuxSession(command: (noColor ? "NO_COLOR=1 " : "env -u NO_COLOR ") + Self.demoCommand, width: 80, height: 24)
            defer { session.close() }
            try session.waitFor("keys pressed: 0")
            let styled = try session.capture(escapes: true)
            // Default colours (39, 49) are fine; any palette colour is not.
            let colourCodes = (0...7).flatMap { ["[3\($0)m", ";3\($0)m", "[4\($0)m", ";4\($0)m"] } + ["38;5;", "48;5;"]
            let hasColour = colourCodes.contains { styled.contains($0) }
            #expect(hasColour == !noColor)
            // The selection stays visible without colour: reverse video.
            #expect(styled.contains("\u{1B}[7m") || styled.contains(";7m") || !noColor)
            try session.sendKeys("q")
            #expect(try session.waitForExit() == 0)
        }
    }

    @Test func demoRefusesToStartWithoutATerminal() throws {
        let output = try Self.shell("\(Self.demoCommand) < /dev/null > /dev/null; echo rc=$?")
        #expect(output.contains("rc=2"))
        #expect(output.contains("cannot start the full-screen debugger: standard input is not a terminal"))
    }

    /// The command line that runs `CursesDemo.run()` from this test binary.
    static var demoCommand: String {
        let binary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return "ASLDB_TUI_CHILD=demo \(TmuxSession.quote(binary)) --testing-library swift-testing --filter DemoChild"
    }

    /// The process below `root` whose command line contains `marker`.
    static func descendant(of root: Int, runningWith marker: String) throws -> Int? {
        var parents: [Int: Int] = [:], commands: [Int: String] = [:]
        for line in try shell("ps -eo pid=,ppid=,args=").split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            guard fields.count == 3, let pid = Int(fields[0]), let ppid = Int(fields[1]) else { continue }
            parents[pid] = ppid
            commands[pid] = String(fields[2])
        }
        return commands.first { pid, command in
            guard command.contains(marker) else { return false }
            var current = pid
            while let parent = parents[current], parent > 1 {
                if parent == root { return true }
                current = parent
            }
            return false
        }?.key
    }

    static func shell(_ command: String) throws -> String {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("asldb-sh-\(UUID().uuidString.prefix(8))").path
        defer { unlink(out) }
        _ = try TmuxSession.spawn(["/bin/sh", "-c", command], output: out)
        return (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
    }
}

/// Runs the demo when re-launched by `EndToEndTests`; skipped in ordinary test runs.
@Suite struct DemoChild {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ASLDB_TUI_CHILD"] == "demo"))
    @MainActor func runDemo() {
        exit(CursesDemo.run())
    }
}

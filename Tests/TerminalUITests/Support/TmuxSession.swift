import Foundation

/// Runs a command in a private tmux server (its own socket in a temporary folder, no user
/// config) so a full-screen program can be driven with keys and its screen read back as text.
///
/// The command runs inside `sh -c` wrapped so that the pane records the tty settings before
/// and after it and its exit status; the pane then stays open so the final screen can be read.
final class TmuxSession {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Whether tmux is installed; end-to-end tests are skipped without it.
    static let isAvailable: Bool = findExecutable("tmux") != nil

    let directory: URL
    let socket: String
    let target = "e2e"
    private let tmux: String

    /// Starts `command` (a shell command line) in a `width`×`height` pane.
    init(command: String, width: Int = 100, height: Int = 30) throws {
        guard let tmux = Self.findExecutable("tmux") else { throw Failure(description: "tmux is not installed") }
        self.tmux = tmux
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("asldb-e2e-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        socket = directory.appendingPathComponent("sock").path
        let dir = Self.quote(directory.path)
        let script = "stty -g > \(dir)/stty-before; (\(command)); echo $? > \(dir)/rc.tmp; "
            + "stty -g > \(dir)/stty-after; mv \(dir)/rc.tmp \(dir)/rc; exec sleep 60"
        try run(detached: true, ["-f", "/dev/null", "start-server", ";", "set", "-g", "default-terminal", "tmux-256color", ";",
                 "new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)", script])
    }

    deinit {
        close()
    }

    /// Stops the server and deletes the temporary folder.
    func close() {
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(at: directory)
    }

    /// The pane's text now; with `escapes`, SGR sequences are kept so styles can be checked.
    func capture(escapes: Bool = false) throws -> String {
        try run(["capture-pane", "-p"] + (escapes ? ["-e"] : []) + ["-t", target])
    }

    /// Polls the pane every ~10 ms until `predicate` holds; returns the matching capture.
    @discardableResult
    func waitUntil(timeout: Duration = .seconds(10), _ what: String, _ predicate: (String) -> Bool) throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var last = ""
        while clock.now < deadline {
            last = try capture()
            if predicate(last) { return last }
            Thread.sleep(forTimeInterval: 0.01)
        }
        throw Failure(description: "timed out waiting for \(what); the pane shows:\n\(last)")
    }

    /// Polls until `text` is on the screen; returns the capture.
    @discardableResult
    func waitFor(_ text: String, timeout: Duration = .seconds(10)) throws -> String {
        try waitUntil(timeout: timeout, "\"\(text)\"") { $0.contains(text) }
    }

    /// Sends tmux key names (`Up`, `Enter`, `C-c`, `BTab`, `F5`) or plain words.
    func sendKeys(_ keys: String...) throws {
        try run(["send-keys", "-t", target] + keys)
    }

    /// Types text literally.
    func type(_ text: String) throws {
        try run(["send-keys", "-t", target, "-l", text])
    }

    /// Sends raw bytes to the program, e.g. a mouse report.
    func sendBytes(_ bytes: [UInt8]) throws {
        try run(["send-keys", "-t", target, "-H"] + bytes.map { String(format: "%02x", $0) })
    }

    /// Sends an X10 mouse press and release of the main button at cell (x, y), as xterm would;
    /// without the release, ncurses takes a second press for a drag and reports nothing.
    func click(x: Int, y: Int) throws {
        let cell = [UInt8(33 + x), UInt8(33 + y)]
        try sendBytes([0x1B, UInt8(ascii: "["), UInt8(ascii: "M"), 32] + cell + [0x1B, UInt8(ascii: "["), UInt8(ascii: "M"), 35] + cell)
    }

    /// Lets programs in the pane set tmux's clipboard with OSC 52 (`set -s set-clipboard on`).
    func allowClipboard() throws {
        try run(["set", "-s", "set-clipboard", "on"])
    }

    /// The newest paste buffer: what a program copied with OSC 52.
    func pasteBuffer() throws -> String {
        try run(["show-buffer"])
    }

    /// Changes the pane size, as a user resizing the window.
    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Waits for the command to end and returns its exit status.
    func waitForExit(timeout: Duration = .seconds(10)) throws -> Int32 {
        let file = directory.appendingPathComponent("rc")
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if let text = try? String(contentsOf: file, encoding: .utf8),
               let code = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return code
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        throw Failure(description: "the command did not exit; the pane shows:\n\((try? capture()) ?? "")")
    }

    /// The tty settings (`stty -g`) before the command started and after it ended.
    func ttySettings() throws -> (before: String, after: String) {
        let read = { (name: String) in
            try String(contentsOf: self.directory.appendingPathComponent(name), encoding: .utf8)
        }
        return (try read("stty-before"), try read("stty-after"))
    }

    /// The process id of the pane's shell (the parent of the command).
    func panePID() throws -> Int {
        let text = try run(["display-message", "-p", "-t", target, "#{pane_pid}"])
        guard let pid = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw Failure(description: "no pane pid in \(text)")
        }
        return pid
    }

    /// Whether the pane is on the alternate screen and whether its cursor is visible.
    func paneModes() throws -> (alternateScreen: Bool, cursorVisible: Bool) {
        let text = try run(["display-message", "-p", "-t", target, "#{alternate_on} #{cursor_flag}"])
        let parts = text.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        return (parts.first == "1", parts.last == "1")
    }

    /// Runs one tmux command and returns its output. Output goes through files, not pipes:
    /// the server the first command forks would hold a pipe open forever.
    @discardableResult
    private func run(detached: Bool = false, _ arguments: [String]) throws -> String {
        let out = directory.appendingPathComponent("out-\(UUID().uuidString.prefix(6))").path
        defer { unlink(out) }
        let status = try Self.spawn([tmux, "-S", socket] + arguments, output: detached ? "/dev/null" : out)
        let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        guard status == 0 else { throw Failure(description: "tmux \(arguments.first ?? "") failed: \(text)") }
        return text
    }

    /// Runs a program with stdin from /dev/null and stdout+stderr into `output`, and waits for it.
    /// (Foundation's Process sometimes never noticed tmux's client exit here.)
    static func spawn(_ argv: [String], output: String) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        // The test runner's threads may block signals; a tmux server inheriting that mask
        // would ignore kill-server's hang-ups and outlive the test.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        let error = posix_spawn(&pid, argv[0], &actions, &attributes, &cArguments, environ)
        guard error == 0 else { throw Failure(description: "cannot start \(argv[0]): error \(error)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // Exited normally: the status is in bits 8–15; killed by a signal: 128 + signal.
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// The package's root folder, found from this source file's path.
    static func packageRoot(filePath: String = #filePath) -> URL {
        var url = URL(fileURLWithPath: filePath)
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url
    }

    /// A shell command line running the built `asldb` binary with `arguments`, e.g.
    /// `TmuxSession(command: TmuxSession.asldbCommand(["debug", "samples/order.asl.json"]))`.
    static func asldbCommand(_ arguments: [String]) -> String {
        let root = packageRoot()
        let binary = root.appendingPathComponent(".build/debug/asldb").path
        return "cd \(quote(root.path)) && \(quote(binary)) " + arguments.map(quote).joined(separator: " ")
    }

    /// Single-quotes a word for `sh`.
    static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func findExecutable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

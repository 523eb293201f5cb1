#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// One run of a handler command: `/bin/sh -c COMMAND` in its own process group, fed `stdin`,
/// bounded by a timeout and a heartbeat. Whatever the command does, `run` returns by the deadline:
/// on timeout the whole process group is killed.
public struct HandlerProcess: Sendable {
    /// How a run ended.
    public enum Ending: Sendable, Equatable {
        case exited(Int32)
        case signaled(Int32)
        case timedOut
        /// No output on stdout or stderr for the heartbeat interval.
        case heartbeatTimedOut
        case tooMuchOutput
        case couldNotStart(String)
    }

    public struct Result: Sendable {
        public var ending: Ending
        public var stdout: [UInt8]
        /// The last `stderrLimit` bytes of standard error.
        public var stderr: [UInt8]
    }

    public var command: String
    public var environment: [String: String] = [:]
    public var timeoutMilliseconds: Int64
    public var heartbeatMilliseconds: Int64?
    /// Standard output beyond this is a failure, not a memory hog.
    public var stdoutLimit = 8 << 20
    public var stderrLimit = 64 << 10

    static let drainGraceMilliseconds: Int64 = 200

    public init(command: String, timeoutMilliseconds: Int64, heartbeatMilliseconds: Int64? = nil) {
        self.command = command
        self.timeoutMilliseconds = timeoutMilliseconds
        self.heartbeatMilliseconds = heartbeatMilliseconds
    }

    public func run(stdin input: [UInt8]) -> Result {
        // A handler that exits without reading its input must not kill asldb with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        var inPipe: [Int32] = [0, 0], outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&inPipe) == 0, pipe(&outPipe) == 0, pipe(&errPipe) == 0 else {
            return Result(ending: .couldNotStart("cannot create pipes (errno \(errno))"), stdout: [], stderr: [])
        }
        var pid = pid_t()
        let spawned = spawn(&pid, stdin: inPipe[0], stdout: outPipe[1], stderr: errPipe[1],
                            closing: [inPipe[1], outPipe[0], errPipe[0]])
        close(inPipe[0]); close(outPipe[1]); close(errPipe[1])
        guard spawned == 0 else {
            close(inPipe[1]); close(outPipe[0]); close(errPipe[0])
            return Result(ending: .couldNotStart("cannot start /bin/sh (error \(spawned))"), stdout: [], stderr: [])
        }
        var io = PipeLoop(stdinFD: inPipe[1], stdoutFD: outPipe[0], stderrFD: errPipe[0], input: input)
        let start = Self.monotonicMilliseconds()
        var lastActivity = start
        var status: Int32 = 0
        var exited = false
        var exitedAt: Int64 = 0
        var ending: Ending?
        while ending == nil {
            let now = Self.monotonicMilliseconds()
            if now - start >= timeoutMilliseconds { ending = .timedOut; break }
            if let heartbeat = heartbeatMilliseconds, now - lastActivity >= heartbeat { ending = .heartbeatTimedOut; break }
            if io.pump(waitMilliseconds: 20) { lastActivity = Self.monotonicMilliseconds() }
            if io.stdout.count > stdoutLimit { ending = .tooMuchOutput; break }
            if io.stderr.count > stderrLimit { io.stderr.removeFirst(io.stderr.count - stderrLimit) }
            if !exited, waitpid(pid, &status, WNOHANG) == pid {
                exited = true
                exitedAt = Self.monotonicMilliseconds()
            }
            // A background job left behind may hold the pipes open: the shell's exit is the answer.
            if exited && (io.outputClosed || Self.monotonicMilliseconds() - exitedAt > Self.drainGraceMilliseconds) {
                ending = (status & 0x7f) == 0 ? .exited((status >> 8) & 0xff) : .signaled(status & 0x7f)
            }
        }
        // Grandchildren (a pipeline, a background job) go too.
        kill(-pid, SIGKILL)
        if !exited { waitpid(pid, &status, 0) }
        io.closeAll()
        return Result(ending: ending ?? .timedOut, stdout: io.stdout, stderr: io.stderr)
    }

    private func spawn(_ pid: inout pid_t, stdin: Int32, stdout: Int32, stderr: Int32, closing: [Int32]) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        for fd in closing { posix_spawn_file_actions_addclose(&actions, fd) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        let arguments: [UnsafeMutablePointer<CChar>?] = ["/bin/sh", "-c", command].map { (s: String) in strdup(s) } + [nil]
        let variables: [UnsafeMutablePointer<CChar>?] = Self.environment(adding: environment).map { (s: String) in strdup(s) } + [nil]
        defer {
            arguments.forEach { free($0) }
            variables.forEach { free($0) }
        }
        return posix_spawn(&pid, "/bin/sh", &actions, &attributes, arguments, variables)
    }

    /// The process's environment plus the handler's extra variables, as `NAME=value` strings.
    static func environment(adding extra: [String: String]) -> [String] {
        var out: [String] = []
        var index = 0
        while let entry = currentEnvironment(index) {
            let name = entry.split(separator: "=", maxSplits: 1).first.map(String.init) ?? entry
            if extra[name] == nil { out.append(entry) }
            index += 1
        }
        for (name, value) in extra.sorted(by: { $0.key < $1.key }) { out.append(name + "=" + value) }
        return out
    }

    static func monotonicMilliseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
    }
}

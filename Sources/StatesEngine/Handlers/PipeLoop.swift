#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Feeds a child's standard input and drains its output without blocking, so a child that
/// neither reads nor writes cannot stall asldb.
struct PipeLoop {
    var stdinFD: Int32
    var stdoutFD: Int32
    var stderrFD: Int32
    let input: [UInt8]
    var written = 0
    var stdout: [UInt8] = []
    var stderr: [UInt8] = []

    init(stdinFD: Int32, stdoutFD: Int32, stderrFD: Int32, input: [UInt8]) {
        self.stdinFD = stdinFD
        self.stdoutFD = stdoutFD
        self.stderrFD = stderrFD
        self.input = input
        for fd in [stdinFD, stdoutFD, stderrFD] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        if input.isEmpty { closeInput() }
    }

    var outputClosed: Bool { stdoutFD < 0 && stderrFD < 0 }

    /// Waits up to `waitMilliseconds` for the pipes; true when the child wrote something.
    mutating func pump(waitMilliseconds: Int32) -> Bool {
        var fds = [pollfd]()
        if stdinFD >= 0 { fds.append(pollfd(fd: stdinFD, events: Int16(POLLOUT), revents: 0)) }
        if stdoutFD >= 0 { fds.append(pollfd(fd: stdoutFD, events: Int16(POLLIN), revents: 0)) }
        if stderrFD >= 0 { fds.append(pollfd(fd: stderrFD, events: Int16(POLLIN), revents: 0)) }
        guard !fds.isEmpty else {
            usleep(UInt32(waitMilliseconds) * 1000)
            return false
        }
        guard poll(&fds, nfds_t(fds.count), waitMilliseconds) > 0 else { return false }
        var active = false
        for fd in fds where fd.revents != 0 {
            if fd.fd == stdinFD {
                writeInput()
            } else if fd.fd == stdoutFD {
                if drain(&stdoutFD, into: &stdout) { active = true }
            } else if fd.fd == stderrFD {
                if drain(&stderrFD, into: &stderr) { active = true }
            }
        }
        return active
    }

    private mutating func writeInput() {
        let n = input.withUnsafeBytes { write(stdinFD, $0.baseAddress! + written, $0.count - written) }
        if n > 0 { written += n }
        // EPIPE: the child does not want (the rest of) its input.
        if written == input.count || (n < 0 && errno != EAGAIN && errno != EINTR) { closeInput() }
    }

    private mutating func closeInput() {
        close(stdinFD)
        stdinFD = -1
    }

    /// Reads what is available; closes the descriptor at end of file. True when bytes came.
    private func drain(_ fd: inout Int32, into buffer: inout [UInt8]) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var got = false
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n > 0 {
                buffer.append(contentsOf: chunk[0..<n])
                got = true
                if buffer.count > 16 << 20 { return got }
                continue
            }
            if n == 0 || (errno != EAGAIN && errno != EINTR) {
                close(fd)
                fd = -1
            }
            return got
        }
    }

    mutating func closeAll() {
        for fd in [stdinFD, stdoutFD, stderrFD] where fd >= 0 { close(fd) }
        stdinFD = -1; stdoutFD = -1; stderrFD = -1
    }
}

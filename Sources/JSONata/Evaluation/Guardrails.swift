import Glibc

/// Limits on one evaluation: how deep it may nest, how long it may run, and how much of the
/// thread's stack it may use, so that runaway recursion ends with U1001 instead of a crash.
struct Guardrails {
    /// Evaluation depth (nested evaluations, counted as the reference counts them).
    var depth = 0
    let maxDepth: Int
    /// CLOCK_MONOTONIC nanoseconds after which evaluation stops; 0 for none.
    let deadline: UInt64
    let timeLimit: Int
    /// Stack addresses below this are too close to the end of the thread's stack.
    let stackFloor: UInt
    private var ticks = 0

    init(maxDepth: Int?, timeLimitMilliseconds: Int?) {
        self.maxDepth = maxDepth ?? Int.max
        timeLimit = timeLimitMilliseconds ?? 0
        if let ms = timeLimitMilliseconds, ms > 0 {
            deadline = Self.monotonicNanoseconds() &+ UInt64(ms) &* 1_000_000
        } else {
            deadline = 0
        }
        stackFloor = StackBounds.floor()
    }

    static func monotonicNanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }

    /// Called on entering each evaluation.
    @inline(__always)
    mutating func enter() throws(JSONataError) {
        depth += 1
        if depth > maxDepth {
            throw JSONataError("U1001", detail: "Stack overflow: the evaluation went deeper than \(maxDepth) levels. Check for non-terminating recursion, or write the function to be tail-recursive")
        }
        ticks &+= 1
        if ticks & 15 == 0 { try check() }
    }

    @inline(__always)
    mutating func exit() { depth -= 1 }

    private func check() throws(JSONataError) {
        if StackBounds.pointer() < stackFloor {
            throw JSONataError("U1001", detail: "Stack overflow: the evaluation nested too deeply for the available stack. Check for non-terminating recursion, or write the function to be tail-recursive")
        }
        if deadline != 0, Self.monotonicNanoseconds() > deadline {
            throw JSONataError("U1001", detail: "Evaluation timeout after \(timeLimit) milliseconds. Check for an infinite loop")
        }
    }
}

// glibc's pthread_getattr_np is a GNU extension the Glibc module does not import.
@_silgen_name("pthread_getattr_np")
private func pthreadGetAttr(_ thread: pthread_t, _ attributes: UnsafeMutablePointer<pthread_attr_t>) -> Int32

/// Where the current thread's stack ends, found once per thread, so that the recursive parts
/// (parser, preparation, evaluation) can stop before they overflow it.
enum StackBounds {
    /// The stack kept free below the last check for what runs between checks (and for
    /// reporting the error).
    static let reserve: UInt = 128 * 1024

    /// The lowest stack address a check lets the thread reach.
    static func floor() -> UInt { lowestAddress() &+ reserve }

    /// An address in the caller's stack frame.
    @inline(__always)
    static func pointer() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    /// U1001 when the stack is nearly used up.
    static func check(_ floor: UInt, position: Int?) throws(JSONataError) {
        if pointer() < floor {
            throw JSONataError("U1001", position: position, detail: "The expression is nested too deeply for the available stack")
        }
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, { free($0) })
        return key
    }()

    static func lowestAddress() -> UInt {
        if let stored = pthread_getspecific(key) {
            return stored.load(as: UInt.self)
        }
        var attributes = pthread_attr_t()
        var low: UInt = 0
        if pthreadGetAttr(pthread_self(), &attributes) == 0 {
            var address: UnsafeMutableRawPointer?
            var size = 0
            if pthread_attr_getstack(&attributes, &address, &size) == 0, let address {
                low = UInt(bitPattern: address)
            }
            pthread_attr_destroy(&attributes)
        }
        if let slot = malloc(MemoryLayout<UInt>.size) {
            slot.storeBytes(of: low, as: UInt.self)
            pthread_setspecific(key, slot)
        }
        return low
    }
}

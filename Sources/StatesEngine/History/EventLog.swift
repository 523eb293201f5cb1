/// An append-only history that is a value: copies share every event, and appending to a copy
/// costs O(1) however long the history is.
///
/// Events live in immutable sealed chunks linked backwards plus a short mutable tail. Keeping
/// every earlier `Execution` (the debugger's "step back") therefore costs at most one tail copy
/// (at most `chunkSize` small events) per step, never a copy of the whole history.
public struct EventLog: Sendable {
    static let chunkSize = 16

    // `previous` is only ever written by deinit, which has the object to itself.
    private final class Chunk: @unchecked Sendable {
        let events: [HistoryEvent]
        private(set) var previous: Chunk?
        /// Events in this chunk and all before it.
        let total: Int
        init(events: [HistoryEvent], previous: Chunk?) {
            self.events = events
            self.previous = previous
            total = (previous?.total ?? 0) + events.count
        }

        // Releasing a long chain link by link would recurse once per chunk and can overflow
        // the stack, so the uniquely owned part of the chain is unlinked iteratively. It is then
        // released oldest first, the order its memory was allocated in: freed blocks merge back
        // into whole regions, and the next history built in this process (a rerun, a debugger
        // restart) allocates from those instead of from fragments, which made every allocation
        // of a run about twice as slow in one run out of three.
        deinit {
            var owned: [Chunk] = []
            var next = previous
            previous = nil
            while var node = next {
                next = nil
                guard isKnownUniquelyReferenced(&node) else { break }
                next = node.previous
                node.previous = nil
                owned.append(node)
            }
            while !owned.isEmpty { owned.removeLast() }
        }
    }

    private var sealed: Chunk?
    private var tail: [HistoryEvent] = []

    public init() {}

    public var count: Int { (sealed?.total ?? 0) + tail.count }
    public var isEmpty: Bool { count == 0 }
    public var last: HistoryEvent? { tail.last ?? sealed?.events.last }

    public mutating func append(_ event: consuming HistoryEvent) {
        if tail.isEmpty { tail.reserveCapacity(Self.chunkSize) }
        tail.append(event)
        if tail.count == Self.chunkSize {
            sealed = Chunk(events: tail, previous: sealed)
            tail = []
        }
    }

    /// The event at a 0-based position (event id − 1). Recent events are found at once, older
    /// ones by walking back chunk by chunk: to go through many, take `all` once.
    public subscript(position: Int) -> HistoryEvent {
        let sealedCount = sealed?.total ?? 0
        if position >= sealedCount { return tail[position - sealedCount] }
        var chunk = sealed
        while let c = chunk {
            let start = c.total - c.events.count
            if position >= start { return c.events[position - start] }
            chunk = c.previous
        }
        preconditionFailure("event position \(position) out of range")
    }

    /// Every event, oldest first.
    public var all: [HistoryEvent] {
        var chunks: [[HistoryEvent]] = []
        var chunk = sealed
        while let c = chunk {
            chunks.append(c.events)
            chunk = c.previous
        }
        var out: [HistoryEvent] = []
        out.reserveCapacity(count)
        for c in chunks.reversed() { out.append(contentsOf: c) }
        out.append(contentsOf: tail)
        return out
    }
}

/// An append-only history that is a value: copies share every event, appending to a copy costs
/// at most a short tail and one tree path, and any event is found in a few steps. Keeping every
/// earlier `Execution` (the debugger's "step back") therefore never copies the whole history,
/// and the debugger can look up old events (a state visit's start) as cheaply as recent ones.
public struct EventLog: Sendable {
    private var events = AppendOnlyArray<HistoryEvent>()

    public init() {}

    public var count: Int { events.count }
    public var isEmpty: Bool { events.isEmpty }
    public var last: HistoryEvent? { events.last }

    public mutating func append(_ event: consuming HistoryEvent) {
        events.append(event)
    }

    /// The event at a 0-based position (event id − 1).
    public subscript(position: Int) -> HistoryEvent { events[position] }

    /// Every event, oldest first.
    public var all: [HistoryEvent] { events.all }
}

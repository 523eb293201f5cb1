/// An execution history recorded by AWS (`aws stepfunctions get-execution-history` output, or the
/// conformance corpus's `expected.events` whose payloads are already JSON values), checked for
/// what a replay needs: the execution input and every task attempt's answer.
public struct RecordedHistory: Sendable {
    /// One recorded event; payload members (`input`, `output`, `parameters`) are JSON values.
    public struct Event: Sendable {
        public var id: Int
        public var previousEventId: Int
        public var type: EventType
        public var details: JSONObject?
        /// The timestamp as recorded (ISO-8601 text, epoch seconds or a placeholder).
        public var timestamp: JSON?
        public var stateName: String? { details?["name"]?.stringValue }

        /// The timestamp as virtual time: ISO-8601 text (AWS CLI) or epoch seconds (SDK JSON).
        public var milliseconds: Int64? {
            switch timestamp {
            case .string(let text)?: return VirtualTime.parse(text)
            case .number(let n)?: return VirtualTime.milliseconds(seconds: n.doubleValue)
            default: return nil
            }
        }
    }

    public let events: [Event]
    /// The execution input, from `ExecutionStarted`.
    public let input: JSON
    /// Every entry of a Task state, in recorded order.
    public let taskEntries: [RecordedTaskEntry]

    /// Reads `{"events": [...]}` (or a bare array of events).
    public init(json: JSON) throws(ReplayProblem) {
        let list: [JSON]
        switch json {
        case .array(let array): list = array
        case .object(let object):
            if let token = object["nextToken"], token != .null {
                throw .paginated(eventCount: object["events"]?.arrayValue?.count ?? 0)
            }
            guard let array = object["events"]?.arrayValue else { throw .notAHistory("it has no \"events\" array") }
            list = array
        default: throw .notAHistory("it is neither an object with \"events\" nor an array of events")
        }
        guard !list.isEmpty else { throw .notAHistory("its \"events\" array is empty") }
        var events: [Event]
        var asText = Self.payloadsAreText(list)
        do {
            events = try Self.events(list, payloadsAreText: asText)
        } catch .badPayload(let id, let member, let message) {
            // Every payload a string yet one is not JSON text: the payloads were values all along.
            guard let asValues = try? Self.events(list, payloadsAreText: false) else {
                throw .badPayload(eventId: id, member: member, message: message)
            }
            events = asValues
            asText = false
        }
        // `--reverse-order` output lists newest first.
        if events.count > 1, events[0].id > events[events.count - 1].id { events.reverse() }
        if !asText { Self.decodeTextInput(&events) }
        try self.init(events: events)
    }

    /// Checks an event list that is already decoded (oldest first).
    public init(events: [Event]) throws(ReplayProblem) {
        guard let first = events.first, first.type == .executionStarted else {
            let first = events.first.map { "event \($0.id) (\($0.type))" } ?? "nothing"
            throw .truncatedStart(first: first)
        }
        guard let details = first.details, let input = details["input"] else {
            throw .missingData(eventId: first.id, what: "the execution input")
        }
        if details["inputDetails"]?["truncated"] == true {
            throw .truncatedPayload(eventId: first.id, what: "the execution input")
        }
        self.events = events
        self.input = input
        taskEntries = try RecordedTaskEntry.group(events)
    }

    /// The terminal event, if the recording reached one.
    public var terminal: Event? {
        guard let last = events.last, Self.terminalTypes.contains(last.type.rawValue) else { return nil }
        return last
    }

    static let terminalTypes: Set<String> = ["ExecutionSucceeded", "ExecutionFailed", "ExecutionTimedOut", "ExecutionAborted"]

    /// Names of every state the recording entered.
    public var enteredStateNames: [(eventId: Int, name: String)] {
        events.compactMap { e in
            e.type.rawValue.hasSuffix("StateEntered") ? e.stateName.map { (e.id, $0) } : nil
        }
    }

    // MARK: - Decoding

    /// AWS CLI output carries payloads as JSON text; the corpus stores values. A history is one or
    /// the other, so decide once: any payload that is not a string means values.
    static func payloadsAreText(_ list: [JSON]) -> Bool {
        for raw in list {
            guard case .object(let object) = raw else { continue }
            for (key, value) in object where key.hasSuffix("EventDetails") {
                for payloadKey in HistoryEvent.textPayloads {
                    // A null payload (a tool's stand-in for none) says nothing either way.
                    if let payload = value[payloadKey], payload != .null, payload.stringValue == nil { return false }
                }
            }
        }
        return true
    }

    /// An execution input is JSON text, even in a history whose other payloads are values (some
    /// recordings decode every payload but that one): then it is decoded here, once, into the
    /// document the execution started with (`events` were read as values). A string input stays a string when the first state
    /// entered with that string (the execution's input was a JSON string).
    static func decodeTextInput(_ events: inout [Event]) {
        guard let first = events.first, first.type == .executionStarted,
              case .string(let text)? = first.details?["input"], let document = try? JSONParser().parse(text) else { return }
        let entered = events.first { $0.type.rawValue.hasSuffix("StateEntered") }?.details?["input"]
        if let entered, entered != document { return }
        events[0].details?["input"] = document
    }

    static func events(_ list: [JSON], payloadsAreText: Bool) throws(ReplayProblem) -> [Event] {
        var events: [Event] = []
        events.reserveCapacity(list.count)
        for (position, raw) in list.enumerated() {
            events.append(try event(raw, position: position, payloadsAreText: payloadsAreText))
        }
        return events
    }

    static func event(_ raw: JSON, position: Int, payloadsAreText: Bool) throws(ReplayProblem) -> Event {
        guard case .object(let object) = raw, let typeName = object["type"]?.stringValue else {
            throw .notAHistory("event #\(position + 1) has no \"type\"")
        }
        let type = EventType(typeName)
        let id = object["id"]?.intValue.map(Int.init) ?? 0
        var details = object[type.detailsKey]?.objectValue
        if payloadsAreText, var decoded = details {
            for key in HistoryEvent.textPayloads {
                guard let text = decoded[key]?.stringValue else { continue }
                do {
                    decoded[key] = try JSONParser().parse(text)
                } catch {
                    throw .badPayload(eventId: id, member: key, message: "\(error.location): \(error.message)")
                }
            }
            details = decoded
        }
        return Event(id: id, previousEventId: object["previousEventId"]?.intValue.map(Int.init) ?? 0,
                     type: type, details: details, timestamp: object["timestamp"])
    }
}

extension RecordedHistory.Event {
    /// A recorded event from a local history event (for exporting a local execution).
    public init(_ event: HistoryEvent) {
        self.init(id: event.id, previousEventId: event.previousEventId, type: event.type,
                  details: event.details, timestamp: .number(.int(event.timestamp)))
    }
}

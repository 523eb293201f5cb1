/// One entry of a Task state in a recording, with the answer to each attempt.
public struct RecordedTaskEntry: Sendable {
    /// One attempt: what was scheduled and how it ended (nil while it never ended).
    public struct Attempt: Sendable {
        public var scheduledEventId: Int
        /// `input` (Lambda function, activity) or `parameters` (service integration).
        public var parameters: JSON?
        public var response: TaskResponse?
        /// The event that ended the attempt.
        public var endEventId: Int?
        /// Whole seconds from scheduled to ended, when both timestamps are known.
        public var seconds: Int64?
        var scheduledAt: Int64?
    }

    public var stateName: String
    public var enteredEventId: Int
    /// 0 for the first entry of this state name, 1 for the second, ...
    public var ordinal: Int
    public var attempts: [Attempt] = []
    /// `LambdaFunction`, `Activity` or `Task`: the event prefix, which says how results are shaped.
    public var eventPrefix = "Task"

    static let prefixes = ["LambdaFunction", "Activity", "Task"]

    /// The prefix and phase of a task event type (`TaskScheduled` → ("Task", "Scheduled")).
    static func taskPhase(_ type: EventType) -> (prefix: String, phase: String)? {
        let raw = type.rawValue
        guard !raw.contains("State") else { return nil }
        for prefix in prefixes where raw.hasPrefix(prefix) {
            return (prefix, String(raw.dropFirst(prefix.count)))
        }
        return nil
    }

    /// Groups task events by the Task state entry they belong to: through `previousEventId`
    /// (Map iterations interleave), or the latest entry when ids were lost (re-ordered Parallel events).
    static func group(_ events: [RecordedHistory.Event]) throws(ReplayProblem) -> [RecordedTaskEntry] {
        var entries: [RecordedTaskEntry] = []
        var ordinals: [String: Int] = [:]
        var owner: [Int: Int] = [:]
        var latest: Int?
        for event in events {
            if event.type.rawValue == "TaskStateEntered", let name = event.stateName {
                let ordinal = ordinals[name, default: 0]
                ordinals[name] = ordinal + 1
                entries.append(RecordedTaskEntry(stateName: name, enteredEventId: event.id, ordinal: ordinal))
                latest = entries.count - 1
                if event.id != 0 { owner[event.id] = entries.count - 1 }
                continue
            }
            // A task that failed before it could be scheduled (a deleted activity, parameters the
            // service refused) ends the execution straight away: that failure is the answer.
            if event.type == .executionFailed, let index = latest, entries[index].attempts.isEmpty {
                let details = event.details ?? [:]
                let error = details["error"]?.stringValue
                let cause = details["cause"]?.stringValue
                if error == StatesErrorName.runtime, let cause, let reason = Self.withoutStatePrefix(cause) {
                    entries[index].settle(.cannotStart(cause: reason), at: event)
                } else {
                    entries[index].settle(.failed(.reported(error: error, cause: cause)), at: event)
                }
                continue
            }
            guard let (prefix, phase) = taskPhase(event.type) else { continue }
            guard let index = (event.previousEventId != 0 ? owner[event.previousEventId] : nil) ?? latest else { continue }
            if event.id != 0 { owner[event.id] = index }
            let details = event.details ?? [:]
            switch phase {
            case "Scheduled":
                entries[index].eventPrefix = prefix
                entries[index].attempts.append(Attempt(scheduledEventId: event.id, parameters: details["input"] ?? details["parameters"],
                                                       scheduledAt: event.milliseconds))
            case "Succeeded":
                if details["outputDetails"]?["truncated"] == true {
                    throw .truncatedPayload(eventId: event.id, what: "the task result of '\(entries[index].stateName)'")
                }
                guard let output = details["output"] else {
                    throw .missingData(eventId: event.id, what: "the task result of '\(entries[index].stateName)'")
                }
                entries[index].settle(.succeeded(output), at: event)
            case "Failed", "TimedOut", "StartFailed", "ScheduleFailed", "SubmitFailed":
                var name = details["error"]?.stringValue
                if phase == "TimedOut" && (name ?? "").isEmpty { name = StatesErrorName.timeout }
                // Some recordings store a JSON cause parsed; the engine carries causes as text.
                let cause = details["cause"].map { $0.stringValue ?? JSONPrinter.compact($0) }
                entries[index].settle(.failed(.reported(error: name, cause: cause)), at: event)
            default:
                break
            }
        }
        return entries
    }

    /// AWS's cause without its `An error occurred while executing the state 'S' (entered at the
    /// event id #N). ` prefix, or nil when it has none.
    static func withoutStatePrefix(_ cause: String) -> String? {
        guard cause.hasPrefix("An error occurred while executing the state '"),
              let marker = cause.firstRange(of: "' (entered at the event id #") else { return nil }
        let rest = cause[marker.upperBound...].drop { $0.isASCII && $0.isNumber }
        guard rest.hasPrefix("). ") else { return nil }
        return String(rest.dropFirst(3))
    }

    mutating func settle(_ response: TaskResponse, at event: RecordedHistory.Event) {
        if attempts.isEmpty || attempts[attempts.count - 1].response != nil {
            // ScheduleFailed and the like may come without a TaskScheduled.
            attempts.append(Attempt(scheduledEventId: event.id, parameters: nil))
        }
        let last = attempts.count - 1
        attempts[last].response = response
        attempts[last].endEventId = event.id
        if let start = attempts[last].scheduledAt, let end = event.milliseconds, end >= start {
            attempts[last].seconds = VirtualTime.span(from: start, to: end) / 1000
        }
    }
}

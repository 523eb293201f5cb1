/// Why a recorded history cannot be replayed against a definition; each message says which
/// event, which state, what is missing and what to do.
public enum ReplayProblem: Error, Sendable, CustomStringConvertible {
    case notAHistory(String)
    case paginated(eventCount: Int)
    case truncatedStart(first: String)
    case missingData(eventId: Int, what: String)
    case truncatedPayload(eventId: Int, what: String)
    case badPayload(eventId: Int, member: String, message: String)
    case unknownState(eventId: Int, name: String)
    case taskNotRecorded(state: String, entry: Int, attempt: Int, lastEventId: Int, finished: Bool)
    case unansweredTask(state: String, attempt: Int, eventId: Int)
    /// The engine cannot run something the recording did (an unsupported feature).
    case engine(String)

    public var description: String {
        switch self {
        case .notAHistory(let why):
            return "this is not an execution history: \(why); give the output of `aws stepfunctions get-execution-history --execution-arn ARN`"
        case .paginated(let count):
            return "the history has a \"nextToken\": it is one page (\(count) events) of a longer history; "
                + "fetch it whole with `aws stepfunctions get-execution-history --execution-arn ARN` (the CLI follows nextToken unless --max-items or --no-paginate is given)"
        case .truncatedStart(let first):
            return "the history does not begin with ExecutionStarted (it begins with \(first)): it is truncated; "
                + "fetch it whole, oldest first"
        case .missingData(let id, let what):
            return "event \(id) lacks \(what): the history was fetched without execution data; "
                + "fetch it again with --include-execution-data"
        case .truncatedPayload(let id, let what):
            return "event \(id) has \(what) truncated by AWS (over 256 KiB); it cannot be replayed exactly"
        case .badPayload(let id, let member, let message):
            return "event \(id): \"\(member)\" is not JSON text (\(message))"
        case .unknownState(let id, let name):
            return "event \(id) enters state '\(name)', which the definition does not have: this history belongs to another "
                + "state machine (or an older version of it); give the definition it ran with (`aws stepfunctions describe-execution` names the state machine)"
        case .taskNotRecorded(let state, let entry, let attempt, let last, let finished):
            let which = "entry \(entry + 1), attempt \(attempt + 1)"
            if finished {
                return "the replay calls Task state '\(state)' (\(which)), which the recording never ran: the local execution departed from it"
            }
            return "the replay needs Task state '\(state)' (\(which)), but the recording ends at event \(last) before it: "
                + "the history is truncated or the execution was still running"
        case .unansweredTask(let state, let attempt, let id):
            return "Task state '\(state)' attempt \(attempt + 1) (scheduled at event \(id)) has no recorded answer "
                + "(the history ends before it succeeded or failed)"
        case .engine(let message):
            return message
        }
    }
}

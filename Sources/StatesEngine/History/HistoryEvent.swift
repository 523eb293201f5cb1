/// One event of an execution's history, as AWS GetExecutionHistory reports it.
///
/// Payloads (`input`, `output`, `parameters`, assigned variables) are kept as JSON values that
/// share structure with the execution's data; they become JSON text only when printed.
public struct HistoryEvent: Sendable {
    public var id: Int
    public var previousEventId: Int
    /// Virtual time in milliseconds since the Unix epoch.
    public var timestamp: Int64
    public var type: EventType
    /// The `…EventDetails` member, or nil for events that have none (`LambdaFunctionStarted`).
    public var details: JSONObject?
    /// The data-flow stages of the state visit this event closes (`…StateExited`), or that
    /// reached a failed task attempt (`TaskFailed`, `LambdaFunctionTimedOut`, ...).
    public var stages: StageRecord? {
        get { stagesBox?.record }
        set { stagesBox = newValue.map(StagesBox.init) }
    }
    // Boxed so that an event stays small: the history's tail is copied when an earlier
    // moment of an execution is kept and the execution steps on.
    private var stagesBox: StagesBox?

    private final class StagesBox: Sendable {
        let record: StageRecord
        init(_ record: StageRecord) { self.record = record }
    }

    public init(id: Int, previousEventId: Int, timestamp: Int64, type: EventType, details: JSONObject? = nil, stages: StageRecord? = nil) {
        self.id = id
        self.previousEventId = previousEventId
        self.timestamp = timestamp
        self.type = type
        self.details = details
        stagesBox = stages.map(StagesBox.init)
    }

    /// `{"truncated": false}`, the `…Details` member of every payload asldb records.
    static let notTruncated: JSON = ["truncated": false]

    /// The state name of a `…StateEntered` / `…StateExited` event.
    public var stateName: String? { details?["name"]?.stringValue }
}

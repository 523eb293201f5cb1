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
    public var details: JSONObject? {
        get {
            switch storedDetails {
            case .none: return nil
            case .object(let object): return object
            case .filled(let skeleton, let payload):
                var object = skeleton.object
                object.values[skeleton.index] = payload
                return object
            }
        }
        set { storedDetails = newValue.map(Details.object) ?? .none }
    }
    /// Most events are a state's Entered or Exited: their details are the state's prepared
    /// skeleton plus one payload, kept apart so that recording one copies no dictionary.
    private var storedDetails: Details

    enum Details: Sendable {
        case none
        case object(JSONObject)
        /// The skeleton with `payload` as the value of its open member.
        case filled(DetailsSkeleton, payload: JSON)
    }
    /// The data-flow stages of the state visit this event closes (`…StateExited`), or that
    /// reached a failed task attempt (`TaskFailed`, `LambdaFunctionTimedOut`, ...).
    public var stages: StageRecord? {
        get { stagesBox?.record }
        set { stagesBox = newValue.map(StagesBox.init) }
    }
    // Boxed so that an event stays small: the history's tail is copied when an earlier
    // moment of an execution is kept and the execution steps on. The box is the one the
    // frame filled during the visit, shared rather than copied.
    var stagesBox: StagesBox?

    public init(id: Int, previousEventId: Int, timestamp: Int64, type: EventType, details: JSONObject? = nil, stages: StageRecord? = nil) {
        self.id = id
        self.previousEventId = previousEventId
        self.timestamp = timestamp
        self.type = type
        storedDetails = details.map(Details.object) ?? .none
        stagesBox = stages.map(StagesBox.init)
    }

    init(id: Int, previousEventId: Int, timestamp: Int64, type: EventType, storedDetails: Details, stagesBox: StagesBox?) {
        self.id = id
        self.previousEventId = previousEventId
        self.timestamp = timestamp
        self.type = type
        self.storedDetails = storedDetails
        self.stagesBox = stagesBox
    }

    /// `{"truncated": false}`, the `…Details` member of every payload asldb records.
    static let notTruncated: JSON = ["truncated": false]

    /// The state name of a `…StateEntered` / `…StateExited` event.
    public var stateName: String? {
        switch storedDetails {
        case .none: return nil
        case .object(let object): return object["name"]?.stringValue
        case .filled(let skeleton, let payload):
            guard let i = skeleton.object.index(forKey: "name") else { return nil }
            return (i == skeleton.index ? payload : skeleton.object.values[i]).stringValue
        }
    }
}

/// A state's Entered or Exited details with the payload still to fill in, prepared once per
/// state: an event refers to it instead of holding a dictionary of its own.
final class DetailsSkeleton: Sendable {
    let object: JSONObject
    /// The member that holds the payload.
    let index: Int

    init(_ object: JSONObject, payloadAt index: Int) {
        self.object = object
        self.index = index
    }
}

/// A state visit's stages, shared by the frame that fills them and the event that records them.
/// Copy-on-write: it is changed in place only while one owner holds it.
final class StagesBox: @unchecked Sendable {
    var record: StageRecord
    init(_ record: StageRecord) { self.record = record }
}

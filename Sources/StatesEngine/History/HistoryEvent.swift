/// One event of an execution's history, as AWS GetExecutionHistory reports it.
///
/// Payloads (`input`, `output`, `parameters`, assigned variables) are kept as JSON values that
/// share structure with the execution's data; they become JSON text only when printed.
public struct HistoryEvent: Sendable {
    /// Everything an event holds, in one shared object: an event is copied into the history and
    /// handed to the caller of `step()`, and a copy then costs one reference, not one per payload.
    /// An event that records a visit's stages (`StagedStorage`) holds them in the same object.
    private class Storage: @unchecked Sendable {
        // Changed only through `HistoryEvent`'s setters, which copy a shared storage first.
        // Ids fit 32 bits: a history ends at 25 000 events (Map children count apart).
        var id: Int32
        var previousEventId: Int32
        var timestamp: Int64
        var type: EventType
        var details: Details

        init(id: Int, previousEventId: Int, timestamp: Int64, type: consuming EventType, details: consuming Details) {
            self.id = Int32(truncatingIfNeeded: id)
            self.previousEventId = Int32(truncatingIfNeeded: previousEventId)
            self.timestamp = timestamp
            self.type = type
            self.details = details
        }

        var record: StageRecord? { nil }

        func copy(stages: StageRecord??) -> Storage {
            let kept = stages ?? record
            let copy = kept.map { StagedStorage(id: 0, previousEventId: 0, timestamp: timestamp, type: type, details: details, record: $0) }
                ?? Storage(id: 0, previousEventId: 0, timestamp: timestamp, type: type, details: details)
            copy.id = id
            copy.previousEventId = previousEventId
            // A payload read from the stages stays with them only while there are stages.
            if case .stageOutput(let skeleton) = details, kept == nil {
                copy.details = .filled(skeleton, payload: record?.output ?? .null)
            }
            return copy
        }
    }

    private final class StagedStorage: Storage, @unchecked Sendable {
        var stages: StageRecord

        init(id: Int, previousEventId: Int, timestamp: Int64, type: consuming EventType, details: consuming Details,
             record: consuming StageRecord) {
            stages = record
            super.init(id: id, previousEventId: previousEventId, timestamp: timestamp, type: consume type, details: consume details)
        }

        override var record: StageRecord? { stages }
    }

    private var storage: Storage

    private var unique: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy(stages: nil) }
            return storage
        }
    }

    public var id: Int {
        get { Int(storage.id) }
        set { unique.id = Int32(truncatingIfNeeded: newValue) }
    }
    public var previousEventId: Int {
        get { Int(storage.previousEventId) }
        set { unique.previousEventId = Int32(truncatingIfNeeded: newValue) }
    }
    /// Virtual time in milliseconds since the Unix epoch.
    public var timestamp: Int64 {
        get { storage.timestamp }
        set { unique.timestamp = newValue }
    }
    public var type: EventType {
        get { storage.type }
        set { unique.type = newValue }
    }
    /// The `…EventDetails` member, or nil for events that have none (`LambdaFunctionStarted`).
    public var details: JSONObject? {
        get {
            switch storage.details {
            case .none: return nil
            case .object(let object): return object
            case .filled(let skeleton, let payload):
                var object = skeleton.object
                object.setValue(payload, at: skeleton.index)
                return object
            case .stageOutput(let skeleton):
                var object = skeleton.object
                object.setValue(storage.record?.output ?? .null, at: skeleton.index)
                return object
            }
        }
        set { unique.details = newValue.map(Details.object) ?? .none }
    }

    enum Details: Sendable {
        case none
        case object(JSONObject)
        /// The skeleton with `payload` as the value of its open member: most events are a
        /// state's Entered or Exited, whose details are the state's prepared skeleton plus one
        /// payload, kept apart so that recording one copies no dictionary.
        case filled(DetailsSkeleton, payload: JSON)
        /// A StateExited event's: the payload is the output of the stages the event records.
        case stageOutput(DetailsSkeleton)
    }
    /// The data-flow stages of the state visit this event closes (`…StateExited`), or that
    /// reached a failed task attempt (`TaskFailed`, `LambdaFunctionTimedOut`, ...).
    public var stages: StageRecord? {
        get { storage.record }
        set { storage = storage.copy(stages: .some(newValue)) }
    }

    public init(id: Int, previousEventId: Int, timestamp: Int64, type: EventType, details: JSONObject? = nil, stages: StageRecord? = nil) {
        self.init(id: id, previousEventId: previousEventId, timestamp: timestamp, type: type,
                  storedDetails: details.map(Details.object) ?? .none, stages: stages)
    }

    init(id: Int, previousEventId: Int, timestamp: Int64, type: consuming EventType, storedDetails: consuming Details,
         stages: consuming StageRecord?) {
        if let record = consume stages {
            self.init(id: id, previousEventId: previousEventId, timestamp: timestamp, type: consume type,
                      storedDetails: consume storedDetails, stages: consume record)
        } else {
            self.init(id: id, previousEventId: previousEventId, timestamp: timestamp, type: consume type,
                      storedDetails: consume storedDetails)
        }
    }

    /// An event without stages.
    init(id: Int, previousEventId: Int, timestamp: Int64, type: consuming EventType, storedDetails: consuming Details) {
        storage = Storage(id: id, previousEventId: previousEventId, timestamp: timestamp, type: consume type,
                          details: consume storedDetails)
    }

    /// An event that keeps the stages of the visit it records.
    init(id: Int, previousEventId: Int, timestamp: Int64, type: consuming EventType, storedDetails: consuming Details,
         stages: consuming StageRecord) {
        storage = StagedStorage(id: id, previousEventId: previousEventId, timestamp: timestamp, type: consume type,
                                details: consume storedDetails, record: consume stages)
    }

    /// `{"truncated": false}`, the `…Details` member of every payload asldb records.
    static let notTruncated: JSON = ["truncated": false]

    /// The state name of a `…StateEntered` / `…StateExited` event.
    public var stateName: String? {
        switch storage.details {
        case .none: return nil
        case .object(let object): return object["name"]?.stringValue
        case .filled(let skeleton, _), .stageOutput(let skeleton):
            guard let i = skeleton.object.index(forKey: "name"), i != skeleton.index else { return nil }
            return skeleton.object.value(at: i).stringValue
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

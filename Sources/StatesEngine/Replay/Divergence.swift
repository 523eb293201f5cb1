/// The first place where a local re-execution departs from its recording: both sides.
public struct Divergence: Sendable, CustomStringConvertible {
    /// 1-based position in the local history (nil when the local execution ended early).
    public var localEventId: Int?
    public var local: HistoryEvent?
    public var recorded: RecordedHistory.Event?
    /// What differs, in words.
    public var reason: String
    /// The state the local execution was in.
    public var stateName: String?

    public var description: String {
        let where_ = stateName.map { " in state '\($0)'" } ?? ""
        var lines = ["the replay departs from the recording\(where_): \(reason)"]
        if let recorded {
            lines.append("  recorded event \(recorded.id): \(recorded.type)\(Self.summary(recorded.details))")
        } else {
            lines.append("  recorded: (no more events)")
        }
        if let local {
            lines.append("  local    event \(local.id): \(local.type)\(Self.summary(local.details))")
        } else {
            lines.append("  local:    (the execution ended)")
        }
        return lines.joined(separator: "\n")
    }

    static func summary(_ details: JSONObject?) -> String {
        guard let details else { return "" }
        var parts: [String] = []
        for key in ["name", "error", "cause", "input", "output", "parameters"] {
            if let value = details[key] { parts.append("\(key)=\(JSONPrinter.compact(value))") }
        }
        return parts.isEmpty ? "" : " " + parts.joined(separator: " ")
    }
}

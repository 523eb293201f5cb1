/// Answers Task states with what the recording answered, entry by entry and attempt by attempt.
public struct ReplayTaskSource: TaskSource {
    let entriesByState: [String: [RecordedTaskEntry]]

    public init(_ history: RecordedHistory) {
        entriesByState = Dictionary(grouping: history.taskEntries, by: \.stateName)
    }

    public func respond(to request: TaskRequest) -> TaskResponse? {
        guard let entry = entry(for: request), request.attempt < entry.attempts.count else { return nil }
        let attempt = entry.attempts[request.attempt]
        guard let response = attempt.response else { return nil }
        // The attempt takes as long as it did, so timeouts and later timestamps line up.
        if let seconds = attempt.seconds, seconds > 0 { return .after(seconds: seconds, response) }
        return response
    }

    /// The recorded entry that answers this request: the same entry number when its parameters
    /// agree, else one whose parameters do (Map iterations may be recorded in another order),
    /// else the same entry number (the history comparison will then show the difference).
    func entry(for request: TaskRequest) -> RecordedTaskEntry? {
        guard let entries = entriesByState[request.stateName], !entries.isEmpty else { return nil }
        func agrees(_ e: RecordedTaskEntry) -> Bool {
            guard request.attempt < e.attempts.count, let recorded = e.attempts[request.attempt].parameters else { return false }
            return recorded == request.input
        }
        if request.entry < entries.count, agrees(entries[request.entry]) { return entries[request.entry] }
        if let match = entries.first(where: agrees) { return match }
        return request.entry < entries.count ? entries[request.entry] : nil
    }
}

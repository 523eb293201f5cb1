/// Pairs local events with recorded ones. Inside Map and Parallel the order may differ
/// (iterations interleave, the corpus re-sorted branch events), so there any unmatched
/// recorded event may pair; elsewhere only the next one.
struct DivergenceMatcher {
    let recorded: [RecordedHistory.Event]
    var matched: [Bool]
    var next = 0
    var concurrency = 0

    init(_ recorded: [RecordedHistory.Event]) {
        self.recorded = recorded
        matched = Array(repeating: false, count: recorded.count)
    }

    static let opens: Set<String> = ["MapStateStarted", "ParallelStateStarted"]
    static let closes: Set<String> = ["MapStateSucceeded", "MapStateFailed", "MapStateAborted",
                                      "ParallelStateSucceeded", "ParallelStateFailed", "ParallelStateAborted"]

    mutating func match(_ event: HistoryEvent, position: Int) -> Divergence? {
        defer {
            if Self.opens.contains(event.type.rawValue) { concurrency += 1 }
            if Self.closes.contains(event.type.rawValue) { concurrency = max(0, concurrency - 1) }
        }
        while next < recorded.count && matched[next] { next += 1 }
        guard next < recorded.count else {
            return Divergence(localEventId: event.id, local: event, recorded: nil,
                              reason: "the recording has ended, the local execution goes on")
        }
        if let reason = Self.difference(event, recorded[next]) {
            if concurrency > 0, let other = (next..<recorded.count).first(where: { !matched[$0] && Self.difference(event, recorded[$0]) == nil }) {
                matched[other] = true
                return nil
            }
            return Divergence(localEventId: event.id, local: event, recorded: recorded[next], reason: reason)
        }
        matched[next] = true
        return nil
    }

    func unmatchedRemainder() -> Divergence? {
        guard let index = matched.firstIndex(of: false) else { return nil }
        return Divergence(localEventId: nil, local: nil, recorded: recorded[index],
                          reason: "the local execution ended, the recording goes on")
    }

    /// Why two events differ, or nil when they agree (ids and timestamps are not compared).
    static func difference(_ local: HistoryEvent, _ recorded: RecordedHistory.Event) -> String? {
        guard local.type == recorded.type else { return "the event type differs" }
        let l = local.details ?? [:]
        let r = recorded.details ?? [:]
        for key in ["name", "error", "cause", "input", "output"] {
            // The service's answer to a callback or .sync start is not something a task source
            // gives the engine, so the Submitted payload is not compared.
            if key == "output" && local.type.rawValue.hasSuffix("Submitted") { continue }
            guard var rv = r[key], let lv = l[key] else { continue }
            // Some recordings store a JSON cause parsed.
            if key == "cause", rv.stringValue == nil, let text = lv.stringValue, let parsed = try? JSONParser().parse(text), RecordedValue.matches(rv, parsed) {
                rv = lv
            }
            if !RecordedValue.matches(rv, lv) { return key == "name" ? "another state" : "the \(key) differs" }
        }
        return nil
    }
}

import Foundation
import StatesEngine
import Testing

/// Every recorded AWS execution in the conformance corpus, replayed from its own history, must
/// end as AWS's did.
@Suite struct ReplayCorpusTests {
    static let root = "/work/shared/conformance/cases"

    struct Case {
        var id: String
        var json: JSON
    }

    /// Non-JSONata cases that recorded their history.
    static func cases() -> [Case] {
        let fm = FileManager.default
        guard let groups = try? fm.contentsOfDirectory(atPath: root) else { return [] }
        var out: [Case] = []
        for group in groups.sorted() {
            for file in ((try? fm.contentsOfDirectory(atPath: root + "/" + group)) ?? []).sorted() where file.hasSuffix(".json") {
                guard let data = fm.contents(atPath: root + "/" + group + "/" + file),
                      let json = try? JSONParser().parse(Array(data)),
                      json["expected"]?["events"]?.arrayValue != nil,
                      !(json["features"]?.arrayValue ?? []).contains("JSONata")
                else { continue }
                out.append(Case(id: group + "/" + file, json: json))
            }
        }
        return out
    }

    /// Why a replay did not reproduce the recorded result, or nil when it did; `departure`
    /// receives the first event-level difference (what the engine does differently from AWS).
    static func replayProblem(_ c: Case, departure: inout String?) -> String? {
        guard let machine = DefinitionLoader.load(text: JSONPrinter.compact(c.json["definition"] ?? .null)).machine else {
            return "definition does not load"
        }
        let expected = c.json["expected"] ?? .null
        do {
            let recorded = try RecordedHistory(json: ["events": realInput(expected["events"] ?? .null, c.json["input"])])
            let outcome = try Replay(definition: machine, recorded: recorded).run(stopAtDivergence: false)
            departure = outcome.divergence?.description
            let result = outcome.execution.resultJSON
            for key in ["status", "output", "error", "cause"] {
                guard let want = expected[key] else { continue }
                let got = result[key] ?? .null
                if !RecordedValue.matches(want, got) && !causeMatches(key, want, got) && !Self.matchesReserialised(want, got) {
                    return "\(key): expected \(JSONPrinter.compact(want)), got \(JSONPrinter.compact(got))"
                }
            }
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// The corpus redacts some recorded inputs (`"<date>"`) but keeps the real one in the case:
    /// an AWS history always holds the real input, so the replay gets it back.
    static func realInput(_ events: JSON, _ input: JSON?) -> JSON {
        guard case .array(var list) = events, let input, !list.isEmpty,
              var details = list[0]["executionStartedEventDetails"]?.objectValue,
              let recorded = details["input"], JSONPrinter.compact(recorded).contains("\"<") else { return events }
        details["input"] = input
        guard case .object(var first) = list[0] else { return events }
        first["executionStartedEventDetails"] = .object(details)
        list[0] = .object(first)
        return .array(list)
    }

    /// Error causes nested in an output (a caught error) were stored re-serialised by the corpus,
    /// with other spacing: equal when the JSON they hold is equal.
    static func matchesReserialised(_ want: JSON, _ got: JSON) -> Bool {
        switch (want, got) {
        case (.object(let w), .object(let g)):
            return w.count == g.count && w.allSatisfy { key, value in g[key].map { matchesReserialised(value, $0) } ?? false }
        case (.array(let w), .array(let g)):
            return w.count == g.count && zip(w, g).allSatisfy { matchesReserialised($0, $1) }
        case (.string(let w), .string(let g)):
            if RecordedValue.matches(want, got) { return true }
            guard let wj = try? JSONParser().parse(w), let gj = try? JSONParser().parse(g) else { return false }
            return RecordedValue.matches(wj, gj)
        default:
            return RecordedValue.matches(want, got)
        }
    }

    /// The corpus stored some JSON causes parsed and re-serialised.
    static func causeMatches(_ key: String, _ want: JSON, _ got: JSON) -> Bool {
        guard key == "cause", let w = want.stringValue, let g = got.stringValue,
              let wj = try? JSONParser().parse(w), let gj = try? JSONParser().parse(g) else { return false }
        return RecordedValue.matches(wj, gj)
    }

    @Test func everyRecordedExecutionReplaysToItsRecordedResult() {
        let cases = Self.cases()
        try? #require(!cases.isEmpty, "the conformance corpus is not on this machine")
        var failures: [String] = []
        var departures: [String] = []
        for c in cases {
            var departure: String?
            if let problem = Self.replayProblem(c, departure: &departure) { failures.append("\(c.id): \(problem)") }
            if let departure { departures.append("\(c.id): \(departure)") }
        }
        print("\(departures.count) of \(cases.count) replays departed from the recorded events")
        for departure in departures { print("REPLAY DEPARTS " + departure) }
        let summary = "\(cases.count - failures.count) of \(cases.count) recorded executions replayed to their recorded result"
        print(summary)
        for failure in failures { print("REPLAY FAIL " + failure) }
        #expect(failures.isEmpty, "\(summary)\n\(failures.joined(separator: "\n"))")
    }
}

import StatesEngine
import Testing

@Suite("Event log")
struct EventLogTests {
    func event(_ id: Int) -> HistoryEvent {
        HistoryEvent(id: id, previousEventId: id - 1, timestamp: 0, type: EventType("PassStateEntered"))
    }

    @Test func copiesKeepTheirOwnLengthWhileTheOriginalGrows() {
        var log = EventLog()
        var copies: [EventLog] = []
        for id in 1...100 {
            log.append(event(id))
            copies.append(log)
        }
        for (i, copy) in copies.enumerated() {
            #expect(copy.count == i + 1)
            #expect(copy.last?.id == i + 1)
        }
        #expect(log.all.map(\.id) == Array(1...100))
        #expect(log[57].id == 58)
    }

    @Test func branchingFromAnEarlierMomentLeavesTheOtherBranchAlone() {
        var log = EventLog()
        for id in 1...40 { log.append(event(id)) }
        var branch = log
        branch.append(event(1000))
        log.append(event(41))
        #expect(branch.last?.id == 1000)
        #expect(log.last?.id == 41)
        #expect(branch[39].id == 40)
    }

    @Test func aVeryLongHistoryIsReleasedWithoutExhaustingTheStack() {
        var log: EventLog? = EventLog()
        for id in 1...1_000_000 { log!.append(event(id)) }
        #expect(log?.count == 1_000_000)
        log = nil
    }

    @Test func droppingALongerHistoryLeavesTheEventsItSharedWithAnEarlierMoment() {
        var log: EventLog? = EventLog()
        for id in 1...1_000 { log!.append(event(id)) }
        let earlier = log!
        for id in 1_001...50_000 { log!.append(event(id)) }
        log = nil
        #expect(earlier.count == 1_000)
        #expect(earlier.all.map(\.id) == Array(1...1_000))
        #expect(earlier[999].id == 1_000)
    }

    @Test func everyKeptVersionKeepsItsOwnEventsWhenOthersBranchOffAndGrow() {
        // Deep enough for three levels of the log's tree, with branches taken from old versions.
        var log = EventLog()
        var ids: [Int] = []
        var versions: [(log: EventLog, ids: [Int])] = []
        for step in 0..<20_000 {
            if step % 997 == 996 { (log, ids) = versions[(step * 7) % versions.count] }
            log.append(event(step + 1))
            ids.append(step + 1)
            if step % 211 == 0 { versions.append((log, ids)) }
        }
        versions.append((log, ids))
        for version in versions {
            #expect(version.log.count == version.ids.count)
            #expect(version.log.all.map(\.id) == version.ids)
            for position in stride(from: 0, to: version.ids.count, by: 97) {
                #expect(version.log[position].id == version.ids[position])
            }
            #expect(version.log.last?.id == version.ids.last)
        }
    }
}

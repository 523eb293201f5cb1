import Testing
import StepDebugger

/// Stepping forward through a whole sample and back again shows the same moments, for every sample.
@Suite struct StepBackPropertyTests {
    static let samples: [(String, String?)] = [
        ("order-processing", "PaymentRetriesThenSucceeds"), ("order-processing", "PaymentDeclined"), ("data-flow", "Default"),
        ("choice", nil), ("wait", nil), ("parallel", nil), ("map", nil), ("intrinsics", nil), ("variables", nil),
        ("retry-backoff", "Default"), ("catch-resultpath", "Declined"),
    ]

    struct Moment: Equatable {
        var position: Int
        var state: String?
        var stages: [String]
        var elapsed: Int64
    }

    func moment(_ p: Pause) -> Moment {
        Moment(position: p.position, state: p.visit?.stateName, stages: p.visit?.stages.map { $0.name + JSONPrinter.compact($0.value) } ?? [], elapsed: p.elapsed)
    }

    @Test(arguments: 0..<samples.count) func backThenForwardIsTheSame(_ index: Int) throws {
        let (folder, testCase) = Self.samples[index]
        var session = try Samples.session(folder, testCase: testCase)
        var forward: [Moment] = [moment(session.pause(.start))]
        while true {
            let p = session.step()
            forward.append(moment(p))
            if case .finished = p.reason { break }
            #expect(forward.count < 500)
        }
        var backward: [Moment] = []
        while session.cursor > 0 { backward.append(moment(session.stepBack())) }
        #expect(backward == Array(forward.dropLast().reversed()))
    }
}

import Testing
import StatesLanguage

/// Replays the recorded `choice_operators` executions: a Choice state picking one of two Pass states.
@Suite struct ChoiceConformanceTests {
    @Test func recordedChoicesMatchAWS() {
        let cases = Corpus.cases("choice_operators")
        var passed = 0
        var skipped: [String] = []
        var failures: [String] = []
        for c in cases {
            if let reason = PassChainRunner.unsupportedReason(c.definition) {
                skipped.append("\(c.name): \(reason)")
                continue
            }
            let outcome = PassChainRunner.run(c.definition, input: c.input)
            if let problem = PassChainRunner.mismatch(outcome, expected: c.expected) {
                failures.append("\(c.name): \(problem)")
            } else {
                passed += 1
            }
        }
        print("choice_operators: \(passed) passed, \(failures.count) failed, \(skipped.count) skipped of \(cases.count)")
        for s in skipped { print("  skip \(s)") }
        for f in failures { print("  FAIL \(f)") }
        #expect(failures.isEmpty)
    }
}

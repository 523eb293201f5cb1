import Testing
import StatesLanguage

/// Replays the recorded `intrinsic_functions` executions that are chains of Pass states.
@Suite struct IntrinsicConformanceTests {
    @Test func recordedPassChainsMatchAWS() {
        let cases = Corpus.cases("intrinsic_functions")
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
        print("intrinsic_functions: \(passed) passed, \(failures.count) failed, \(skipped.count) skipped of \(cases.count)")
        for s in skipped { print("  skip \(s)") }
        for f in failures { print("  FAIL \(f)") }
        #expect(failures.isEmpty)
    }
}

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

/// The same replay over every group: any recorded Pass chain exercises paths and templates.
@Suite struct PassChainConformanceTests {
    @Test func recordedPassChainsInAllGroupsMatchAWS() {
        let groups = ["base", "error_handling", "scenarios", "assign", "query_language", "arguments",
                      "context_object", "states_variables", "comments", "timeouts", "local_mocking", "services", "logs"]
        var passed = 0
        var failures: [String] = []
        for group in groups {
            // The 256 KiB limits belong to the engine.
            for c in Corpus.cases(group)
            where PassChainRunner.unsupportedReason(c.definition) == nil && c.expected["error"] != "States.DataLimitExceeded" {
                let outcome = PassChainRunner.run(c.definition, input: c.input)
                if let problem = PassChainRunner.mismatch(outcome, expected: c.expected) {
                    failures.append("\(group)/\(c.name): \(problem)")
                } else {
                    passed += 1
                }
            }
        }
        print("other groups, Pass chains: \(passed) passed, \(failures.count) failed")
        for f in failures { print("  FAIL \(f)") }
        #expect(failures.isEmpty)
    }
}

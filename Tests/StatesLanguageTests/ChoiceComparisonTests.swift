import Testing
import StatesLanguage

@Suite struct ChoiceComparisonTests {
    func eval(_ op: String, _ value: JSON?, _ operand: JSON) throws -> Bool {
        try ChoiceComparison.evaluate(operator: op, value: value, operand: operand)
    }

    @Test func wrongTypesNeverMatch() throws {
        #expect(try !eval("NumericEquals", "1", 1))
        #expect(try !eval("NumericEquals", true, 1))
        #expect(try !eval("StringEquals", 1, "1"))
        #expect(try !eval("BooleanEquals", "true", true))
        #expect(try !eval("TimestampEquals", 1, "2012-10-09T19:00:55Z"))
    }

    @Test func numbersCompareByValue() throws {
        #expect(try eval("NumericEquals", 0, 0.0))
        #expect(try eval("NumericLessThan", 1, 1.5))
        #expect(try eval("NumericGreaterThanEqualsPath", 2, 2))
        #expect(try !eval("NumericGreaterThan", 1, 1))
    }

    @Test func stringsOrderByCodeUnits() throws {
        #expect(try eval("StringLessThan", "A", "AB"))
        #expect(try eval("StringGreaterThan", "a", "B"))
        #expect(try eval("StringLessThanEquals", "", ""))
        #expect(try !eval("StringEquals", " ", "     "))
    }

    @Test func stringMatchesWildcardsAndEscapes() throws {
        #expect(try eval("StringMatches", "log-2024.txt", "log-*.txt"))
        #expect(try eval("StringMatches", "abc", "*"))
        #expect(try eval("StringMatches", "", "*"))
        #expect(try !eval("StringMatches", "log.csv", "log-*.txt"))
        #expect(try eval("StringMatches", "a*b", #"a\*b"#))
        #expect(try !eval("StringMatches", "axb", #"a\*b"#))
        #expect(try eval(#"StringMatches"#, #"a\b"#, #"a\\b"#))
        #expect(try eval("StringMatches", "aXbYc", "a*b*c"))
    }

    @Test func timestamps() throws {
        #expect(try eval("TimestampLessThan", "2012-10-09T19:00:55Z", "2012-10-09T19:00:56Z"))
        #expect(try eval("TimestampEquals", "2012-10-09T20:00:55+01:00", "2012-10-09T19:00:55Z"))
        #expect(try eval("TimestampEquals", "2012-10-09T19:00:55.000Z", "2012-10-09T19:00:55Z"))
        #expect(try eval("TimestampGreaterThan", "2012-10-09T19:00:55.000000001Z", "2012-10-09T19:00:55Z"))
        #expect(try !eval("TimestampEquals", "2012-10-09T19:00:55", "2012-10-09T19:00:55Z"))
        #expect(Timestamp("2016-12-05 21:29:29Z") == nil)
        #expect(Timestamp("2016-12-05T25:29:29Z") == nil)
        #expect(Timestamp("2016-13-05T21:29:29Z") == nil)
        #expect(Timestamp("2023-02-29T00:00:00Z") == nil)
        #expect(Timestamp("2024-02-29T00:00:00Z") != nil)
        #expect(Timestamp("2016-12-05t21:29:29z") == Timestamp("2016-12-05T21:29:29Z"))
        #expect(Timestamp("2016-12-05T21:29Z") == Timestamp("2016-12-05T21:29:00Z"))
        #expect(Timestamp("2016-12-05T21:29:29+0900") == nil)
        #expect(Timestamp("2016-03-14T01:59:00.5Z")?.description == "2016-03-14T01:59:00.5Z")
        #expect(Timestamp("1970-01-01T00:00:00Z")?.epochSeconds == 0)
    }

    /// The Wait timestamps AWS accepted and rejected in the recorded executions.
    @Test func recordedWaitTimestamps() {
        for valid in ["2026-11-24T21:31:52.00Z", "2026-11-24T21:31:52Z", "2016-03-05T21:29:29.243167252Z", "2094-12-13T21:31:52.000Z"] {
            #expect(Timestamp(valid) != nil, "\(valid)")
        }
        for invalid in ["2026-11-24T21:31:52", "2026-11-24T21:31:52.000000", "2016-12-05T25:29:29Z", "2016-12-05 21:29:29Z",
                        "2016-13-05T21:29:29Z", "05-12-2016T21:29:29Z"] {
            #expect(Timestamp(invalid) == nil, "\(invalid)")
        }
        #expect(Timestamp("2016-03-05T21:29:29.243167252Z")?.nanoseconds == 243_167_252)
    }

    @Test func typeTests() throws {
        #expect(try eval("IsNull", .null, true))
        #expect(try eval("IsNull", nil, false))
        #expect(try eval("IsPresent", .null, true))
        #expect(try eval("IsPresent", nil, false))
        #expect(try eval("IsNumeric", 1.5, true))
        #expect(try eval("IsString", "x", true))
        #expect(try eval("IsBoolean", false, true))
        #expect(try eval("IsTimestamp", "2012-10-09T19:00:55Z", true))
        #expect(try eval("IsTimestamp", "2012-10-09", false))
    }

    @Test func missingVariableFailsExceptForTypeTests() {
        let context = EvaluationContext(input: ["a": 1])
        #expect(throws: ExecutionError("States.Runtime", cause: "Invalid path '$.b' : No results for path: $['b']")) {
            try ChoiceComparison.evaluate(operator: "NumericEquals", variable: try JSONPath("$.b"), operand: 1, in: context)
        }
        #expect(try! !ChoiceComparison.evaluate(operator: "IsPresent", variable: try! JSONPath("$.b"), operand: true, in: context))
        #expect(try! ChoiceComparison.evaluate(operator: "NumericEqualsPath", variable: try! JSONPath("$.a"), operand: "$.a", in: context))
    }

    /// A prepared rule answers as the unprepared evaluation does, an operand path that does not
    /// parse included.
    @Test func preparedRulesAnswerLikeUnpreparedOnes() throws {
        let context = EvaluationContext(input: ["a": 1, "b": 2], contextObject: ["n": 1])
        let cases: [(String, JSON)] = [
            ("NumericLessThanPath", "$.b"), ("NumericEqualsPath", "$$.n"), ("NumericEquals", 1), ("IsPresent", true),
            ("NumericLessThanPath", "$.missing"), ("NumericEqualsPath", "$.["),
        ]
        for (op, operand) in cases {
            let prepared = PreparedComparison(variable: try JSONPath("$.a"), operator: op, operand: operand)
            let plain = Result { () throws(ExecutionError) in
                try ChoiceComparison.evaluate(operator: op, variable: try! JSONPath("$.a"), operand: operand, in: context)
            }
            let answer = Result { () throws(ExecutionError) in try prepared.evaluate(in: context) }
            #expect(answer == plain, "\(op) \(operand)")
            #expect(prepared.usesContextObject == (operand == "$$.n"), "\(op) \(operand)")
        }
        #expect(throws: ExecutionError("States.Runtime", cause: "Invalid path '$.[' : unclosed '['")) {
            try PreparedComparison(variable: try JSONPath("$.a"), operator: "NumericEqualsPath", operand: "$.[").evaluate(in: context)
        }
    }
}

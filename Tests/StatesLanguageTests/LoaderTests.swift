import Testing
@testable import StatesLanguage

@Suite struct LoaderTests {
    static let orderMachine = """
        {
          "Comment": "Orders",
          "StartAt": "Validate",
          "TimeoutSeconds": 300,
          "States": {
            "Validate": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke",
              "Parameters": {"FunctionName": "validate", "Payload.$": "$"},
              "ResultSelector": {"ok.$": "$.Payload.ok"},
              "ResultPath": "$.validation",
              "TimeoutSecondsPath": "$.timeout",
              "HeartbeatSeconds": 10,
              "Retry": [
                {"ErrorEquals": ["States.Timeout"], "IntervalSeconds": 2, "MaxAttempts": 5, "BackoffRate": 1.5,
                 "MaxDelaySeconds": 30, "JitterStrategy": "FULL"},
                {"ErrorEquals": ["States.ALL"]}
              ],
              "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Failed"}],
              "Next": "Route"
            },
            "Route": {
              "Type": "Choice",
              "Choices": [
                {"And": [{"Variable": "$.total", "NumericGreaterThanEquals": 100},
                         {"Not": {"Variable": "$.country", "StringEqualsPath": "$.home"}}],
                 "Next": "Hold"},
                {"Variable": "$.express", "IsPresent": true, "Next": "Fan"}
              ],
              "Default": "Hold"
            },
            "Hold": {"Type": "Wait", "SecondsPath": "$.delay", "Next": "Fan"},
            "Fan": {
              "Type": "Parallel",
              "Branches": [
                {"StartAt": "Ship", "States": {"Ship": {"Type": "Pass", "Result": {"shipped": true}, "End": true}}},
                {"StartAt": "Each", "States": {"Each": {
                  "Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 2,
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Pick",
                                    "States": {"Pick": {"Type": "Succeed"}}},
                  "End": true}}}
              ],
              "Next": "Done"
            },
            "Done": {"Type": "Succeed"},
            "Failed": {"Type": "Fail", "Error": "OrderFailed", "CausePath": "$.error.Cause"}
          }
        }
        """

    @Test func loadsEveryStateKindIntoTheModel() throws {
        let loaded = DefinitionLoader.load(text: Self.orderMachine)
        #expect(loaded.lines() == [])
        let machine = try #require(loaded.machine)
        #expect(machine.startAt == "Validate")
        #expect(machine.timeoutSeconds == 300)
        #expect(Array(machine.states.keys) == ["Validate", "Route", "Hold", "Fan", "Done", "Failed"])
        #expect(loaded.stateCount == 9)

        let validate = try #require(machine["Validate"])
        #expect(validate.pointer == "/States/Validate")
        #expect(validate.transition == .next("Route"))
        #expect(validate.resultPath == .path("$.validation"))
        #expect(validate.parameters?["Payload.$"] == "$")
        guard case .task(let task) = validate.kind else { Issue.record("not a task"); return }
        #expect(task.resource == "arn:aws:states:::lambda:invoke")
        #expect(task.timeoutSeconds == .path("$.timeout"))
        #expect(task.heartbeatSeconds == .literal(10))
        #expect(validate.retry.count == 2)
        #expect(validate.retry[0].backoffRate == 1.5)
        #expect(validate.retry[0].jitterStrategy == .full)
        #expect(validate.retry[0].maxDelaySeconds == 30)
        #expect(validate.retry[1].maxAttempts == 3)
        #expect(validate.retry[1].pointer == "/States/Validate/Retry/1")
        #expect(validate.catch.first?.next == "Failed")
        #expect(validate.catch.first?.resultPath == .path("$.error"))

        guard case .choice(let choice) = machine["Route"]?.kind else { Issue.record("not a choice"); return }
        #expect(choice.defaultNext == "Hold")
        #expect(choice.choices.map(\.next) == ["Hold", "Fan"])
        guard case .and(let parts) = choice.choices[0].condition, case .not(let inner) = parts[1],
              case .comparison(let variable, let op, let operand) = inner
        else { Issue.record("wrong condition tree"); return }
        #expect(variable == "$.country" && op == "StringEqualsPath" && operand == "$.home")

        guard case .wait(let wait) = machine["Hold"]?.kind else { Issue.record("not a wait"); return }
        #expect(wait.duration == .seconds(.path("$.delay")))

        guard case .parallel(let parallel) = machine["Fan"]?.kind else { Issue.record("not a parallel"); return }
        #expect(parallel.branches.map(\.pointer) == ["/States/Fan/Branches/0", "/States/Fan/Branches/1"])
        guard case .map(let map) = parallel.branches[1]["Each"]?.kind else { Issue.record("not a map"); return }
        #expect(map.itemsPath == .path("$.items"))
        #expect(map.maxConcurrency == .literal(2))
        #expect(map.processor.pointer == "/States/Fan/Branches/1/States/Each/ItemProcessor")
        #expect(map.processor.startAt == "Pick")

        guard case .fail(let fail) = machine["Failed"]?.kind else { Issue.record("not a fail"); return }
        #expect(fail.error == .literal("OrderFailed"))
        #expect(fail.cause == .path("$.error.Cause"))
    }

    @Test func jsonataFieldsBecomeExpressionsAndStatesInheritTheLanguage() throws {
        let loaded = DefinitionLoader.load(text: """
            {"QueryLanguage": "JSONata", "StartAt": "W", "States": {
              "W": {"Type": "Wait", "Seconds": "{% $states.input.delay %}", "Next": "T"},
              "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                    "Arguments": {"FunctionName": "f", "Payload": "{% $states.input %}"},
                    "TimeoutSeconds": "{%  $t  %}", "Output": "{% $states.result.Payload %}",
                    "Assign": {"n": 1}, "Next": "C"},
              "C": {"Type": "Choice", "Choices": [{"Condition": "{% $n > 0 %}", "Next": "F", "Output": {"x": 1}}],
                    "Default": "M"},
              "M": {"Type": "Map", "Items": "{% $states.input.list %}", "ItemProcessor": {"StartAt": "P",
                    "States": {"P": {"Type": "Pass", "End": true}}}, "End": true},
              "F": {"Type": "Fail", "Error": "{% 'E' & $n %}", "Cause": "literal cause"}
            }}
            """)
        #expect(loaded.lines() == [])
        let machine = try #require(loaded.machine)
        #expect(machine.queryLanguage == .jsonata)
        #expect(machine["T"]?.queryLanguage == .jsonata)
        guard case .wait(let wait) = machine["W"]?.kind else { Issue.record("not a wait"); return }
        #expect(wait.duration == .seconds(.jsonata("$states.input.delay")))
        guard case .task(let task) = machine["T"]?.kind else { Issue.record("not a task"); return }
        #expect(task.timeoutSeconds == .jsonata("$t"))
        #expect(machine["T"]?.assign == ["n": 1])
        guard case .choice(let choice) = machine["C"]?.kind else { Issue.record("not a choice"); return }
        guard case .jsonata(let condition) = choice.choices[0].condition else { Issue.record("not JSONata"); return }
        #expect(condition == "$n > 0")
        #expect(choice.choices[0].output == ["x": 1])
        guard case .map(let map) = machine["M"]?.kind else { Issue.record("not a map"); return }
        #expect(map.items == "{% $states.input.list %}")
        #expect(map.processor["P"]?.queryLanguage == .jsonata)
        guard case .fail(let fail) = machine["F"]?.kind else { Issue.record("not a fail"); return }
        #expect(fail.error == .jsonata("'E' & $n"))
        #expect(fail.cause == .literal("literal cause"))
    }

    @Test func legacyIteratorAndMapParametersAreMarked() throws {
        let loaded = DefinitionLoader.load(text: """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "Parameters": {"item.$": "$$.Map.Item.Value"},
              "Iterator": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}}}
            """)
        #expect(loaded.lines() == [])
        guard case .map(let map) = loaded.machine?["M"]?.kind else { Issue.record("not a map"); return }
        #expect(map.usesLegacyIterator && map.usesLegacyParameters)
        #expect(map.itemSelector?["item.$"] == "$$.Map.Item.Value")
        #expect(map.processor.pointer == "/States/M/Iterator")
        #expect(loaded.machine?["M"]?.parameters == nil)
    }

    @Test func malformedJSONIsReportedWithTheParserPosition() {
        let loaded = DefinitionLoader.load(text: "{\n  \"StartAt\": \"A\",\n  \"States\": {,}\n}", fileName: "m.json")
        #expect(loaded.machine == nil)
        #expect(loaded.lines(fileName: "m.json") == [
            "m.json:3:14: error INVALID_JSON_DESCRIPTION: unexpected ','; object keys must be strings in double quotes (at $.States)",
        ])
    }

    @Test func aWrongTypeIsADiagnosticAndTheRestStillLoads() throws {
        let loaded = DefinitionLoader.load(text: """
            {"StartAt": "A", "States": {
              "A": {"Type": "Pass", "Result": 1, "InputPath": 7, "Next": "B"},
              "B": {"Type": "Task", "Resource": 42, "End": true}}}
            """, fileName: "m.json")
        #expect(loaded.lines(fileName: "m.json") == [
            "m.json:2:38: error SCHEMA_VALIDATION_FAILED: 'InputPath' must be a path string or null, not a number (at $.States.A.InputPath)",
            "m.json:3:25: error SCHEMA_VALIDATION_FAILED: 'Resource' must be a string, not a number (at $.States.B.Resource)",
        ])
        let machine = try #require(loaded.machine)
        #expect(machine["A"]?.inputPath == .absent)
        guard case .pass(let pass) = machine["A"]?.kind else { Issue.record("not a pass"); return }
        #expect(pass.result == 1)
        #expect(machine["B"]?.transition == .end)
    }

    @Test(arguments: ["", "[]", "\"text\"", "null", "{}", "{\"States\": []}", "{\"StartAt\": 1, \"States\": {\"A\": []}}",
                      "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Map\", \"ItemProcessor\": 3, \"Iterator\": {}}}}",
                      "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Choice\", \"Choices\": [{\"Not\": 1}, {\"And\": [[]]}]}}}"])
    func oddInputsGiveDiagnosticsNotCrashes(text: String) {
        let loaded = DefinitionLoader.load(text: text)
        #expect(!loaded.errors.isEmpty)
        #expect(loaded.diagnostics.allSatisfy { $0.location != nil })
    }
}

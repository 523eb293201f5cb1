import Testing
@testable import StatesLanguage

/// YAML definitions load into the same model as JSON ones, with their own line numbers.
@Suite struct YAMLLoaderTests {
    func fixture(_ name: String) throws -> LoadedDefinition {
        let path = TestFiles.fixtures + "/formats/" + name
        return DefinitionLoader.load(bytes: try DefinitionFile.read(path), fileName: name)
    }

    /// A YAML definition read as a document, to look at the values it holds.
    func yaml(_ text: String) throws -> JSON {
        try #require(DefinitionLoader.load(text: text, fileName: "flow.asl.yaml", validate: false).document).value
    }

    @Test func aYAMLDefinitionLoadsTheSameModelAsItsJSONTwin() throws {
        let fromYAML = try fixture("order.asl.yaml")
        let fromJSON = try fixture("order.asl.json")
        #expect(fromYAML.lines() == [] && fromJSON.lines() == [])
        // Printing keeps key order and number kinds (2 and 2.0 print differently), so equal
        // text means the same members, in the same order, with the same types.
        let yamlValue = try #require(fromYAML.document?.value), jsonValue = try #require(fromJSON.document?.value)
        #expect(JSONPrinter.compact(yamlValue) == JSONPrinter.compact(jsonValue))
        let a = try #require(fromYAML.machine), b = try #require(fromJSON.machine)
        #expect(String(reflecting: a) == String(reflecting: b))
        #expect(Array(a.states.keys) == ["Validate", "Route", "Reserve", "Hold", "Done", "Rejected"])
    }

    @Test func diagnosticsPointAtTheYAMLLines() {
        let loaded = DefinitionLoader.load(text: """
            StartAt: First
            States:
              First:
                Type: Pass
                Next: Missing
            """, fileName: "flow.asl.yaml")
        #expect(loaded.lines(fileName: "flow.asl.yaml") == [
            "flow.asl.yaml:2:1: error MISSING_END_STATE: no state ends the state machine; give one state 'End: true' or use a Succeed or Fail state (at $.States)",
            "flow.asl.yaml:5:5: error MISSING_TRANSITION_TARGET: 'Next' names state 'Missing', which does not exist (at $.States.First.Next)",
        ])
    }

    @Test func plainScalarsFollowTheYAMLCoreSchema() throws {
        let value = try yaml("""
            StartAt: A
            States:
              A:
                Type: Pass
                End: true
                Result:
                  int: 42
                  negative: -7
                  big: 12345678901234567890
                  float: 2.0
                  exponent: 1e3
                  leadingPoint: .5
                  hex: 0x1F
                  octal: 0o17
                  yes: yes
                  on: on
                  off: Off
                  tilde: ~
                  empty:
                  trueWord: True
                  date: 2024-01-31
                  time: 12:30
                  version: 1.10
            """)
        let result = try #require(value["States"]?["A"]?["Result"])
        #expect(result["int"] == .number(.int(42)))
        #expect(result["negative"] == .number(.int(-7)))
        #expect(result["big"]?.numberValue?.intValue == nil, "beyond Int64 it is a double, as in JSON")
        #expect(JSONPrinter.compact(result["float"] ?? .null) == "2.0")
        #expect(result["exponent"] == 1000)
        #expect(result["leadingPoint"] == 0.5)
        #expect(result["hex"] == 31)
        #expect(result["octal"] == 15)
        // YAML 1.1 read these as booleans; Step Functions users mean the words.
        #expect(result["yes"] == "yes")
        #expect(result["on"] == "on")
        #expect(result["off"] == "Off")
        #expect(result["tilde"] == .null)
        #expect(result["empty"] == .null)
        #expect(result["trueWord"] == true)
        #expect(result["date"] == "2024-01-31")
        #expect(result["time"] == "12:30")
        #expect(JSONPrinter.compact(result["version"] ?? .null) == "1.1")
    }

    @Test func quotedBlockAndTaggedScalarsAreStrings() throws {
        let value = try yaml("""
            StartAt: A
            States:
              A:
                Type: Pass
                End: true
                Result:
                  single: '42'
                  double: "true"
                  null: 'null'
                  block: |
                    7
                  folded: >
                    one
                    two
                  str: !!str 3
                  int: !!int "3"
                  sub: !Sub arn:${AWS::Partition}:states:::lambda:invoke
                  ref: !Ref 12
            """)
        let result = try #require(value["States"]?["A"]?["Result"])
        #expect(result["single"] == "42")
        #expect(result["double"] == "true")
        #expect(result["null"] == "null")
        #expect(result["block"] == "7\n")
        #expect(result["folded"] == "one two\n")
        #expect(result["str"] == "3")
        #expect(result["int"] == 3)
        // CloudFormation's tags are read as CloudFormation reads them, and then as stand-ins.
        #expect(result["sub"] == "arn:${AWS::Partition}:states:::lambda:invoke")
        #expect(result["ref"] == "${12}")
    }

    @Test func shortFormIntrinsicsInAPlainDefinitionLoadAsStandInsWithAWarningEach() throws {
        let loaded = DefinitionLoader.load(text: """
            StartAt: Transcribe
            States:
              Transcribe:
                Type: Task
                Resource: !GetAtt TranscribeFunction.Arn
                Parameters:
                  Bucket: !Ref MediaBucket
                  Region: !Sub "${AWS::Region}"
                Next: Pause
              Pause:
                Type: Wait
                Seconds: ${ReminderTimeout}
                End: true
            """, fileName: "flow.asl.yaml")
        #expect(loaded.isValid)
        #expect(loaded.document?.value["States"]?["Transcribe"]?["Resource"] == "${TranscribeFunction.Arn}")
        #expect(loaded.document?.value["States"]?["Transcribe"]?["Parameters"] == ["Bucket": "${MediaBucket}", "Region": "${AWS::Region}"])
        #expect(loaded.lines(fileName: "flow.asl.yaml").map { $0.prefix(while: { $0 != " " }) } == [
            "flow.asl.yaml:5:5:", "flow.asl.yaml:7:7:", "flow.asl.yaml:8:7:", "flow.asl.yaml:12:5:",
        ])
        #expect(loaded.warnings.map(\.path) == [
            "$.States.Transcribe.Resource", "$.States.Transcribe.Parameters.Bucket", "$.States.Transcribe.Parameters.Region",
            "$.States.Pause.Seconds",
        ])
        #expect(loaded.warnings[0].message.hasPrefix("the CloudFormation intrinsic Fn::GetAtt was read as \"${TranscribeFunction.Arn}\""))
    }

    @Test func anchorsAliasesAndMergeKeysExpand() throws {
        let value = try yaml("""
            StartAt: A
            States:
              A:
                Type: Pass
                End: true
                Result:
                  base: &base {retries: 3, delay: 2}
                  copy: *base
                  merged:
                    <<: *base
                    delay: 5
            """)
        let result = try #require(value["States"]?["A"]?["Result"])
        #expect(result["copy"] == ["retries": 3, "delay": 2])
        #expect(result["merged"] == ["retries": 3, "delay": 5])
    }

    @Test func aSyntaxErrorReportsFileLineAndColumn() {
        let loaded = DefinitionLoader.load(text: "StartAt: A\nStates:\n  A:\n    Type: Pass\n   End: true\n", fileName: "flow.asl.yaml")
        #expect(loaded.machine == nil)
        let line = loaded.lines(fileName: "flow.asl.yaml").first ?? ""
        #expect(line.hasPrefix("flow.asl.yaml:5:4: error INVALID_JSON_DESCRIPTION: not valid YAML: "), "\(line)")
        #expect(line.contains("indented"), "\(line)")
    }

    @Test func aDuplicateKeyIsAnErrorAtItsLine() {
        let loaded = DefinitionLoader.load(text: "StartAt: A\nStartAt: B\nStates: {}\n", fileName: "flow.asl.yaml")
        #expect(loaded.errors.count == 1)
        #expect(loaded.errors.first?.message.contains("duplicate key 'StartAt'") == true)
        #expect(loaded.errors.first?.location?.line == 1 || loaded.errors.first?.location?.line == 2)
    }

    @Test func aMappingKeyThatIsNotTextIsRefused() {
        let loaded = DefinitionLoader.load(text: "StartAt: A\n? [a, b]\n: 1\n", fileName: "flow.asl.yaml")
        #expect(loaded.lines(fileName: "f.yaml").first?.hasPrefix("f.yaml:2:3: error INVALID_JSON_DESCRIPTION: a mapping key must be text") == true)
    }

    @Test func aliasBombsAreRefusedNotExpanded() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...7 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let loaded = DefinitionLoader.load(text: text, fileName: "bomb.yaml")
        #expect(loaded.errors.first?.message.contains("aliases are expanded") == true)
    }

    @Test func contentThatIsNotJSONIsReadAsYAMLWhenTheNameDoesNotSay() {
        let loaded = DefinitionLoader.load(text: "StartAt: A\nStates:\n  A: {Type: Succeed}\n", fileName: "<stdin>")
        #expect(loaded.isValid && loaded.stateCount == 1)
        // Text that opens like JSON stays JSON, with JSON's messages.
        let json = DefinitionLoader.load(text: "{\"StartAt\": }", fileName: "<stdin>")
        #expect(json.errors.first?.code == .invalidJSONDescription)
        #expect(json.errors.first?.message.contains("YAML") == false)
    }
}

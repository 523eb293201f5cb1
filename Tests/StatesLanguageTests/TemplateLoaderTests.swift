import Testing
@testable import StatesLanguage

/// State machines embedded in SAM, CloudFormation and Serverless Framework templates.
@Suite struct TemplateLoaderTests {
    static let template = TestFiles.fixtures + "/formats/orders.template.yaml"

    /// Reads from `files` first, then from disk.
    func reader(_ files: [String: String]) -> DefinitionReader {
        { path throws(DefinitionReadError) in
            if let text = files[path] { return Array(text.utf8) }
            return try DefinitionFile.read(path)
        }
    }

    func machines(_ path: String, _ files: [String: String] = [:]) throws -> [NamedDefinition] {
        try DefinitionLoader.loadAll(path, read: reader(files))
    }

    func value(_ definition: NamedDefinition?, _ pointer: String) -> JSON? {
        (try? definition?.loaded.document?.value.value(atPointer: pointer)) ?? nil
    }

    @Test func everyStateMachineOfATemplateLoadsUnderItsName() throws {
        let all = try machines(Self.template)
        #expect(all.map { $0.name.split(separator: "/").last.map(String.init) } == [
            "orders.template.yaml#OrderMachine", "orders.template.yaml#GreetMachine",
            "orders.template.yaml#CallMachine", "orders.template.yaml#FileMachine",
        ])
        for machine in all {
            #expect(machine.formattedDiagnostics == [], "\(machine.name)")
            #expect(machine.loaded.machine != nil)
        }
    }

    @Test func definitionSubstitutionsFillStringsAndKeepUnknownPlaceholders() throws {
        let order = try machines(Self.template + "#OrderMachine").first
        // A GetAtt value is known only once deployed: its ${PayArn} stays, naming it.
        #expect(value(order, "/States/Pay/Resource") == "${PayArn}")
        #expect(value(order, "/States/Record/Parameters/TableName") == "orders-${Stage}")
        #expect(value(order, "/States/Record/Parameters/Item/queue/S") == "shipping")
        // Intrinsics inside a Definition object become text, as CloudFormation would make them.
        #expect(value(order, "/States/Notify/Resource") == "arn:${AWS::Partition}:states:::sqs:sendMessage")
        #expect(value(order, "/States/Notify/Parameters/QueueUrl") == "${ShippingQueue}")
        #expect(order?.loaded.diagnostics.isEmpty == true)
    }

    @Test func fnSubVariablesFillTheTextIncludingUnquotedOnes() throws {
        let greet = try machines(Self.template + "#GreetMachine").first
        #expect(value(greet, "/States/Wait/Seconds") == 2)
        #expect(value(greet, "/States/Greet/Result") == "hello from ${AWS::Region}")
        #expect(greet?.loaded.warnings.isEmpty == true, "a known substitution is no stand-in")
    }

    @Test func anIntrinsicOnlyADeploymentCanFollowIsAStandInWithAWarning() throws {
        let template = """
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Resources:
              Machine:
                Type: AWS::Serverless::StateMachine
                Properties:
                  Definition:
                    StartAt: Call
                    States:
                      Call:
                        Type: Task
                        Resource: !If [IsProd, arn:aws:lambda:us-east-1:111111111111:function:prod, arn:aws:lambda:us-east-1:111111111111:function:dev]
                        End: true
            """
        let machine = try #require(try machines("stack.yaml", ["stack.yaml": template]).first)
        #expect(machine.loaded.isValid)
        #expect(value(machine, "/States/Call/Resource") == "${Fn::If}")
        #expect(machine.formattedDiagnostics == [
            "stack.yaml:12:13: warning PLACEHOLDER_SUBSTITUTED: the CloudFormation intrinsic Fn::If was read as \"${Fn::If}\"; "
                + "CloudFormation fills in the real value when the template is deployed (at $.States.Call.Resource)",
        ])
    }

    @Test func fnJoinPartsThatAreFunctionsBecomePlaceholders() throws {
        let call = try machines(Self.template + "#CallMachine").first
        #expect(value(call, "/States/Call/Resource") == "${PayFunction.Arn}")
    }

    @Test func definitionUriLoadsTheFileBesideTheTemplate() throws {
        let file = try #require(try machines(Self.template + "#FileMachine").first)
        #expect(file.sourceFile.hasSuffix("/formats/order.asl.yaml"))
        #expect(file.loaded.stateCount == 6)
    }

    @Test func aTemplateWithSeveralMachinesNeedsANameAndListsThem() {
        #expect(throws: DefinitionReadError.severalStateMachines(Self.template, declared: ["OrderMachine", "GreetMachine", "CallMachine", "FileMachine"])) {
            try DefinitionLoader.load(reference: Self.template)
        }
        let message = DefinitionReadError.severalStateMachines("t.yaml", declared: ["A", "B"]).description
        #expect(message == "t.yaml: the template declares 2 state machines (A, B); choose one as t.yaml#NAME, e.g. t.yaml#A")
        #expect(throws: DefinitionReadError.noSuchStateMachine(Self.template, machine: "Nope", declared: ["OrderMachine", "GreetMachine", "CallMachine", "FileMachine"])) {
            try DefinitionLoader.load(reference: Self.template + "#Nope")
        }
        // The validate output's full name chooses the same machine.
        #expect((try? DefinitionLoader.load(reference: Self.template + "#Resources.CallMachine"))?.loaded.stateCount == 1)
    }

    @Test func aTemplateWithOneMachineNeedsNoName() throws {
        let files = ["one.yaml": """
            Resources:
              Only:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  Definition:
                    StartAt: A
                    States: {A: {Type: Succeed}}
            """]
        let only = try DefinitionLoader.load(reference: "one.yaml", read: reader(files))
        #expect(only.name == "one.yaml#Only" && only.loaded.isValid)
        #expect(DefinitionLoader.load(text: files["one.yaml"]!, fileName: "one.yaml").isValid)
    }

    @Test func problemsInEmbeddedTextAreReportedAtTheTemplateLines() throws {
        let files = ["t.yaml": """
            Resources:
              Text:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  DefinitionString: |
                    {
                      "StartAt": "A",
                      "States": {"A": {"Type": "Pass", "Next": "B"}}
                    }
              Joined:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  DefinitionString:
                    Fn::Join:
                      - "\\n"
                      - - '{"StartAt": "A",'
                        - '"States": {"A": {"Type": "Pass", "End": true,}}}'
              Nothing:
                Type: AWS::Serverless::StateMachine
                Properties:
                  Name: empty
              Remote:
                Type: AWS::Serverless::StateMachine
                Properties:
                  DefinitionUri: {Bucket: b, Key: k.json}
              Missing:
                Type: AWS::Serverless::StateMachine
                Properties:
                  DefinitionUri: nowhere/flow.asl.json
            """]
        let lines = try machines("t.yaml", files).flatMap(\.formattedDiagnostics)
        #expect(lines == [
            "t.yaml:8:11: error MISSING_END_STATE: no state ends the state machine; give one state 'End: true' or use a Succeed or Fail state (at $.States)",
            "t.yaml:8:44: error MISSING_TRANSITION_TARGET: 'Next' names state 'B', which does not exist (at $.States.A.Next)",
            "t.yaml:17:15: error INVALID_JSON_DESCRIPTION: trailing comma before '}'; remove the ',' (line 2, column 45 of the definition text) (at $.States.A)",
            "t.yaml:19:5: error TEMPLATE_DEFINITION: the state machine 'Nothing' gives no Definition, DefinitionString or DefinitionUri (at $.Resources.Nothing)",
            "t.yaml:25:22: error TEMPLATE_DEFINITION: DefinitionUri names an object in S3, which asldb cannot read; download it and load the file, or point DefinitionUri at a local copy (at $.Resources.Remote.Properties.DefinitionUri)",
            "t.yaml:29:22: error TEMPLATE_DEFINITION: DefinitionUri cannot be read: nowhere/flow.asl.json: no such file (at $.Resources.Missing.Properties.DefinitionUri)",
        ])
    }

    @Test func jsonTemplatesAndDefinitionFragmentsLoadToo() throws {
        let files = [
            "stack.json": """
                {"Resources": {"M": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {
                  "DefinitionString": {"Fn::Sub": ["{\\"StartAt\\": \\"A\\", \\"States\\": {\\"A\\": {\\"Type\\": \\"Wait\\", \\"Seconds\\": ${Delay}, \\"End\\": true}}}", {"Delay": 3}]}
                }}}}
                """,
            "fragment.json": """
                {"Fn::Join": ["", ["{\\"StartAt\\": \\"A\\", \\"States\\": {\\"A\\": {\\"Type\\": \\"Task\\", \\"Resource\\": \\"", {"Ref": "Fn"}, "\\", \\"End\\": true}}}"]]}
                """,
        ]
        let stack = try #require(try machines("stack.json", files).first)
        #expect(stack.name == "stack.json#M")
        #expect(value(stack, "/States/A/Seconds") == 3)
        let fragment = try #require(try machines("fragment.json", files).first)
        #expect(fragment.name == "fragment.json")
        #expect(value(fragment, "/States/A/Resource") == "${Fn}")
    }

    @Test func serverlessFrameworkMachinesAreNamedByTheirKey() throws {
        let files = ["serverless.yml": """
            service: orders
            provider: {name: aws}
            stepFunctions:
              stateMachines:
                hello:
                  definition:
                    StartAt: Hi
                    States:
                      Hi:
                        Type: Task
                        Resource:
                          Fn::GetAtt: [hello, Arn]
                        End: true
            """]
        let hello = try #require(try machines("serverless.yml", files).first)
        #expect(hello.name == "serverless.yml#hello")
        #expect(value(hello, "/States/Hi/Resource") == "${hello.Arn}")
        #expect(hello.loaded.isValid)
    }

    @Test func definitionSubstitutionsReachADefinitionUriFile() throws {
        let files = [
            "app/template.yaml": """
                Resources:
                  M:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: flows/m.asl.json
                      DefinitionSubstitutions: {Seconds: 9, Table: orders}
                """,
            "app/flows/m.asl.json": """
                {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": ${Seconds}, "Next": "P"},
                 "P": {"Type": "Pass", "Result": "${Table}", "End": true}}}
                """,
        ]
        let m = try #require(try machines("app/template.yaml", files).first)
        #expect(m.sourceFile == "app/flows/m.asl.json")
        #expect(value(m, "/States/P/Result") == "orders")
        // SAM substitutes the text, so a value can stand where JSON needs a number.
        #expect(value(m, "/States/W/Seconds") == 9)
        #expect(m.formattedDiagnostics == [])
    }

    @Test func aDefinitionIsNotATemplate() {
        #expect(throws: DefinitionReadError.notATemplate(TestFiles.fixtures + "/formats/order.asl.yaml", machine: "X")) {
            try DefinitionLoader.loadAll(TestFiles.fixtures + "/formats/order.asl.yaml#X")
        }
    }
}

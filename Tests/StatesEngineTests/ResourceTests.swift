import StatesEngine
import Testing

@Suite("Task resources")
struct ResourceTests {
    @Test func lambdaFunctionArnsAndActivitiesAreRecognised() {
        #expect(Resource(arn: "arn:aws:lambda:us-east-1:111111111111:function:f").kind == .lambdaFunction)
        #expect(Resource(arn: "arn:aws:lambda:us-east-1:111111111111:function:f:$LATEST").kind == .lambdaFunction)
        #expect(Resource(arn: "arn:aws:states:us-east-1:111111111111:activity:a").kind == .activity)
    }

    @Test func serviceIntegrationsSplitIntoTypeActionAndPattern() {
        let invoke = Resource(arn: "arn:aws:states:::lambda:invoke")
        #expect(invoke.kind == .service(type: "lambda", action: "invoke"))
        #expect(invoke.pattern == .requestResponse)
        let sync = Resource(arn: "arn:aws:states:::states:startExecution.sync:2")
        #expect(sync.kind == .service(type: "states", action: "startExecution.sync:2"))
        #expect(sync.pattern == .sync)
        let token = Resource(arn: "arn:aws:states:::sqs:sendMessage.waitForTaskToken")
        #expect(token.pattern == .waitForTaskToken)
        #expect(Resource(arn: "arn:aws:states:::aws-sdk:dynamodb:putItem").kind == .service(type: "aws-sdk:dynamodb", action: "putItem"))
    }

    @Test func templatePlaceholdersInAnArnDoNotHideWhatItCalls() {
        // As a definition cut out of a template has them, before CloudFormation fills them in.
        #expect(Resource(arn: "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:f").kind == .lambdaFunction)
        let sdk = Resource(arn: "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:aws-sdk:transcribe:startTranscriptionJob")
        #expect(sdk.kind == .service(type: "aws-sdk:transcribe", action: "startTranscriptionJob"))
        let sync = Resource(arn: "arn:aws:states:${AWS::Region}:${AWS::AccountId}:athena:startQueryExecution.sync")
        #expect(sync.kind == .service(type: "athena", action: "startQueryExecution.sync"))
        #expect(sync.pattern == .sync)
        #expect(Resource(arn: "arn:aws:states:us-east-1:111111111111:activity:${Name}").kind == .activity)
        #expect(Resource(arn: "${ChargeFunction.Arn}").arn == "${ChargeFunction.Arn}")
    }

    @Test func mockedAttemptsFollowTheirRangesAndRepeatTheLastOne() throws {
        let json = try JSONParser().parse("""
            {"StateMachines": {"M": {"TestCases": {"T": {"S": "R"}}}},
             "MockedResponses": {"R": {"0": {"Throw": {"Error": "E0"}}, "1-2": {"Return": 1}, "3": {"Return": 3}}}}
            """)
        let source = try MockConfiguration(json: json).source(stateMachine: "M", testCase: "T")
        func answer(_ attempt: Int) -> String {
            switch source.respond(to: TaskRequest(stateName: "S", resource: Resource(arn: "arn:aws:states:::sqs:sendMessage"), input: [:], attempt: attempt)) {
            case .succeeded(let v)?: return "ok \(v)"
            case .failed(let e)?: return "error \(e.error)"
            default: return "none"
            }
        }
        #expect((0...5).map(answer) == ["error E0", "ok 1", "ok 1", "ok 3", "ok 3", "ok 3"])
        #expect(source.respond(to: TaskRequest(stateName: "Other", resource: Resource(arn: "x"), input: [:], attempt: 0)) == nil)
    }
}

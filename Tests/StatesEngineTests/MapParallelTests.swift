import StatesEngine
import Testing

@Suite("Map and Parallel")
struct MapParallelTests {
    @Test func mapRunsEveryItemAndKeepsTheirOrder() throws {
        let execution = try run("""
            {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.items",
              "ItemSelector": {"v.$": "$$.Map.Item.Value", "i.$": "$$.Map.Item.Index"},
              "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
              "End": true}}}
            """, input: ["items": ["a", "b"]])
        #expect(execution.output == [["v": "a", "i": 0], ["v": "b", "i": 1]])
        #expect(execution.eventTypes.filter { $0 == "MapIterationSucceeded" }.count == 2)
    }

    @Test func aFailingIterationFailsTheMapAndReachesItsCatcher() throws {
        let execution = try run("""
            {"StartAt": "M", "States": {"M": {"Type": "Map",
              "ItemProcessor": {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Bad", "Cause": "item"}}},
              "Catch": [{"ErrorEquals": ["Bad"], "Next": "C"}], "End": true},
              "C": {"Type": "Pass", "End": true}}}
            """, input: [1, 2])
        #expect(execution.status == .succeeded)
        #expect(execution.output == ["Error": "Bad", "Cause": "item"])
        #expect(execution.eventTypes.contains("MapStateFailed"))
    }

    @Test func parallelCollectsBranchOutputsAndBranchVariablesStayInside() throws {
        let execution = try run("""
            {"StartAt": "S", "States": {
              "S": {"Type": "Pass", "Assign": {"x": 1}, "Next": "P"},
              "P": {"Type": "Parallel", "Branches": [
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"x.$": "$x"}, "End": true}}},
                {"StartAt": "B", "States": {"B": {"Type": "Pass", "Assign": {"inner": 2}, "Result": "b", "End": true}}}],
               "Next": "After"},
              "After": {"Type": "Pass", "Parameters": {"x.$": "$x", "all.$": "$"}, "End": true}}}
            """)
        #expect(execution.output == ["x": 1, "all": [["x": 1], "b"]])
        #expect(execution.eventTypes.contains("ParallelStateSucceeded"))
    }
}

@Suite("Distributed Map fields")
struct DistributedMapTests {
    @Test func itemBatcherHandsEachIterationABatchWithItsBatchInput() throws {
        let execution = try run("""
            {"StartAt": "M", "States": {"M": {"Type": "Map",
              "ItemBatcher": {"MaxItemsPerBatch": 2, "BatchInput": {"tag.$": "$.tag"}},
              "ItemsPath": "$.items",
              "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
              "End": true}}}
            """, input: ["tag": "t", "items": [1, 2, 3]])
        #expect(execution.output == [
            ["Items": [1, 2], "BatchInput": ["tag": "t"]],
            ["Items": [3], "BatchInput": ["tag": "t"]],
        ])
        // A distributed Map's iterations are child executions: their events stay out of this history.
        #expect(!execution.eventTypes.contains("PassStateEntered"))
        #expect(execution.eventTypes.contains("MapRunStarted"))
    }

    @Test func toleratedFailuresLetTheMapSucceed() throws {
        let execution = try run("""
            {"StartAt": "M", "States": {"M": {"Type": "Map", "ToleratedFailureCount": 1,
              "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                "StartAt": "C", "States": {
                  "C": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 2, "Next": "F"}], "Default": "P"},
                  "F": {"Type": "Fail", "Error": "Two"},
                  "P": {"Type": "Pass", "End": true}}},
              "End": true}}}
            """, input: [1, 2, 3])
        #expect(execution.status == .succeeded)
        let tooMany = try run("""
            {"StartAt": "M", "States": {"M": {"Type": "Map", "ToleratedFailureCount": 0,
              "ItemProcessor": {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Always"}}},
              "End": true}}}
            """, input: [1])
        #expect(tooMany.failure?.error == "Always")
    }

    @Test func itemReaderSaysItNeedsS3() throws {
        let execution = try run("""
            {"StartAt": "M", "States": {"M": {"Type": "Map",
              "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "Parameters": {"Bucket": "b", "Key": "k"}},
              "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
              "End": true}}}
            """)
        #expect(execution.failure?.error == "States.Runtime")
        #expect(execution.failure?.cause.contains("ItemReader") == true)
    }
}

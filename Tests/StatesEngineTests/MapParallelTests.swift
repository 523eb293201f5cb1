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

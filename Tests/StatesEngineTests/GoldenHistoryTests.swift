#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StatesEngine
import Testing

/// The order-processing sample's five mocked test cases, each compared with a recorded history.
/// Set `ASLDB_RECORD_GOLDEN=1` to re-record the files after an intended change.
@Suite("Golden histories")
struct GoldenHistoryTests {
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/StatesEngineTests/GoldenHistoryTests.swift
        return parts.joined(separator: "/")
    }()

    static let testCases = ["HappyPath", "PaymentRetriesThenSucceeds", "PaymentAlwaysFails", "PaymentDeclined", "ValidationFails"]

    func load(_ path: String) throws -> JSON {
        try JSONParser().parse(DefinitionFile.read(Self.root + "/" + path))
    }

    @Test(arguments: testCases)
    func orderProcessing(testCase: String) throws {
        let sample = "samples/order-processing/"
        let definition = try #require(DefinitionLoader.load(json: try load(sample + "order-processing.asl.json")).machine)
        let source = try MockConfiguration(json: try load(sample + "mock-config.json")).source(stateMachine: nil, testCase: testCase)
        var execution = Execution(definition: definition, input: try load(sample + "input.json"),
                                  options: ExecutionOptions(taskSource: source, stateMachineName: "OrderProcessing"))
        try execution.run()
        try compare(execution, golden: "Tests/Golden/order-processing.\(testCase).json")
    }

    @Test func mapInsideParallel() throws {
        let definition = try #require(DefinitionLoader.load(json: try load("Tests/Golden/map-parallel.asl.json")).machine)
        var execution = Execution(definition: definition, input: try load("Tests/Golden/map-parallel.input.json"))
        try execution.run()
        try compare(execution, golden: "Tests/Golden/map-parallel.json")
    }

    func compare(_ execution: Execution, golden: String) throws {
        let actual = JSONPrinter.pretty(execution.historyJSON) + "\n"
        if getenv("ASLDB_RECORD_GOLDEN") != nil {
            let file = try #require(fopen(Self.root + "/" + golden, "w"))
            fputs(actual, file)
            fclose(file)
            return
        }
        let expected = String(decoding: try DefinitionFile.read(Self.root + "/" + golden), as: UTF8.self)
        #expect(actual == expected, "history differs from \(golden); re-record with ASLDB_RECORD_GOLDEN=1 if intended")
    }
}

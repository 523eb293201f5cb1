import Foundation
import Testing

/// What a newcomer does in the first minutes, on the real binary under tmux at 80×24: finding a
/// state by name in the 91-state real-world definition and copying its JSON, and learning which
/// key answers a Task nothing answers.
@Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"),
       .enabled(if: DebuggerBinary.exists, "build asldb first (swift build)"),
       .serialized)
struct NewcomerEndToEndTests {
    static let largest = TmuxSession.packageRoot().appendingPathComponent(
        "../shared/realworld/extracted/aws-control-tower-customizations__customizations-for-aws-control-tower.template__Resources_StackSetStateMachine_Properties_DefinitionString.json")
        .standardized.path

    func open(_ arguments: [String], until what: String, _ ready: @escaping (String) -> Bool) throws -> TmuxSession {
        let tmux = try TmuxSession(command: TmuxSession.asldbCommand(["debug"] + arguments), width: 80, height: 24)
        do {
            try tmux.allowClipboard()
            try tmux.waitUntil(what, ready)
        } catch {
            tmux.close()
            throw error
        }
        return tmux
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: largest), "the real-world corpus is not beside the package"))
    func slashFindsAStateOfTheLargestDefinitionAndYCopiesItsJSON() throws {
        let tmux = try open([Self.largest], until: "the first frame") { $0.contains("Graph · 1/91") && $0.contains("Metrics Pass") }
        defer { tmux.close() }
        try tmux.sendKeys("/")
        try tmux.waitFor("find state:")
        try tmux.type("delete stack instance or")
        let found = try tmux.waitUntil("the match selected and in view") { screen in
            let graph = screen.split(separator: "\n").map { String($0.prefix(36)) }.joined(separator: "\n")
            return graph.contains("Delete Stack") && graph.contains("or Finish?") && !graph.contains("Graph · 1/91")
        }
        #expect(found.contains("selected Delete Stack"))
        try tmux.sendKeys("Enter")
        try tmux.waitUntil("the search to be active") { $0.contains("state 1 of 1") && $0.contains("n N match") }
        try tmux.sendKeys("y")
        try tmux.waitFor("copied the definition of")
        let copied = try tmux.pasteBuffer()
        #expect(copied.contains("\"Type\": \"Choice\""), "\(copied)")
        #expect(copied.contains("\"Choices\""))
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func withoutAMockTheWaitingTaskSaysWhichKeyAnswersIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("asldb-e2e-nomock-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let samples = TmuxSession.packageRoot().appendingPathComponent("samples/order-processing")
        for name in ["order-processing.asl.json", "input.json"] {
            try FileManager.default.copyItem(at: samples.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let tmux = try open([folder.appendingPathComponent("order-processing.asl.json").path], until: "the first frame") {
            $0.contains("ValidateOrder") && $0.contains("┌ Timeline")
        }
        defer { tmux.close() }
        try tmux.sendKeys("s", "s")
        let waiting = try tmux.waitUntil("the waiting Task") {
            $0.contains("a answer · nothing answers ValidateOrder") && $0.contains("ValidateOrder is waiting")
        }
        #expect(waiting.split(separator: "\n").last?.hasPrefix(" a answer") == true, "the key is first on the hints row:\n\(waiting)")
        try tmux.sendKeys("a")
        try tmux.waitFor("Answer ValidateOrder")
        try tmux.sendKeys("Enter")
        try tmux.waitUntil("the answer to take") { !$0.contains("ValidateOrder is waiting") }
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit() == 0)
    }
}

import Foundation
import Testing
@testable import DebuggerUI

/// Builds debugger apps on the bundled samples and drives them with keys, as a user would.
enum AppHarness {
    static func json(_ relative: String) throws -> JSON {
        try JSONParser().parse(try DefinitionFile.read(packageRoot().appendingPathComponent(relative).path))
    }

    /// The debugger on `samples/FOLDER/FOLDER.asl.json` with its input and, when given, a mock test case.
    static func app(_ folder: String = "order-processing", testCase: String? = "HappyPath",
                    size: Size = Size(width: 80, height: 24)) throws -> DebuggerApp {
        let file = "samples/\(folder)/\(folder).asl.json"
        let path = packageRoot().appendingPathComponent(file).path
        let loaded = DefinitionLoader.load(bytes: try DefinitionFile.read(path), fileName: file, validate: false)
        let machine = try #require(loaded.machine)
        var source: any TaskSource = NoTaskSource()
        if let testCase {
            source = try MockConfiguration(json: json("samples/\(folder)/mock-config.json")).source(stateMachine: nil, testCase: testCase)
        }
        let session = DebugSession(SessionSetup(definition: machine, input: try json("samples/\(folder)/input.json"),
                                                taskSource: source, definitionPath: path, testCase: testCase))
        var app = DebuggerApp(session: session, title: "\(folder).asl.json" + (machine.comment.map { " · " + $0 } ?? ""))
        _ = app.update(.resize(size))
        return app
    }
}

extension DebuggerApp {
    /// Presses keys in order, as the terminal would deliver them.
    mutating func press(_ keys: Key...) {
        for key in keys { _ = update(.key(key)) }
    }

    /// Types text into whatever has the keys (a dialog's field).
    mutating func type(_ text: String) {
        for character in text { _ = update(.key(.char(character))) }
    }

    /// Steps with `s` until the current state visit is `state`, at most `limit` times.
    mutating func step(until state: String, limit: Int = 40) {
        for _ in 0..<limit where currentState != state { press(.char("s")) }
    }

    /// The screen's rows as text at `size`.
    func rows(_ size: Size = Size(width: 80, height: 24)) -> [String] {
        view(size).rows()
    }

    /// All rows joined, for `contains` checks.
    func text(_ size: Size = Size(width: 80, height: 24)) -> String {
        rows(size).joined(separator: "\n")
    }
}

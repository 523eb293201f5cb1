import Foundation
import Testing
import StatesJSON

@Suite struct JSONFileTests {
    func temporaryFile(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "statesjson-\(UUID().uuidString).json"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func readsAFile() throws {
        let path = try temporaryFile(#"{"StartAt": "A", "States": {}}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try JSONParser.parseFile(path: path) == ["StartAt": "A", "States": [:]])
        let doc = try JSONParser(recordLocations: true).parseDocumentFile(path: path)
        #expect(doc.fileName == path)
        #expect(doc.sourceMap.keys["/States"] == SourceLocation(line: 1, column: 18))
    }

    @Test func malformedFileErrorsNameTheFileLineAndColumn() throws {
        let path = try temporaryFile("{\n  \"States\": {\"A\": 1,}\n}")
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try JSONParser.parseFile(path: path)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "\(path):2:20: trailing comma before '}'; remove the ','")
            #expect(error.pointer == "/States")
        }
    }

    @Test func unreadableFilesSayWhy() {
        #expect(throws: JSONFileError(fileName: "/nonexistent/m.json", location: nil,
                                      message: "cannot open the file: No such file or directory")) {
            try JSONParser.parseFile(path: "/nonexistent/m.json")
        }
        do {
            _ = try JSONParser.parseFile(path: NSTemporaryDirectory())
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "\(NSTemporaryDirectory()): cannot read the file: Is a directory")
        }
    }
}

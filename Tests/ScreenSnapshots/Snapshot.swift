import Foundation
import Testing
import TerminalUI

/// Compares a screen's snapshot text (rows framed by `|`, then style runs) with the file
/// `Tests/__snapshots__/<test target>/<name>.txt` (outside the target folder, so SwiftPM does
/// not warn about unhandled resource files). `ASLDB_RECORD_SNAPSHOTS=1`
/// rewrites the file instead; a missing file is recorded and reported as a failure so a new
/// snapshot is always looked at once.
public func expectSnapshot(_ screen: Screen, named name: String, filePath: String = #filePath,
                           sourceLocation: SourceLocation = #_sourceLocation) {
    let targetFolder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    let folder = targetFolder.deletingLastPathComponent().appendingPathComponent("__snapshots__")
        .appendingPathComponent(targetFolder.lastPathComponent)
    let file = folder.appendingPathComponent("\(name).txt")
    let actual = screen.snapshotText()
    let record = ProcessInfo.processInfo.environment["ASLDB_RECORD_SNAPSHOTS"] == "1"
    let expected = try? String(contentsOf: file, encoding: .utf8)
    if record || expected == nil {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? actual.write(to: file, atomically: true, encoding: .utf8)
        if !record {
            Issue.record("recorded a new snapshot \(file.path); check it and run again", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected, expected != actual else { return }
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var report = "screen differs from \(file.lastPathComponent) (ASLDB_RECORD_SNAPSHOTS=1 re-records):\n"
    for i in 0..<max(expectedLines.count, actualLines.count) {
        let e = i < expectedLines.count ? String(expectedLines[i]) : "∅"
        let a = i < actualLines.count ? String(actualLines[i]) : "∅"
        if e != a { report += "line \(i + 1)\n  expected \(e)\n  actual   \(a)\n" }
    }
    Issue.record(Comment(rawValue: report), sourceLocation: sourceLocation)
}

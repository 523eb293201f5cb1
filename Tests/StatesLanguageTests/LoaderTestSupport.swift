import Glibc
@testable import StatesLanguage

/// Files and folders the tests read, found relative to this source file.
enum TestFiles {
    /// The package root (three levels above this file).
    static let packageRoot: String = {
        var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// Outside the test target on purpose: SwiftPM warns about every unhandled file inside a
    /// target folder, and excluding them would need a Package.swift change.
    static let fixtures = packageRoot + "/Tests/StatesLanguageFixtures"

    /// Names of the entries of a directory, sorted; empty when it does not exist.
    static func list(_ directory: String) -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    static func read(_ path: String) -> String? {
        guard let bytes = try? DefinitionFile.read(path) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension LoadedDefinition {
    /// Diagnostics as the command prints them.
    func lines(fileName: String = "<definition>") -> [String] {
        diagnostics.map { $0.formatted(fileName: fileName) }
    }
}

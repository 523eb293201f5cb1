import Glibc
import Testing
import StatesLanguage

/// Every bundled sample must validate without a single diagnostic: they are what newcomers
/// open first, and what the README's commands run.
@Suite struct SampleValidationTests {
    static let samplesRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/samples"
    }()

    /// `samples/<folder>/<name>.asl.json`, sorted.
    static var definitions: [String] {
        var found: [String] = []
        for folder in entries(of: samplesRoot) {
            for file in entries(of: samplesRoot + "/" + folder) where file.hasSuffix(".asl.json") {
                found.append(folder + "/" + file)
            }
        }
        return found.sorted()
    }

    static func entries(of directory: String) -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        return names
    }

    @Test func theOrderProcessingSampleIsAmongThem() {
        #expect(Self.definitions.contains("order-processing/order-processing.asl.json"))
        #expect(Self.definitions.count >= 10)
    }

    @Test(arguments: definitions)
    func validatesClean(_ relative: String) throws {
        let loaded = try DefinitionLoader.load(file: Self.samplesRoot + "/" + relative)
        let lines = loaded.diagnostics.map { $0.formatted(fileName: relative) }
        #expect(loaded.machine != nil)
        #expect(lines.isEmpty, "\(lines.joined(separator: "\n"))")
    }
}

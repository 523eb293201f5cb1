import Testing
@testable import StatesLanguage

/// The loader against definitions people actually deploy (`/work/shared/realworld`).
@Suite struct LoaderRealWorldTests {
    static let corpus = TestFiles.packageRoot + "/../shared/realworld"

    static func definitionFiles() -> [String] {
        ["defs", "extracted"].flatMap { folder in
            TestFiles.list(corpus + "/" + folder).filter { !$0.hasSuffix(".yaml") && !$0.hasSuffix(".yml") }
                .map { corpus + "/" + folder + "/" + $0 }
        }
    }

    @Test func everyJSONDefinitionLoadsWithoutCrashingAndLocatesItsDiagnostics() throws {
        let files = Self.definitionFiles()
        try #require(!files.isEmpty, "realworld corpus not found at \(Self.corpus)")
        var parsed = 0, clean = 0
        var codes: [String: Int] = [:]
        for file in files {
            let bytes = try DefinitionFile.read(file)
            let loaded = DefinitionLoader.load(bytes: bytes, fileName: file)
            if loaded.document == nil { continue }
            parsed += 1
            #expect(loaded.machine != nil || !loaded.errors.isEmpty, "\(file): no model and no error")
            for diagnostic in loaded.diagnostics {
                #expect(diagnostic.location != nil, "\(file): unlocated \(diagnostic.formatted(fileName: file))")
                codes[diagnostic.code.rawValue + (diagnostic.isError ? "" : " (warning)"), default: 0] += 1
            }
            if loaded.isValid { clean += 1 }
        }
        print("realworld: \(files.count) JSON files, \(parsed) parse, \(clean) load with zero errors; diagnostics by code: "
              + codes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
        #expect(parsed > 300)
    }
}


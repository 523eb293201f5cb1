import Glibc
import Testing
@testable import StatesLanguage

/// The broken-definition corpus (`Tests/StatesLanguageFixtures`): each `invalid/NAME.json` and `warnings/NAME.json`
/// sits next to `NAME.expected`, the exact lines `asldb validate` prints for it.
/// Set `ASLDB_RECORD_FIXTURES=1` to rewrite the `.expected` files (then review the diff).
@Suite struct ValidationFixtureTests {
    static func fixtures(_ folder: String) -> [String] {
        TestFiles.list(TestFiles.fixtures + "/" + folder).filter { $0.hasSuffix(".json") }.map { folder + "/" + $0 }
    }

    static let recording = getenv("ASLDB_RECORD_FIXTURES") != nil

    @Test func theCorpusHasOneFilePerProblemClass() {
        #expect(Self.fixtures("invalid").count >= 15)
        #expect(Self.fixtures("valid").count >= 3)
    }

    @Test(arguments: fixtures("invalid") + fixtures("warnings"))
    func diagnosticsMatchTheExpectedFile(fixture: String) throws {
        let path = TestFiles.fixtures + "/" + fixture
        let name = String(fixture.split(separator: "/").last!)
        let loaded = DefinitionLoader.load(bytes: try DefinitionFile.read(path), fileName: name)
        let actual = loaded.lines(fileName: name).joined(separator: "\n") + "\n"
        let expectedPath = String(path.dropLast(".json".count)) + ".expected"
        if Self.recording {
            write(actual, to: expectedPath)
        }
        let expected = try #require(TestFiles.read(expectedPath), "missing \(expectedPath)")
        #expect(actual == expected)
        if fixture.hasPrefix("invalid/") {
            #expect(!loaded.isValid, "an invalid fixture must have an error")
        } else {
            #expect(loaded.isValid && !loaded.warnings.isEmpty, "a warnings fixture must have warnings and no error")
        }
    }

    @Test(arguments: fixtures("valid"))
    func validDefinitionsHaveNoDiagnostics(fixture: String) throws {
        let loaded = DefinitionLoader.load(bytes: try DefinitionFile.read(TestFiles.fixtures + "/" + fixture), fileName: fixture)
        #expect(loaded.lines(fileName: fixture) == [])
        #expect(loaded.machine != nil)
    }

    func write(_ text: String, to path: String) {
        guard let file = fopen(path, "w") else { return }
        fputs(text, file)
        fclose(file)
    }
}

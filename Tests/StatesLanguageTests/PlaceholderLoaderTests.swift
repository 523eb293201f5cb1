import Testing
@testable import StatesLanguage

/// JSON definitions with template placeholders where JSON needs a value (`"Seconds": ${pause}`).
@Suite struct PlaceholderLoaderTests {
    func fixture() throws -> LoadedDefinition {
        let path = TestFiles.fixtures + "/formats/placeholders.asl.json"
        return DefinitionLoader.load(bytes: try DefinitionFile.read(path), fileName: "placeholders.asl.json")
    }

    @Test func unquotedPlaceholdersAreReadAsStandInsWithAWarningEach() throws {
        let loaded = try fixture()
        #expect(loaded.isValid)
        let value = try #require(loaded.document?.value)
        // Each is read as its quoted text; where a number belongs the model then does without it.
        #expect(value["States"]?["Work"]?["TimeoutSeconds"] == "${timeout}")
        #expect(value["States"]?["Work"]?["Parameters"] == ["Settings": "${settings}", "Tags": ["${tag}"]])
        // A placeholder inside a string is fine as it is: no warning for the Resource.
        #expect(value["States"]?["Work"]?["Resource"] == "${WorkFunctionArn}")
        let machine = try #require(loaded.machine)
        guard case .task(let task)? = machine.states["Work"]?.kind, case .wait(let wait)? = machine.states["Rest"]?.kind else {
            Issue.record("Work is not a Task or Rest not a Wait")
            return
        }
        #expect(task.timeoutSeconds == nil)
        #expect(wait.duration == .seconds(.literal(0)))
        #expect(loaded.warnings.map(\.code) == Array(repeating: .placeholderSubstituted, count: 4))
        #expect(loaded.warnings.map(\.path) == [
            "$.States.Work.Parameters.Settings", "$.States.Work.Parameters.Tags[0]", "$.States.Work.TimeoutSeconds", "$.States.Rest.Seconds",
        ])
        // One warning for a placeholder, and where it stands in a number, it says what runs.
        #expect(loaded.warnings[2].message == "'TimeoutSeconds' is the template placeholder \"${timeout}\", which is filled in when "
                + "the template is deployed; asldb runs without a timeout")
        #expect(loaded.warnings[3].message.hasSuffix("asldb waits 0 seconds"))
    }

    @Test func locationsAfterAPlaceholderStayWhereTheyAreInTheFile() throws {
        let loaded = try fixture()
        let lines = loaded.lines(fileName: "p.json")
        #expect(lines.first == "p.json:7:34: warning PLACEHOLDER_SUBSTITUTED: the unquoted placeholder ${settings} was read as "
                + "\"${settings}\" so the text parses as JSON; the real value is filled in when the file is deployed (at $.States.Work.Parameters.Settings)")
        // "${tag}" follows a placeholder that grew by two quotes on the same line.
        #expect(loaded.warnings[1].location == SourceLocation(line: 7, column: 56))
        // Where the model reads a placeholder as a stand-in, the warning is at its field, as errors are.
        #expect(loaded.warnings[2].location == SourceLocation(line: 8, column: 7))
        // "Next" follows a quoted stand-in, so its column is the file's.
        let next = try #require(loaded.document?.sourceMap.keys["/States/Work/Next"])
        #expect(next == SourceLocation(line: 8, column: 37))
    }

    @Test func aGenuineSyntaxErrorIsStillReportedWhereItIs() {
        let loaded = DefinitionLoader.load(text: "{\n  \"StartAt\": \"A\",\n  \"TimeoutSeconds\": ${t},\n  \"States\": {\"A\": {\"Type\": \"Pass\" \"End\": true}}\n}",
                                           fileName: "broken.json")
        #expect(loaded.machine == nil)
        #expect(loaded.lines(fileName: "broken.json").first?.hasPrefix("broken.json:4:35: error INVALID_JSON_DESCRIPTION:") == true)
    }

    @Test func validJSONIsNeverRewritten() {
        let loaded = DefinitionLoader.load(text: #"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "${x}", "End": true}}}"#)
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.document?.value["States"]?["A"]?["Result"] == "${x}")
    }
}

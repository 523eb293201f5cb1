import Testing
@testable import StatesLanguage

/// The loader against definitions people actually deploy (`/work/shared/realworld`): JSON and
/// YAML definitions, JSON with unquoted placeholders, and the templates they are embedded in.
@Suite struct LoaderRealWorldTests {
    static let corpus = TestFiles.packageRoot + "/../shared/realworld"
    /// The one upstream file that is not JSON under any reading (`"Messages": "Messages.$": ...`).
    static let knownBroken = "sfn-iot-data-analytics-dataset"

    static func files(in folders: [String]) -> [String] {
        folders.flatMap { folder in TestFiles.list(corpus + "/" + folder).map { corpus + "/" + folder + "/" + $0 } }
    }

    /// Every diagnostic says where; returns the count by code for the report.
    func checkLocated(_ definition: NamedDefinition, into codes: inout [String: Int]) {
        #expect(definition.loaded.machine != nil || !definition.loaded.errors.isEmpty, "\(definition.name): no model and no error")
        for diagnostic in definition.loaded.diagnostics {
            #expect(diagnostic.location != nil, "\(definition.name): unlocated \(diagnostic.formatted(fileName: definition.sourceFile))")
            codes[diagnostic.code.rawValue + (diagnostic.isError ? "" : " (warning)"), default: 0] += 1
        }
    }

    @Test func everyDefinitionLoadsOrSaysWhereItCannot() throws {
        let files = Self.files(in: ["defs", "extracted"])
        try #require(!files.isEmpty, "realworld corpus not found at \(Self.corpus)")
        var models = 0, clean = 0, yaml = 0, placeholders = 0
        var codes: [String: Int] = [:]
        var withoutModel: [String] = [], rewritten: [String] = []
        for file in files {
            let all = try DefinitionLoader.loadAll(file)
            #expect(all.count == 1, "\(file) is a definition, not a template")
            for definition in all {
                checkLocated(definition, into: &codes)
                if definition.loaded.machine == nil { withoutModel.append(file) } else { models += 1 }
                if definition.loaded.isValid { clean += 1 }
                if DefinitionLoader.hasYAMLExtension(file) { yaml += 1 }
                // Not JSON as it is, yet a model: its unquoted placeholders were read as stand-ins.
                if !DefinitionLoader.hasYAMLExtension(file), definition.loaded.machine != nil,
                   (try? JSONParser().parse(try DefinitionFile.read(file))) == nil {
                    placeholders += 1
                    rewritten.append(file)
                }
            }
        }
        print("realworld definitions: \(files.count) files (\(yaml) YAML), \(models) load to a model, \(clean) with zero errors, "
              + "\(placeholders) after reading unquoted placeholders; diagnostics by code: "
              + codes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
        #expect(withoutModel.allSatisfy { $0.contains(Self.knownBroken) }, "no model for \(withoutModel)")
        #expect(yaml == 21)
        // The four raw definitions the index marks `json-after-quoting-placeholders`, and two
        // DefinitionStrings cut out of templates as they were written.
        for raw in ["aws-lambda-power-tuning__", "amazon-api-gateway-step-functions-xml__", "aws-serverless-data-lake-framework__",
                    "cid-data-collection-framework__data-collection__deploy__source__"] {
            #expect(rewritten.contains { $0.contains("/defs/" + raw) }, "\(raw) needs its placeholders read")
        }
        #expect(placeholders == 6)
    }

    /// The definitions AWS would refuse as they are, and why: each is an upstream draft or a
    /// template filled in by its project's own scripts, not what was deployed.
    static let invalid: [String: String] = [
        "sfn-iot-data-analytics-dataset": "not JSON (\"Messages\": \"Messages.$\": ...)",
        "shared-fallback-state-jsonata": "'QueryLanguage' written as a state inside 'States', so no state uses JSONata",
        "step-functions-agent__step-functions__agent-with-tools-flow-template": "Choices lead to states the template leaves out",
        "step-functions-agent__step-functions__dynamic-agent-template": "'Items' and 'Choices' are bare words a build script replaces",
        "step-functions-agent__step-functions__dynamic-sql-agent-template": "'Items' is a bare word a build script replaces",
        "step-functions-agent__step-functions__supervisor-agent-flow-template": "a choice rule with neither 'Condition' nor 'Next'",
        "step-functions-agent__step-functions__supervisor-with-agentcore": "'Arguments' on a Map state",
        "step-functions-agent__step-functions__web-search-agent": "States.Default, an intrinsic function Step Functions does not have",
    ]

    @Test func validateAcceptsEveryDefinitionButTheOnesAWSWouldRefuse() throws {
        let files = Self.files(in: ["defs", "extracted"])
        try #require(!files.isEmpty, "realworld corpus not found at \(Self.corpus)")
        var rejected: [String] = []
        for file in files where try DefinitionLoader.loadAll(file).contains(where: { !$0.loaded.isValid }) {
            rejected.append(file)
            #expect(Self.invalid.keys.contains { file.contains($0) }, "\(file) is rejected")
        }
        for (name, reason) in Self.invalid {
            #expect(rejected.contains { $0.contains(name) }, "\(name) is accepted although \(reason)")
        }
    }

    @Test func everyTemplateLoadsEachOfItsStateMachines() throws {
        let files = Self.files(in: ["templates"])
        try #require(!files.isEmpty, "realworld corpus not found at \(Self.corpus)")
        var embedded: [String: NamedDefinition] = [:]
        var notTemplates = 0, models = 0, clean = 0
        var codes: [String: Int] = [:]
        for file in files {
            let all = try DefinitionLoader.loadAll(file)
            // A few files kept beside the templates only quote a definition (test inputs, metadata).
            guard case .template = DefinitionLoader.contents(of: try DefinitionFile.read(file), fileName: file) else {
                notTemplates += 1
                all.forEach { checkLocated($0, into: &codes) }
                continue
            }
            for definition in all {
                checkLocated(definition, into: &codes)
                embedded[String(definition.name.dropFirst(Self.corpus.count + 1))] = definition
                if definition.loaded.machine != nil { models += 1 }
                if definition.loaded.isValid { clean += 1 }
            }
        }
        // Every definition the corpus index lists inside a template (under Resources or
        // stepFunctions, or a whole fragment file) is found under its name and loads.
        let index = try JSONParser().parse(try DefinitionFile.read(Self.corpus + "/index.json"))
        var listed = 0
        for entry in index.arrayValue ?? [] where entry["format"] == "template" {
            for definition in entry["embedded_definitions"]?.arrayValue ?? [] {
                let file = entry["file"]?.stringValue ?? ""
                let tokens = (definition["pointer"]?.stringValue ?? "").split(separator: "/").map(String.init)
                let name: String
                switch tokens.first {
                case nil: name = file
                case "Resources"?: name = file + "#" + (tokens[1].hasPrefix("Fn::ForEach::") ? tokens[3] : tokens[1])
                case "stepFunctions"?: name = file + "#" + tokens[2]
                default: continue
                }
                listed += 1
                #expect(embedded[name]?.loaded.machine != nil, "\(name) is not loaded")
            }
        }
        print("realworld templates: \(files.count) files, \(files.count - notTemplates) templates with \(embedded.count) embedded state machines (\(listed) listed in the index), "
              + "\(models) load to a model, \(clean) with zero errors, \(notTemplates) other files; diagnostics by code: "
              + codes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
        #expect(listed >= 98)
    }
}

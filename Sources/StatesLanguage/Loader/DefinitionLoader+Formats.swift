/// Reads a definition's bytes into the same `JSONDocument` whatever the file holds: JSON, JSON
/// with unquoted template placeholders, YAML, or a template that declares state machines.
extension DefinitionLoader {
    /// What a file's text turned out to hold.
    enum FileContents {
        /// A definition, with warnings about placeholders read as stand-ins.
        case definition(JSONDocument, warnings: [Diagnostic])
        /// A template; its state machines are loaded one by one.
        case template(CloudFormationTemplate)
        /// Text that cannot be read, and where it goes wrong.
        case unreadable(Diagnostic)
    }

    /// A definition with its CloudFormation intrinsics read as stand-ins, and the warnings so far.
    static func definition(_ document: JSONDocument, warnings: [Diagnostic]) -> FileContents {
        let (replaced, standIns) = IntrinsicStandIns.replacing(in: document)
        return .definition(replaced, warnings: warnings + standIns)
    }

    /// JSON text parsed as a definition, directly or after its unquoted placeholders were replaced.
    struct TextReading {
        var result: Result<JSONDocument, JSONParseError>
        /// The placeholders replaced, when the text needed it.
        var placeholders: UnquotedPlaceholders?

        /// The warnings for the stand-ins that made the text parse.
        var warnings: [Diagnostic] {
            guard case .success(let document) = result, let placeholders else { return [] }
            return placeholders.warnings(in: document)
        }
    }

    /// What `bytes` hold; `known` values replace unquoted `${Name}` placeholders in JSON text.
    static func contents(of bytes: [UInt8], fileName: String, known: [String: String] = [:]) -> FileContents {
        guard isYAML(bytes, fileName: fileName) else {
            let reading = parseText(bytes, fileName: fileName, known: known)
            switch reading.result {
            case .failure(let error) where error.message.hasPrefix("duplicate key"):
                // AWS refuses the definition, but every other problem in it is still worth
                // reporting at once: read it again keeping the last value, and add the error.
                let lenient = JSONParser(rejectDuplicateKeys: false, recordLocations: true)
                guard let document = try? lenient.parseDocument(bytes, fileName: fileName) else {
                    return .unreadable(diagnostic(for: error))
                }
                return definition(document, warnings: reading.warnings + [diagnostic(for: error)])
            case .failure(let error):
                return .unreadable(diagnostic(for: error))
            case .success(let document):
                if let template = CloudFormationTemplate(document: document) { return .template(template) }
                if let described = described(document, bytes: bytes) { return described }
                return definition(document, warnings: reading.warnings)
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .unreadable(Diagnostic(severity: .error, code: .invalidJSONDescription, message: "not UTF-8 text",
                                          pointer: "", path: "$", location: SourceLocation(line: 1, column: 1)))
        }
        do {
            let yaml = try YAMLDocument(text: text)
            let reading = try yaml.reading(fileName: fileName)
            if let template = CloudFormationTemplate(document: reading.document, literalBlocks: reading.literalBlocks) {
                return .template(template)
            }
            if reading.document.value.objectValue == nil, !hasYAMLExtension(fileName) {
                // Chosen by content, not by name: text that is not a YAML mapping was more likely
                // meant as JSON, and JSON's message says better what is wrong with it.
                if case .failure(let error) = parseText(bytes, fileName: fileName).result { return .unreadable(diagnostic(for: error)) }
            }
            return definition(reading.document, warnings: [])
        } catch {
            return .unreadable(diagnostic(for: error))
        }
    }

    /// Parses JSON definition text; when that fails and `${...}` placeholders stand outside
    /// strings, parses it again with them replaced (by the raw text `known` gives, else stand-ins).
    static func parseText(_ bytes: [UInt8], fileName: String, known: [String: String] = [:]) -> TextReading {
        let parser = JSONParser(rejectDuplicateKeys: true, recordLocations: true)
        do {
            return TextReading(result: .success(try parser.parseDocument(bytes, fileName: fileName)))
        } catch {
            guard let placeholders = UnquotedPlaceholders(bytes, known: known) else { return TextReading(result: .failure(error)) }
            do {
                let document = try parser.parseDocument(placeholders.text, fileName: fileName)
                return TextReading(result: .success(placeholders.relocated(document)), placeholders: placeholders)
            } catch {
                var located = error
                located.location = placeholders.original(error.location)
                return TextReading(result: .failure(located), placeholders: placeholders)
            }
        }
    }

    /// YAML by name (`.yaml`, `.yml`), or by content when the name does not say JSON and the
    /// text does not open like JSON (`.template` files, standard input).
    static func isYAML(_ bytes: [UInt8], fileName: String) -> Bool {
        if hasYAMLExtension(fileName) { return true }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let first = body.first(where: { !UnquotedPlaceholders.isSpace($0) }) else { return false }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") { return false }
        return !fileName.lowercased().hasSuffix(".json")
    }

    static func hasYAMLExtension(_ fileName: String) -> Bool {
        let lower = fileName.lowercased()
        return lower.hasSuffix(".yaml") || lower.hasSuffix(".yml")
    }

    /// A loaded definition with more diagnostics (the placeholder warnings) in source order.
    static func adding(_ extra: [Diagnostic], to loaded: LoadedDefinition) -> LoadedDefinition {
        guard !extra.isEmpty else { return loaded }
        var out = loaded
        // Where the model read a placeholder as a stand-in, its warning says more than the
        // text's (that the placeholder was quoted, or an intrinsic turned into it).
        let standIns = Set(loaded.diagnostics.filter { $0.code == .placeholderSubstituted }.map(\.pointer))
        let kept = extra.filter { $0.code != .placeholderSubstituted || !standIns.contains($0.pointer) }
        out.diagnostics = Diagnostic.sorted(loaded.diagnostics + kept)
        // An error found while reading the text (a duplicate key) means there is no definition to run.
        if extra.contains(where: { $0.severity == .error }) { out.machine = nil }
        return out
    }
}

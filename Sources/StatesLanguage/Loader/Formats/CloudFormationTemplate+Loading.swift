/// Loading one state machine of a template, in whichever form the template gives its definition.
extension CloudFormationTemplate {
    /// `machine`'s definition, loaded; `sourceFile` is the file its diagnostics' line:column
    /// refer to (the template, or the file a `DefinitionUri` names).
    func load(_ machine: Machine, validate: Bool, read: DefinitionReader) -> (loaded: LoadedDefinition, sourceFile: String) {
        let substitutions = CloudFormationIntrinsic.substitutions(machine.substitutions.flatMap(value(at:)))
        switch machine.source {
        case .object(let pointer):
            guard case .object = value(at: pointer) else { return loadText(at: pointer, substitutions: substitutions, validate: validate) }
            let definition = CloudFormationIntrinsic.resolved(value(at: pointer) ?? .null, substitutions)
            // What cannot be followed without deploying (an `Fn::If`, an `Fn::ImportValue`) is
            // read as a stand-in, with a warning.
            let (resolved, standIns) = IntrinsicStandIns.replacing(in: JSONDocument(value: definition, sourceMap: sourceMap(under: pointer),
                                                                                   fileName: document.fileName))
            return (DefinitionLoader.adding(standIns, to: DefinitionLoader.load(document: resolved, validate: validate)), document.fileName)
        case .text(let pointer):
            return loadText(at: pointer, substitutions: substitutions, validate: validate)
        case .uri(let pointer):
            return loadFile(at: pointer, substitutions: substitutions, validate: validate, read: read)
        case .s3(let pointer):
            return problem("DefinitionS3Location names an object in S3, which asldb cannot read; download the object and give asldb "
                           + "that file", at: pointer)
        case nil:
            let fields = machine.pointer.hasPrefix("/stepFunctions/") ? "'definition'" : "Definition, DefinitionString or DefinitionUri"
            return problem("the state machine '\(machine.name)' gives no \(fields)", at: machine.pointer)
        }
    }

    /// A `DefinitionString` (or a fragment file): a string, `Fn::Sub` or `Fn::Join` of JSON text.
    private func loadText(at pointer: String, substitutions: [String: String], validate: Bool) -> (loaded: LoadedDefinition, sourceFile: String) {
        var text = EmbeddedText()
        var known = substitutions
        var isSub = false
        switch value(at: pointer) {
        case .string(let s)?:
            append(s, at: pointer, to: &text)
        case .object(let object)? where object.count == 1 && object["Fn::Sub"] != nil:
            isSub = true
            let argument = object["Fn::Sub"] ?? .null
            if let body = argument.stringValue {
                append(body, at: pointer + "/Fn::Sub", to: &text)
            } else if let pair = argument.arrayValue, pair.count == 2, let body = pair[0].stringValue {
                append(body, at: pointer + "/Fn::Sub/0", to: &text)
                known.merge(CloudFormationIntrinsic.substitutions(pair[1])) { _, variable in variable }
            } else {
                return problem("Fn::Sub must be a string or [string, {variables}]", at: pointer + "/Fn::Sub")
            }
        case .object(let object)? where object.count == 1 && object["Fn::Join"] != nil:
            guard let pair = object["Fn::Join"]?.arrayValue, pair.count == 2, let separator = pair[0].stringValue,
                  let parts = pair[1].arrayValue else {
                return problem("Fn::Join must be [separator, [parts]]", at: pointer + "/Fn::Join")
            }
            for (index, part) in parts.enumerated() {
                if index > 0 { text.append(separator) }
                let partPointer = pointer + "/Fn::Join/1/\(index)"
                if let s = part.stringValue {
                    append(s, at: partPointer, to: &text)
                } else {
                    text.append(CloudFormationIntrinsic.partText(part), origin: location(of: partPointer), exact: false)
                }
            }
        case let other:
            let field = ASLPath.tokens(of: pointer).last ?? "the definition"
            return problem("\(field) must be JSON text: a string, an Fn::Sub or an Fn::Join, not \(other.map(describe) ?? "nothing")",
                           at: pointer)
        }
        let reading = DefinitionLoader.parseText(Array(text.text.utf8), fileName: document.fileName, known: known)
        switch reading.result {
        case .failure(let error):
            var diagnostic = DefinitionLoader.diagnostic(for: error)
            diagnostic.location = text.map(error.location)
            if !text.isExact(error.location) {
                diagnostic.message += " (line \(error.location.line), column \(error.location.column) of the definition text)"
            }
            return (LoadedDefinition(machine: nil, diagnostics: [diagnostic], document: nil), document.fileName)
        case .success(let parsed):
            let warnings = reading.warnings.map { warning in
                var moved = warning
                moved.location = warning.location.map(text.map)
                return moved
            }
            var relocated = text.relocated(parsed, fileName: document.fileName)
            if !known.isEmpty || isSub {
                relocated.value = CloudFormationIntrinsic.resolved(relocated.value, known, intrinsics: false, unescaping: isSub)
            }
            return (DefinitionLoader.adding(warnings, to: DefinitionLoader.load(document: relocated, validate: validate)), document.fileName)
        }
    }

    /// A `DefinitionUri`: a definition file, relative to the template's folder.
    private func loadFile(at pointer: String, substitutions: [String: String], validate: Bool,
                          read: DefinitionReader) -> (loaded: LoadedDefinition, sourceFile: String) {
        guard let uri = value(at: pointer)?.stringValue else {
            return problem("DefinitionUri names an object in S3, which asldb cannot read; download it and load the file, "
                           + "or point DefinitionUri at a local copy", at: pointer)
        }
        let path = uri.hasPrefix("/") ? uri : Self.folder(of: document.fileName) + uri
        let bytes: [UInt8]
        do {
            bytes = try read(path)
        } catch {
            return problem("DefinitionUri cannot be read: \(error.description)", at: pointer)
        }
        switch DefinitionLoader.contents(of: bytes, fileName: path, known: substitutions) {
        case .unreadable(let diagnostic):
            return (LoadedDefinition(machine: nil, diagnostics: [diagnostic], document: nil), path)
        case .template:
            return problem("DefinitionUri names \(path), a template, not a state machine definition", at: pointer)
        case .definition(var definition, let warnings):
            if !substitutions.isEmpty {
                definition.value = CloudFormationIntrinsic.resolved(definition.value, substitutions, intrinsics: false)
            }
            return (DefinitionLoader.adding(warnings, to: DefinitionLoader.load(document: definition, validate: validate)), path)
        }
    }

    /// Appends a string of the template to `text`, traced line by line when it is a literal block.
    private func append(_ string: String, at pointer: String, to text: inout EmbeddedText) {
        if let start = literalBlocks[pointer] {
            text.append(string, origin: start, exact: true)
        } else {
            text.append(string, origin: location(of: pointer), exact: false)
        }
    }

    /// The template's source map below `pointer`, re-rooted so `pointer` is the root.
    private func sourceMap(under pointer: String) -> SourceMap {
        func rerooted(_ entries: [String: SourceLocation]) -> [String: SourceLocation] {
            var out: [String: SourceLocation] = [:]
            for (p, location) in entries where p == pointer || p.hasPrefix(pointer + "/") {
                out[String(p.dropFirst(pointer.count))] = location
            }
            return out
        }
        var map = SourceMap()
        map.values = rerooted(document.sourceMap.values)
        map.keys = rerooted(document.sourceMap.keys)
        return map
    }

    private func location(of pointer: String) -> SourceLocation {
        document.sourceMap.values[pointer] ?? document.sourceMap.location(of: pointer) ?? SourceLocation(line: 1, column: 1)
    }

    private func describe(_ value: JSON) -> String {
        if let name = IntrinsicStandIns.function(of: value) { return "the intrinsic \(name)" }
        return "a" + (value.typeName.first.map { "aeiou".contains($0) } == true ? "n " : " ") + value.typeName
    }

    /// A problem with the template itself, at `pointer` in it.
    private func problem(_ message: String, at pointer: String) -> (loaded: LoadedDefinition, sourceFile: String) {
        let diagnostic = Diagnostic(severity: .error, code: .templateDefinition, message: message, pointer: pointer,
                                    path: ASLPath.path(of: pointer, in: document.value), location: location(of: pointer))
        return (LoadedDefinition(machine: nil, diagnostics: [diagnostic], document: nil), document.fileName)
    }

    /// `dir/template.yaml` → `dir/`; a template on standard input reads files from the current folder.
    static func folder(of fileName: String) -> String {
        guard fileName != "<stdin>", let slash = fileName.lastIndex(of: "/") else { return "" }
        return String(fileName[...slash])
    }
}

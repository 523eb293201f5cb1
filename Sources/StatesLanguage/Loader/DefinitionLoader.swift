/// The outcome of loading a definition: the model (when the text was a JSON object) and every
/// problem found. Run the machine only when `isValid`.
public struct LoadedDefinition: Sendable {
    /// The typed model. Fields that were missing or wrong hold neutral placeholders, so it is
    /// complete only when there are no errors.
    public var machine: StateMachine?
    /// Errors and warnings in source order.
    public var diagnostics: [Diagnostic]
    /// The parsed document, nil when the text was not JSON.
    public var document: JSONDocument?

    /// A result assembled by hand (tests, other front ends).
    public init(machine: StateMachine?, diagnostics: [Diagnostic], document: JSONDocument?) {
        self.machine = machine
        self.diagnostics = diagnostics
        self.document = document
    }

    /// No diagnostic is an error (warnings allowed).
    public var isValid: Bool { !diagnostics.contains(where: \.isError) }
    /// The diagnostics that make the definition invalid.
    public var errors: [Diagnostic] { diagnostics.filter(\.isError) }
    /// The diagnostics that do not.
    public var warnings: [Diagnostic] { diagnostics.filter { !$0.isError } }
    /// The errors that leave nothing faithful to run: text that is not JSON, a transition to no
    /// state, a value the model could not keep (a Wait of 1e12 seconds must not run as 0 s).
    /// The rest are `asldb validate`'s to report, so that a stricter check never refuses what AWS runs.
    public var runBlockers: [Diagnostic] {
        errors.filter { $0.code == .invalidJSONDescription || $0.code == .missingTransitionTarget || $0.replacesValue }
    }

    /// Number of states, nested ones included.
    public var stateCount: Int { machine.map(StateMachine.totalStateCount) ?? 0 }
}

/// Loads Amazon States Language definitions into `StateMachine` values.
public enum DefinitionLoader {
    /// Parses definition text and loads it; `fileName` labels diagnostics and tells YAML
    /// (`.yaml`, `.yml`) from JSON. Unquoted `${...}` placeholders are read as stand-ins, with a
    /// warning each. A template with one state machine loads that one (`loadAll` for the rest).
    /// With `validate`, also runs every semantic check (transitions, names, reachability...).
    public static func load(bytes: some Collection<UInt8>, fileName: String, validate: Bool = true) -> LoadedDefinition {
        switch contents(of: Array(bytes), fileName: fileName) {
        case .definition(let document, let warnings):
            return adding(warnings, to: load(document: document, validate: validate))
        case .unreadable(let diagnostic):
            return LoadedDefinition(machine: nil, diagnostics: [diagnostic], document: nil)
        case .template(let template):
            guard template.machines.count == 1, let machine = template.machines.first else {
                let names = template.machines.map(\.name)
                let message = names.isEmpty
                    ? "the template declares no state machine"
                    : "the template declares \(names.count) state machines (\(names.joined(separator: ", "))); choose one as \(fileName)#NAME"
                let location = template.document.sourceMap.location(of: "/Resources") ?? SourceLocation(line: 1, column: 1)
                let diagnostic = Diagnostic(severity: .error, code: .templateDefinition, message: message, pointer: "",
                                            path: "$", location: location)
                return LoadedDefinition(machine: nil, diagnostics: [diagnostic], document: nil)
            }
            return template.load(machine, validate: validate) { path throws(DefinitionReadError) in try DefinitionFile.read(path) }.loaded
        }
    }

    /// A parse error as a diagnostic; a key repeated in a `States` object is a duplicate state name.
    static func diagnostic(for error: JSONParseError) -> Diagnostic {
        let tokens = ASLPath.tokens(of: error.pointer)
        var code = DiagnosticCode.invalidJSONDescription
        var message = error.message
        if error.message.hasPrefix("duplicate key"), tokens.count >= 2, tokens[tokens.count - 2] == "States", let name = tokens.last {
            code = .duplicateStateName
            message = "state name '\(name)' is used twice in the same 'States' object"
        }
        return Diagnostic(severity: .error, code: code, message: message, pointer: error.pointer,
                          path: ASLPath.path(of: error.pointer, in: nil), location: error.location)
    }

    /// Loads definition text held in a string.
    public static func load(text: String, fileName: String = "<definition>", validate: Bool = true) -> LoadedDefinition {
        load(bytes: Array(text.utf8), fileName: fileName, validate: validate)
    }

    /// Loads an already parsed document (keep its source map for located diagnostics).
    public static func load(document: JSONDocument, validate: Bool = true) -> LoadedDefinition {
        // The parsers refuse deeper text; a value built by a program is checked here, before the
        // builder and validator recurse through it.
        if document.value.isNested(deeperThan: JSON.maximumDepth) {
            let diagnostic = Diagnostic(severity: .error, code: .invalidJSONDescription,
                                        message: "nesting is deeper than \(JSON.maximumDepth) levels; flatten the document",
                                        pointer: "", path: "$", location: nil)
            return LoadedDefinition(machine: nil, diagnostics: [diagnostic], document: document)
        }
        var builder = ModelBuilder(document: document)
        let machine = builder.loadMachine(document.value, at: "", inherited: .jsonPath, level: .top)
        var diagnostics = builder.sink.diagnostics
        if validate, let machine {
            diagnostics += DefinitionValidator.validate(machine, document: document)
        }
        return LoadedDefinition(machine: machine, diagnostics: Diagnostic.sorted(diagnostics), document: document)
    }

    /// Loads a definition given as a `JSON` value (no line numbers in diagnostics).
    public static func load(json: JSON, validate: Bool = true) -> LoadedDefinition {
        load(document: JSONDocument(value: json, sourceMap: SourceMap(), fileName: "<definition>"), validate: validate)
    }

    /// Reads and loads a file; `-` reads standard input.
    public static func load(file path: String, validate: Bool = true) throws(DefinitionReadError) -> LoadedDefinition {
        let bytes = try DefinitionFile.read(path)
        return load(bytes: bytes, fileName: path, validate: validate)
    }
}

extension StateMachine {
    /// States in this machine and every machine nested in it.
    static func totalStateCount(_ machine: StateMachine) -> Int {
        machine.states.values.reduce(machine.states.count) { count, state in
            switch state.kind {
            case .parallel(let p): return count + p.branches.reduce(0) { $0 + totalStateCount($1) }
            case .map(let m): return count + totalStateCount(m.processor)
            default: return count
            }
        }
    }
}

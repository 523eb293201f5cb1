/// Reads a file's bytes (`-` is standard input); injectable so tests need no real files.
public typealias DefinitionReader = (String) throws(DefinitionReadError) -> [UInt8]

/// A definition loaded from a file, and the names to report it by.
public struct NamedDefinition: Sendable {
    /// What to give asldb to load it again: `flow.asl.yaml`, or `template.yaml#OrderMachine`
    /// for one state machine of a template.
    public var name: String
    /// The file its diagnostics' line:column refer to: the definition, the template, or the
    /// file a template's `DefinitionUri` names.
    public var sourceFile: String
    /// The model and every problem found.
    public var loaded: LoadedDefinition

    /// A definition assembled by hand (tests, other front ends).
    public init(name: String, sourceFile: String, loaded: LoadedDefinition) {
        self.name = name
        self.sourceFile = sourceFile
        self.loaded = loaded
    }

    /// Each diagnostic as `file:line:col: severity CODE: message (at $.path)`.
    public var formattedDiagnostics: [String] { loaded.diagnostics.map { $0.formatted(fileName: sourceFile) } }
}

extension DefinitionLoader {
    /// Every definition `path` holds: the file itself, or each state machine of a template, in
    /// template order (`FILE#NAME` keeps only that one). `-` reads standard input.
    public static func loadAll(_ path: String, validate: Bool = true,
                               read: DefinitionReader = { path throws(DefinitionReadError) in try DefinitionFile.read(path) })
        throws(DefinitionReadError) -> [NamedDefinition] {
        let (file, wanted, bytes) = try open(path, read: read)
        let name = file == "-" ? "<stdin>" : file
        switch contents(of: bytes, fileName: name) {
        case .definition(let document, let warnings):
            if let wanted { throw .notATemplate(name, machine: wanted) }
            return [NamedDefinition(name: name, sourceFile: name, loaded: adding(warnings, to: load(document: document, validate: validate)))]
        case .unreadable(let diagnostic):
            // Whether it was meant as a template or not, what is wrong with its text comes first.
            return [NamedDefinition(name: name, sourceFile: name, loaded: LoadedDefinition(machine: nil, diagnostics: [diagnostic], document: nil))]
        case .template(let template):
            let names = template.machines.map(\.name)
            var machines = template.machines
            if let wanted {
                guard let machine = template.machine(named: wanted) else { throw .noSuchStateMachine(name, machine: wanted, declared: names) }
                machines = [machine]
            }
            guard !machines.isEmpty else { throw .noStateMachine(name) }
            return machines.map { machine in
                let (loaded, sourceFile) = template.load(machine, validate: validate, read: read)
                return NamedDefinition(name: machine.name.isEmpty ? name : name + "#" + machine.name, sourceFile: sourceFile, loaded: loaded)
            }
        }
    }

    /// The one definition `reference` names: `FILE`, or `FILE#NAME` for a state machine of a
    /// template (`FILE` alone will do when the template declares exactly one).
    public static func load(reference: String, validate: Bool = true,
                            read: DefinitionReader = { path throws(DefinitionReadError) in try DefinitionFile.read(path) })
        throws(DefinitionReadError) -> NamedDefinition {
        let all = try loadAll(reference, validate: validate, read: read)
        guard all.count == 1, let only = all.first else {
            let file = reference == "-" ? "<stdin>" : reference
            throw .severalStateMachines(file, declared: all.map { String($0.name.dropFirst(file.count + 1)) })
        }
        return only
    }

    /// The bytes of the file `reference` names, and the state machine after its `#`, if any. A
    /// file whose own name holds `#` is read as it is.
    static func open(_ reference: String, read: DefinitionReader) throws(DefinitionReadError) -> (String, String?, [UInt8]) {
        do {
            return (reference, nil, try read(reference))
        } catch {
            guard case .notFound = error, let hash = reference.lastIndex(of: "#"), hash != reference.startIndex,
                  reference.index(after: hash) != reference.endIndex else { throw error }
            let file = String(reference[..<hash])
            return (file, String(reference[reference.index(after: hash)...]), try read(file))
        }
    }
}

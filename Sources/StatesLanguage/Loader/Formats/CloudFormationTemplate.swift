/// A CloudFormation, SAM or Serverless Framework template, and the state machines it declares.
struct CloudFormationTemplate {
    /// A state machine declared in the template.
    struct Machine: Equatable {
        /// What `FILE#NAME` calls it: the resource's logical id, the Serverless Framework key,
        /// or "" for a file that is one `Fn::Join`/`Fn::Sub` definition on its own.
        var name: String
        /// JSON Pointer of the resource (or Serverless entry), where problems with it are reported.
        var pointer: String
        /// Where its definition is and in which form; nil when it gives none.
        var source: Source?
        /// JSON Pointer of its `DefinitionSubstitutions`, if any.
        var substitutions: String?
    }

    /// How a state machine's definition is given.
    enum Source: Equatable {
        /// `Definition` / Serverless `definition`: the definition as YAML or JSON, at this pointer.
        case object(String)
        /// `DefinitionString`: JSON text as a string, an `Fn::Sub` or an `Fn::Join`.
        case text(String)
        /// `DefinitionUri`: a file beside the template (or an S3 location asldb cannot read).
        case uri(String)
        /// `DefinitionS3Location`: an object in S3.
        case s3(String)
    }

    /// The resource types that are state machines.
    static let stateMachineTypes: Set<String> = ["AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine"]

    /// The whole template, its short tags in long form (`{"Ref": "X"}`).
    var document: JSONDocument
    /// Where literal block strings start (YAML templates), to locate text embedded in them.
    var literalBlocks: [String: SourceLocation]
    var machines: [Machine]

    /// The template `document` is, or nil when it is a plain definition (or something else).
    init?(document: JSONDocument, literalBlocks: [String: SourceLocation] = [:]) {
        guard case .object(let root) = document.value, root["StartAt"] == nil, root["States"] == nil else { return nil }
        self.document = document
        self.literalBlocks = literalBlocks
        machines = []
        if root.count == 1, let key = root.keys.first, key == "Fn::Join" || key == "Fn::Sub" {
            // A definition fragment: what a DefinitionString would hold, kept in a file of its own.
            machines = [Machine(name: "", pointer: "", source: .text(""), substitutions: nil)]
            return
        }
        let markers = ["Resources", "AWSTemplateFormatVersion", "Transform", "stepFunctions"]
        guard markers.contains(where: { root[$0] != nil }) || (root["service"] != nil && root["provider"] != nil) else { return nil }
        addResources(root["Resources"], at: "/Resources")
        addResources(root["resources"]?["Resources"], at: "/resources/Resources")
        for (name, entry) in root["stepFunctions"]?["stateMachines"]?.objectValue ?? [:] where entry.objectValue != nil {
            let pointer = "/stepFunctions/stateMachines/" + JSONPointer.escape(name)
            let source: Source? = entry["definition"] == nil ? nil : .object(pointer + "/definition")
            machines.append(Machine(name: name, pointer: pointer, source: source, substitutions: nil))
        }
    }

    private mutating func addResources(_ resources: JSON?, at pointer: String) {
        for (id, resource) in resources?.objectValue ?? [:] {
            let resourcePointer = pointer + "/" + JSONPointer.escape(id)
            if id.hasPrefix("Fn::ForEach::"), let loop = resource.arrayValue, loop.count == 3 {
                // `Fn::ForEach` (the LanguageExtensions transform) repeats the resources in its
                // third item; their ids keep the loop's `${Name}`.
                addResources(loop[2], at: resourcePointer + "/2")
                continue
            }
            guard let type = resource["Type"]?.stringValue, Self.stateMachineTypes.contains(type) else { continue }
            let properties = resourcePointer + "/Properties"
            let fields = resource["Properties"]?.objectValue ?? [:]
            let source: Source?
            if fields["Definition"] != nil {
                source = .object(properties + "/Definition")
            } else if fields["DefinitionString"] != nil {
                source = .text(properties + "/DefinitionString")
            } else if fields["DefinitionUri"] != nil {
                source = .uri(properties + "/DefinitionUri")
            } else if fields["DefinitionS3Location"] != nil {
                source = .s3(properties + "/DefinitionS3Location")
            } else {
                source = nil
            }
            let substitutions = fields["DefinitionSubstitutions"] == nil ? nil : properties + "/DefinitionSubstitutions"
            machines.append(Machine(name: id, pointer: resourcePointer, source: source, substitutions: substitutions))
        }
    }

    /// The machine `name` chooses; a leading `Resources.` or `stepFunctions.stateMachines.` is
    /// allowed, as validate's full names write it.
    func machine(named name: String) -> Machine? {
        var wanted = name[...]
        for prefix in ["Resources.", "stepFunctions.stateMachines."] where wanted.hasPrefix(prefix) && !machines.contains(where: { $0.name == name }) {
            wanted = wanted.dropFirst(prefix.count)
        }
        return machines.first { $0.name == wanted }
    }

    /// The value at a pointer of the template, nil when there is none.
    func value(at pointer: String) -> JSON? {
        (try? document.value.value(atPointer: pointer)) ?? nil
    }
}

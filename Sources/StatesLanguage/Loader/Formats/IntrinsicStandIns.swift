/// CloudFormation intrinsics left in a definition cut out of a template (`{"Fn::GetAtt": [...]}`
/// as a Resource, YAML's `!Ref Queue`): CloudFormation evaluates them before AWS sees the
/// definition, so AWS never meets them. Each becomes the text it stands for, with a warning,
/// and the definition loads and runs like the deployed one.
enum IntrinsicStandIns {
    /// `document` with every intrinsic object replaced by its text (`${Fn.Arn}` for what only a
    /// deployment knows), and one warning for each, at the intrinsic.
    static func replacing(in document: JSONDocument) -> (JSONDocument, [Diagnostic]) {
        guard contains(document.value) else { return (document, []) }
        var warnings: [Diagnostic] = []
        var out = document
        out.value = replaced(document.value, at: "", in: document, warnings: &warnings)
        return (out, warnings)
    }

    /// The function an intrinsic object calls (`Ref`, `Fn::Sub`), nil for any other value.
    static func function(of value: JSON) -> String? {
        guard case .object(let object) = value, object.count == 1, let name = object.keys.first,
              name == "Ref" || name.hasPrefix("Fn::") else { return nil }
        return name
    }

    private static func replaced(_ value: JSON, at p: String, in document: JSONDocument, warnings: inout [Diagnostic]) -> JSON {
        switch value {
        case .array(let elements):
            return .array(elements.enumerated().map { replaced($1, at: pointer(p, $0), in: document, warnings: &warnings) })
        case .object(let object):
            if let name = function(of: value) {
                let text = CloudFormationIntrinsic.partText(value)
                warnings.append(Diagnostic(
                    severity: .warning, code: .placeholderSubstituted,
                    message: "the CloudFormation intrinsic \(name) was read as \(JSONPrinter.compact(.string(text))); "
                        + "CloudFormation fills in the real value when the template is deployed",
                    pointer: p, path: ASLPath.path(of: p, in: document.value), location: document.sourceMap.location(of: p)))
                return .string(text)
            }
            var out = object
            for (key, member) in object { out[key] = replaced(member, at: pointer(p, key), in: document, warnings: &warnings) }
            return .object(out)
        default:
            return value
        }
    }

    /// Whether an intrinsic sits anywhere in `value` (most definitions have none, and are kept as they are).
    private static func contains(_ value: JSON) -> Bool {
        switch value {
        case .array(let elements): return elements.contains(where: contains)
        case .object(let object): return function(of: value) != nil || object.values.contains(where: contains)
        default: return false
        }
    }
}

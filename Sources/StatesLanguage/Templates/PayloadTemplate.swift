/// A compiled payload template (Parameters, ResultSelector, ItemSelector, JSONPath-mode Assign,
/// legacy Map Parameters): members whose key ends in `.$` are computed from a path, a context path,
/// a variable or an intrinsic function call; everything else is copied as written.
public struct PayloadTemplate: Sendable, Hashable {
    indirect enum Node: Sendable, Hashable {
        case literal(JSON)
        /// `skeleton` holds the members' keys with null values when the keys are distinct: an
        /// evaluation fills in the values of a copy, and every result shares the keys' storage.
        case object([(key: String, node: Node)], skeleton: JSONObject?)
        case array([Node])
        /// A `.$` member: `field` is the key as written (with `.$`), for error messages.
        case expression(ValueExpression, field: String)

        static func == (a: Node, b: Node) -> Bool {
            switch (a, b) {
            case (.literal(let x), .literal(let y)): return x == y
            case (.object(let x, _), .object(let y, _)):
                return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.node == $1.node }
            case (.array(let x), .array(let y)): return x == y
            case (.expression(let x, let f), .expression(let y, let g)): return x == y && f == g
            default: return false
            }
        }

        func hash(into hasher: inout Hasher) {
            switch self {
            case .literal(let v): hasher.combine(0); hasher.combine(v)
            case .object(let members, _):
                hasher.combine(1)
                for m in members { hasher.combine(m.key); hasher.combine(m.node) }
            case .array(let a): hasher.combine(2); hasher.combine(a)
            case .expression(let e, let f): hasher.combine(3); hasher.combine(e); hasher.combine(f)
            }
        }
    }

    let root: Node

    /// The template as written.
    public let source: JSON

    /// Compiles a template; throws when a `.$` member's value is not a string holding a valid path or
    /// intrinsic function call.
    public init(_ source: JSON) throws(PayloadTemplateError) {
        self.source = source
        root = try Self.compile(source, pointer: "")
    }

    private static func compile(_ value: JSON, pointer: String) throws(PayloadTemplateError) -> Node {
        switch value {
        case .object(let object):
            var members: [(key: String, node: Node)] = []
            members.reserveCapacity(object.count)
            for (key, member) in object {
                let memberPointer = pointer + "/" + JSONPointer.escape(key)
                if key.hasSuffix(".$") {
                    let name = String(key.dropLast(2))
                    guard case .string(let text) = member else {
                        throw PayloadTemplateError(
                            field: key, pointer: memberPointer,
                            message: "The value for the field '\(key)' must be a STRING that contains a JSONPath but was \(member.typeName.uppercased())")
                    }
                    members.append((name, try compileExpression(text, field: key, pointer: memberPointer)))
                } else {
                    members.append((key, try compile(member, pointer: memberPointer)))
                }
            }
            // A subtree without `.$` members is copied as written: share it instead of rebuilding it.
            if members.allSatisfy({ if case .literal = $0.node { return true } else { return false } }) { return .literal(value) }
            var skeleton = JSONObject(minimumCapacity: members.count)
            for m in members { skeleton[m.key] = .null }
            // `a` and `a.$` both written: the later one wins the key, in the earlier one's place.
            return .object(members, skeleton: skeleton.count == members.count ? skeleton : nil)
        case .array(let elements):
            var nodes: [Node] = []
            for (i, e) in elements.enumerated() { nodes.append(try compile(e, pointer: pointer + "/\(i)")) }
            if nodes.allSatisfy({ if case .literal = $0 { return true } else { return false } }) { return .literal(value) }
            return .array(nodes)
        default:
            return .literal(value)
        }
    }

    private static func compileExpression(_ text: String, field: String, pointer: String) throws(PayloadTemplateError) -> Node {
        let message = "The value for the field '\(field)' must be a valid JSONPath or a valid intrinsic function call"
        guard text.hasPrefix("$") || text.hasPrefix("States.") else {
            throw PayloadTemplateError(field: field, pointer: pointer, message: message)
        }
        do {
            return .expression(try ValueExpression(text), field: field)
        } catch {
            throw PayloadTemplateError(field: field, pointer: pointer, message: "\(message) (\(error))")
        }
    }

    /// Whether some `.$` member reads the context object (`$$…`): a caller may then skip building it.
    public var usesContextObject: Bool { Self.usesContextObject(root) }

    private static func usesContextObject(_ node: Node) -> Bool {
        switch node {
        case .literal: return false
        case .object(let members, _): return members.contains { usesContextObject($0.node) }
        case .array(let nodes): return nodes.contains(where: usesContextObject)
        case .expression(let expression, _): return expression.usesContextObject
        }
    }

    /// Builds the payload. `context.input` is the document `$` refers to; `context.random` advances for
    /// each States.MathRandom / States.UUID call.
    public func evaluate(in context: inout EvaluationContext) throws(ExecutionError) -> JSON {
        try Self.evaluate(root, in: &context)
    }

    private static func evaluate(_ node: borrowing Node, in context: inout EvaluationContext) throws(ExecutionError) -> JSON {
        switch node {
        case .literal(let v): return v
        case .array(let nodes):
            var out: [JSON] = []
            out.reserveCapacity(nodes.count)
            for n in nodes { out.append(try evaluate(n, in: &context)) }
            return .array(out)
        case .object(let members, let skeleton?):
            var out = skeleton
            for i in members.indices { out.values[i] = try evaluate(members[i].node, in: &context) }
            return .object(out)
        case .object(let members, nil):
            var out = JSONObject(minimumCapacity: members.count)
            for m in members { out[m.key] = try evaluate(m.node, in: &context) }
            return .object(out)
        case .expression(let expression, let field):
            return try expression.evaluate(in: &context, field: field)
        }
    }
}

/// A payload template that cannot be compiled; found when the definition is loaded.
public struct PayloadTemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The offending key as written, with its `.$`.
    public var field: String
    /// JSON Pointer to the member inside the template.
    public var pointer: String
    /// What is wrong, for people.
    public var message: String

    public var description: String { message }
}

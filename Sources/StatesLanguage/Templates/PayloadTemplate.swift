/// A compiled payload template (Parameters, ResultSelector, ItemSelector, JSONPath-mode Assign,
/// legacy Map Parameters): members whose key ends in `.$` are computed from a path, a context path,
/// a variable or an intrinsic function call; everything else is copied as written.
public struct PayloadTemplate: Sendable, Hashable {
    enum Node: Sendable, Hashable {
        case literal(JSON)
        case object(ObjectNode)
        case array([Node])
        /// A `.$` member.
        case expression(ExpressionNode)
    }

    // Object and expression nodes are objects: a node is copied with one reference, and an
    // evaluation reads a node's parts through it in place.

    /// An object with computed members. `skeleton` holds the members' keys with null values when
    /// the keys are distinct: an evaluation builds a result with them, and every result shares
    /// the keys' storage.
    final class ObjectNode: @unchecked Sendable, Hashable {
        let keys: [String]
        let nodes: [Node]
        let skeleton: JSONObject?
        /// `skeleton`'s keys, reached without counting a reference.
        let skeletonKeys: JSONObject.UnownedKeys?
        /// `nodes` as an evaluation walks them: nested objects and expressions by unowned
        /// reference (`nodes` keeps them alive), so that visiting one counts no reference. Kept in
        /// memory of the node's own, which an evaluation reads without retaining an array.
        // Written once, by init; freed by deinit.
        let steps: UnsafeMutableBufferPointer<Step>

        enum Step: @unchecked Sendable {
            case literal(JSON)
            case object(Unmanaged<ObjectNode>)
            case expression(Unmanaged<ExpressionNode>)
            case other(Node)
        }

        init(keys: [String], nodes: [Node], skeleton: JSONObject?) {
            self.keys = keys
            self.nodes = nodes
            self.skeleton = skeleton
            skeletonKeys = skeleton?.unownedKeys
            steps = .allocate(capacity: nodes.count)
            for (i, node) in nodes.enumerated() {
                let step: Step
                switch node {
                case .literal(let value): step = .literal(value)
                case .object(let object): step = .object(.passUnretained(object))
                case .expression(let expression): step = .expression(.passUnretained(expression))
                case .array: step = .other(node)
                }
                (steps.baseAddress! + i).initialize(to: step)
            }
        }

        deinit {
            steps.baseAddress?.deinitialize(count: steps.count)
            steps.deallocate()
        }

        static func == (a: ObjectNode, b: ObjectNode) -> Bool { a === b || (a.keys == b.keys && a.nodes == b.nodes) }
        func hash(into hasher: inout Hasher) {
            hasher.combine(keys)
            hasher.combine(nodes)
        }
    }

    /// A `.$` member: `field` is the key as written (with `.$`), for error messages.
    final class ExpressionNode: Sendable, Hashable {
        let expression: ValueExpression
        let field: String

        init(_ expression: ValueExpression, field: String) {
            self.expression = expression
            self.field = field
        }

        static func == (a: ExpressionNode, b: ExpressionNode) -> Bool { a === b || (a.expression == b.expression && a.field == b.field) }
        func hash(into hasher: inout Hasher) {
            hasher.combine(expression)
            hasher.combine(field)
        }
    }

    // Kept in one shared object, so that copying a template (out of a prepared state, into an
    // evaluation) costs one reference.
    fileprivate final class Storage: Sendable {
        let root: Node
        let source: JSON
        init(root: Node, source: JSON) {
            self.root = root
            self.source = source
        }
    }
    private let storage: Storage

    var root: Node { storage.root }

    /// The template as written.
    public var source: JSON { storage.source }

    /// Compiles a template; throws when a `.$` member's value is not a string holding a valid path or
    /// intrinsic function call.
    public init(_ source: JSON) throws(PayloadTemplateError) {
        storage = Storage(root: try Self.compile(source, pointer: ""), source: source)
    }

    public static func == (a: PayloadTemplate, b: PayloadTemplate) -> Bool {
        a.storage === b.storage || (a.root == b.root && a.source == b.source)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(root)
        hasher.combine(source)
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
            return .object(ObjectNode(keys: members.map(\.key), nodes: members.map(\.node),
                                      skeleton: skeleton.count == members.count ? skeleton : nil))
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
            return .expression(ExpressionNode(try ValueExpression(text), field: field))
        } catch {
            throw PayloadTemplateError(field: field, pointer: pointer, message: "\(message) (\(error))")
        }
    }

    /// Whether some `.$` member reads the context object (`$$…`): a caller may then skip building it.
    public var usesContextObject: Bool { Self.usesContextObject(root) }

    private static func usesContextObject(_ node: Node) -> Bool {
        switch node {
        case .literal: return false
        case .object(let object): return object.nodes.contains(where: usesContextObject)
        case .array(let nodes): return nodes.contains(where: usesContextObject)
        case .expression(let expression): return expression.expression.usesContextObject
        }
    }

    /// A reference to a template that does not keep it alive: a holder that keeps the template
    /// evaluates it through this without counting a reference at each evaluation.
    public struct Unowned: @unchecked Sendable {
        fileprivate let storage: Unmanaged<Storage>

        /// `PayloadTemplate.evaluate(in:)`; the template must still be alive.
        public func evaluate(in context: inout EvaluationContext) throws(ExecutionError) -> JSON {
            try storage.withGuaranteedInstance { (storage) throws(ExecutionError) in
                try PayloadTemplate.evaluate(storage.root, in: &context)
            }
        }
    }

    /// This template, unowned (see `Unowned`).
    public var unowned: Unowned { Unowned(storage: .passUnretained(storage)) }

    /// Builds the payload. `context.input` is the document `$` refers to; `context.random` advances for
    /// each States.MathRandom / States.UUID call.
    public func evaluate(in context: inout EvaluationContext) throws(ExecutionError) -> JSON {
        try Self.evaluate(storage.root, in: &context)
    }

    private static func evaluate(_ node: borrowing Node, in context: inout EvaluationContext) throws(ExecutionError) -> JSON {
        switch node {
        case .literal(let v): return v
        case .array(let nodes):
            var out: [JSON] = []
            out.reserveCapacity(nodes.count)
            for n in nodes { out.append(try evaluate(n, in: &context)) }
            return .array(out)
        case .object(let object):
            return try evaluate(object, in: &context)
        case .expression(let node):
            return try node.expression.evaluate(in: &context, field: node.field)
        }
    }

    private static func evaluate(_ object: ObjectNode, in context: inout EvaluationContext) throws(ExecutionError) -> JSON {
        guard let skeleton = object.skeletonKeys else {
            var out = JSONObject(minimumCapacity: object.keys.count)
            for i in object.keys.indices { out[object.keys[i]] = try evaluate(object.nodes[i], in: &context) }
            return .object(out)
        }
        return .object(try JSONObject(keysOf: skeleton) { (i) throws(ExecutionError) -> JSON in
            try evaluate(object.steps[i], in: &context)
        })
    }

    private static func evaluate(_ step: ObjectNode.Step, in context: inout EvaluationContext) throws(ExecutionError) -> JSON {
        switch step {
        case .literal(let v): return v
        case .other(let node): return try evaluate(node, in: &context)
        case .object(let object):
            return try object.withGuaranteedInstance { (object) throws(ExecutionError) in try evaluate(object, in: &context) }
        case .expression(let expression):
            return try expression.withGuaranteedInstance { (node) throws(ExecutionError) in
                try node.expression.evaluate(in: &context, field: node.field)
            }
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

/// A reference path (ResultPath, Choice Variable, ...): a path that names a single node through
/// member names and array indexes only.
public struct ReferencePath: Sendable, Hashable, CustomStringConvertible {
    /// The underlying path (member names and single indexes only).
    public let path: JSONPath

    /// Parses and checks that the path is a reference path.
    public init(_ text: String) throws(JSONPathSyntaxError) {
        let path = try JSONPath(text)
        guard path.isReferencePath else {
            throw JSONPathSyntaxError("'\(text)' is not a reference path: only member names and single array indexes are allowed", column: 1)
        }
        self.path = path
    }

    /// The path as written.
    public var text: String { path.text }
    public var description: String { path.text }

    /// Writes `value` into `document` at this path, the way ResultPath does: `$` replaces the
    /// document, missing objects on the way are created, anything else that is in the way fails
    /// with `States.ResultPathMatchFailure`. The document is not changed: the result shares every
    /// part the path does not go through.
    public func set(_ value: consuming JSON, in document: borrowing JSON) throws(ExecutionError) -> JSON {
        guard let placed = Self.placing(value, in: document, path.referenceStepBuffer, 0) else {
            throw ExecutionError(
                StatesErrorName.resultPathMatchFailure,
                cause: "Unable to apply ReferencePath \(path.text) to input \(JSONPrinter.compact(document))")
        }
        return placed
    }

    /// `node` with `value` at `steps[i...]`, built from copies of the containers the path goes
    /// through; nil when something other than an object or array is in the way.
    private static func placing(_ value: consuming JSON, in node: JSON, _ steps: UnsafeBufferPointer<JSONStep>,
                                _ i: Int) -> JSON? {
        guard i < steps.count else { return value }
        switch steps[i] {
        case .member(let name):
            guard case .object(let object) = node else { return nil }
            guard let at = object.index(forKey: name) else {
                // A missing member is created; objects are created for the rest of the way.
                guard let child = placing(value, in: .object([:]), steps, i + 1) else { return nil }
                return .object(object.with(child, forKey: name))
            }
            guard let child = placing(value, in: object.value(at: at), steps, i + 1) else { return nil }
            return .object(object.with(child, at: at))
        case .index(let index):
            guard case .array(var array) = node else { return nil }
            let effective = index < 0 ? array.count + index : index
            guard array.indices.contains(effective) else { return nil }
            guard let child = placing(value, in: array[effective], steps, i + 1) else { return nil }
            array[effective] = child
            return .array(array)
        }
    }
}

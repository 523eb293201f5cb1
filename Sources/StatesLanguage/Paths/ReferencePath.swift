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
    /// with `States.ResultPathMatchFailure`.
    public func set(_ value: JSON, in document: JSON) throws(ExecutionError) -> JSON {
        var copy = document
        guard Self.write(value, into: &copy, path.segments[...]) else {
            throw ExecutionError(
                StatesErrorName.resultPathMatchFailure,
                cause: "Unable to apply ReferencePath \(path.text) to input \(JSONPrinter.compact(document))")
        }
        return copy
    }

    private static func write(_ value: JSON, into node: inout JSON, _ rest: ArraySlice<Segment>) -> Bool {
        guard let first = rest.first else {
            node = value
            return true
        }
        switch first {
        case .property(let names):
            let name = names[0]
            guard case .object(var object) = node else { return false }
            // Release the enum's reference so the object is edited in place.
            node = .null
            var child = object[name] ?? .object([:])
            if object[name] == nil && rest.count == 1 { child = value }
            let ok = write(value, into: &child, rest.dropFirst())
            object[name] = child
            node = .object(object)
            return ok
        case .index(let indexes):
            guard case .array(var array) = node else { return false }
            let effective = indexes[0] < 0 ? array.count + indexes[0] : indexes[0]
            guard array.indices.contains(effective) else { return false }
            node = .null
            let ok = write(value, into: &array[effective], rest.dropFirst())
            node = .array(array)
            return ok
        default:
            return false
        }
    }
}

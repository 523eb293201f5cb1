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
    public func set(_ value: consuming JSON, in document: consuming JSON) throws(ExecutionError) -> JSON {
        var edited = copy document
        let written: Bool
        if path.hasReferenceSteps {
            written = Self.write(&value, into: &edited, path.referenceStepBuffer, 0)
        } else {
            written = Self.write(value, into: &edited, path.segments[...])
        }
        guard written else {
            throw ExecutionError(
                StatesErrorName.resultPathMatchFailure,
                cause: "Unable to apply ReferencePath \(path.text) to input \(JSONPrinter.compact(document))")
        }
        return edited
    }

    /// Writes along member names and indexes; each container on the way is taken out of its
    /// parent while it is edited, so that one only this document holds is changed in place.
    /// `value` is moved into place (the caller's variable is left `null`).
    private static func write(_ value: inout JSON, into node: inout JSON, _ steps: UnsafeBufferPointer<JSONStep>, _ i: Int) -> Bool {
        guard i < steps.count else {
            swap(&node, &value)
            return true
        }
        switch steps[i] {
        case .member(let name):
            guard case .object(var object) = node else { return false }
            node = .null
            defer { node = .object(object) }
            guard let at = object.index(forKey: name) else {
                // A missing member is created; objects are created for the rest of the way.
                var child: JSON = .object([:])
                let ok = write(&value, into: &child, steps, i + 1)
                object.updateValue(consume child, forKey: name)
                return ok
            }
            if i + 1 == steps.count {
                var moved = JSON.null
                swap(&moved, &value)
                object.setValue(consume moved, at: at)
                return true
            }
            var child = object.value(at: at)
            object.setValue(.null, at: at)
            let ok = write(&value, into: &child, steps, i + 1)
            object.setValue(consume child, at: at)
            return ok
        case .index(let index):
            guard case .array(var array) = node else { return false }
            let effective = index < 0 ? array.count + index : index
            guard array.indices.contains(effective) else { return false }
            node = .null
            let ok = write(&value, into: &array[effective], steps, i + 1)
            node = .array(array)
            return ok
        }
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

/// One difference between two JSON values, at a path in them.
public struct JSONChange: Sendable, Hashable, CustomStringConvertible {
    /// What happened at the path.
    public enum Kind: String, Sendable, Hashable {
        case added, removed, changed
    }

    public var kind: Kind
    /// Reference tokens of the place (`[]` is the whole value).
    public var path: [String]
    /// The value before; nil when `added`.
    public var oldValue: JSON?
    /// The value after; nil when `removed`.
    public var newValue: JSON?

    public init(kind: Kind, path: [String], oldValue: JSON?, newValue: JSON?) {
        self.kind = kind
        self.path = path
        self.oldValue = oldValue
        self.newValue = newValue
    }

    /// The place as a JSON Pointer (`/order/items/0`).
    public var pointer: String { JSONPointer.format(path) }

    public var description: String {
        switch kind {
        case .added: return "+ \(pointer): \(newValue ?? .null)"
        case .removed: return "- \(pointer): \(oldValue ?? .null)"
        case .changed: return "~ \(pointer): \(oldValue ?? .null) -> \(newValue ?? .null)"
        }
    }
}

/// The structural difference between two JSON values, for highlighting what a state changed.
///
/// Objects are compared key by key (member order is ignored, as `==` ignores it). Arrays are
/// compared index by index: inserting at the front shows as every element changed plus one
/// added at the end. That is deliberate: state data rarely shifts, an index-wise diff is linear
/// and predictable, and its paths are exactly the paths the execution reads and writes.
public struct JSONDiff: Sendable, Hashable {
    /// The changes, in an order in which `apply(to:)` can replay them one by one.
    public var changes: [JSONChange]

    /// The changes that turn `old` into `new`.
    public init(from old: JSON, to new: JSON) {
        var path: [String] = []
        var changes: [JSONChange] = []
        Self.collect(old, new, path: &path, into: &changes)
        self.changes = changes
    }

    /// Whether the two values were equal.
    public var isEmpty: Bool { changes.isEmpty }

    /// Replays the changes onto `value`; applied to the diff's `old`, gives its `new`.
    public func apply(to value: JSON) throws(JSONPointerError) -> JSON {
        var result = value
        for change in changes {
            let pointer = change.pointer
            switch change.kind {
            case .added, .changed:
                let new = change.newValue ?? .null
                try result.edit(change.path, pointer: pointer) { (_: JSON?) throws(JSONPointerError) in new }
            case .removed:
                try result.edit(change.path, pointer: pointer) { (old: JSON?) throws(JSONPointerError) in
                    guard old != nil else { throw JSONPointerError(pointer: pointer, message: "there is no value to remove") }
                    return nil
                }
            }
        }
        return result
    }

    private static func collect(_ a: JSON, _ b: JSON, path: inout [String], into out: inout [JSONChange]) {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            if sameStorage(x, y) { return }
            for (key, old) in x {
                path.append(key)
                if let new = y[key] {
                    collect(old, new, path: &path, into: &out)
                } else {
                    out.append(JSONChange(kind: .removed, path: path, oldValue: old, newValue: nil))
                }
                path.removeLast()
            }
            for (key, new) in y where x[key] == nil {
                out.append(JSONChange(kind: .added, path: path + [key], oldValue: nil, newValue: new))
            }
        case (.array(let x), .array(let y)):
            if sameStorage(x, y) { return }
            for i in 0..<min(x.count, y.count) {
                path.append(String(i))
                collect(x[i], y[i], path: &path, into: &out)
                path.removeLast()
            }
            // Appends go up and removals come down, so each index is valid when it is replayed.
            for i in x.count..<max(x.count, y.count) {
                out.append(JSONChange(kind: .added, path: path + [String(i)], oldValue: nil, newValue: y[i]))
            }
            for i in (y.count..<max(x.count, y.count)).reversed() {
                out.append(JSONChange(kind: .removed, path: path + [String(i)], oldValue: x[i], newValue: nil))
            }
        default:
            if a != b { out.append(JSONChange(kind: .changed, path: path, oldValue: a, newValue: b)) }
        }
    }

    /// Copy-on-write containers that still share storage are equal without looking inside; the
    /// debugger diffs consecutive states, which share almost everything.
    private static func sameStorage(_ x: [JSON], _ y: [JSON]) -> Bool {
        x.count == y.count && x.withUnsafeBufferPointer { p in y.withUnsafeBufferPointer { q in p.baseAddress == q.baseAddress } }
    }

    private static func sameStorage(_ x: JSONObject, _ y: JSONObject) -> Bool {
        x.isIdentical(to: y)
    }
}

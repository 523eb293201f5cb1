@_exported import OrderedCollections


/// A JSON value as Step Functions sees it: objects keep their key order, integers stay exact.
///
/// Arrays and objects are copy-on-write, so copying a `JSON` is cheap and an edited copy shares
/// every untouched subtree with the original. The engine and debugger rely on that to keep every
/// earlier moment of an execution without deep copies.
public enum JSON: Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSON])
    case object(JSONObject)
}

// MARK: - Limits

extension JSON {
    /// How deeply arrays and objects may nest in the values asldb works with: the parsers refuse
    /// deeper documents and the engine deeper payloads. Walking a value (printing, comparing,
    /// measuring, freeing) recurses once per level, so this keeps every walk far from the end
    /// of a thread's stack.
    public static let maximumDepth = 512

    /// An upper bound on the UTF-8 size of `JSONPrinter.compact(self)`, read from the objects'
    /// own bounds without walking their members (arrays add up their elements').
    public var compactSizeBound: Int { JSONObject.valueBound(self) }

    /// Whether arrays and objects nest more than `limit` levels in this value (`[]` and `{}` are
    /// one level, `[[1]]` two, a string none). Objects' depth bounds settle most values at once;
    /// otherwise the value is walked without recursion, however deep it is.
    public func isNested(deeperThan limit: Int) -> Bool {
        if case .object(let o) = self, o.depthBound <= limit { return false }
        // Each value to look at, with the number of containers above it.
        var pending: [(value: JSON, above: Int)] = [(self, 0)]
        while let (value, above) = pending.popLast() {
            switch value {
            case .array(let elements):
                guard above < limit else { return true }
                for e in elements {
                    switch e {
                    case .array: pending.append((e, above + 1))
                    case .object(let o) where above + 1 + o.depthBound > limit: pending.append((e, above + 1))
                    default: break
                    }
                }
            case .object(let members):
                guard above < limit else { return true }
                for (_, e) in members {
                    switch e {
                    case .array: pending.append((e, above + 1))
                    case .object(let o) where above + 1 + o.depthBound > limit: pending.append((e, above + 1))
                    default: break
                    }
                }
            default:
                break
            }
        }
        return false
    }
}

// MARK: - Equality: objects compare as sets of members, arrays in order, numbers by value.

extension JSON: Hashable {
    public static func == (a: JSON, b: JSON) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)): return x == y
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(1); hasher.combine(b)
        case .number(let n): hasher.combine(2); hasher.combine(n)
        case .string(let s): hasher.combine(3); hasher.combine(s)
        case .array(let a): hasher.combine(4); hasher.combine(a)
        case .object(let o): hasher.combine(5); hasher.combine(o)
        }
    }
}

// MARK: - Accessors

extension JSON {
    /// The JSON type name as Step Functions error messages spell it.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// Whether this is `null`.
    public var isNull: Bool { if case .null = self { return true } else { return false } }
    /// The text of a string, else nil.
    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    /// The value of a boolean, else nil.
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    /// The value of a number, else nil.
    public var numberValue: JSONNumber? { if case .number(let n) = self { return n } else { return nil } }
    /// The elements of an array, else nil.
    public var arrayValue: [JSON]? { if case .array(let a) = self { return a } else { return nil } }
    /// The members of an object, else nil.
    public var objectValue: JSONObject? { if case .object(let o) = self { return o } else { return nil } }
    /// A number that is a whole 64-bit integer (`3` or `3.0`), else nil.
    public var intValue: Int64? { numberValue?.intValue }
    /// Any number as a double, else nil.
    public var doubleValue: Double? { numberValue?.doubleValue }

    /// Member lookup; nil when this is not an object or has no such key.
    public subscript(key: String) -> JSON? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// Element lookup; nil when this is not an array or the index is out of range.
    public subscript(index: Int) -> JSON? {
        if case .array(let a) = self, a.indices.contains(index) { return a[index] }
        return nil
    }

    /// An integer number.
    public static func int(_ i: Int) -> JSON { .number(.int(Int64(i))) }
    /// A computed number: a whole value becomes an integer and prints `3`, as AWS prints results.
    public static func double(_ d: Double) -> JSON { .number(.normalized(d)) }
}

// MARK: - Literals, so tests and code can write JSON naturally.

extension JSON: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int64) { self = .number(.int(value)) }
    /// A double, printed as Jackson prints a parsed `3.0`: `3.0`. Use `JSON.double(_:)` for results.
    public init(floatLiteral value: Double) { self = .number(.double(value)) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSON...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSON)...) {
        var o = JSONObject(minimumCapacity: elements.count)
        for (k, v) in elements { o[k] = v }
        self = .object(o)
    }
}

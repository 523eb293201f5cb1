import StatesJSON

/// A value while an expression is evaluated: JSON data, JavaScript's `undefined`, sequences with
/// the flags the language's flattening rules read, and functions.
///
/// Containers from the input stay the caller's `JSON` (`.json`), so reading a large document
/// copies nothing; containers the expression builds are `.array` and `.object`.
enum Value {
    case undefined
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    /// An array the expression built, or a sequence of results.
    case array(Seq)
    /// An object the expression built (a reference, as in JavaScript: a transform edits a clone).
    case object(ObjectValue)
    /// An array or object of the input, untouched. Never a scalar.
    case json(JSON)
    /// An array or object of a `JSONataDocument` input, read in place.
    case node(NodeRef)
    case function(FunctionValue)
}

/// The array behind `Value.array`, with the reference's flags.
struct Seq {
    struct Flags: OptionSet {
        let rawValue: UInt8
        /// A sequence of results (flattened into paths, unwrapped when it holds one value).
        static let sequence = Flags(rawValue: 1)
        /// `[]` on a step: keep a one-value result as an array.
        static let keepSingleton = Flags(rawValue: 2)
        /// Built by an array constructor `[...]` that a path must not flatten.
        static let cons = Flags(rawValue: 4)
        /// The input document was an array, wrapped so it is treated as one value.
        static let outerWrapper = Flags(rawValue: 8)
        /// A stream of tuples (objects holding `@` and bound variables).
        static let tupleStream = Flags(rawValue: 16)
    }

    var items: [Value]
    var flags: Flags

    init(_ items: [Value] = [], flags: Flags = []) {
        self.items = items
        self.flags = flags
    }

    static func sequence(_ items: [Value] = []) -> Seq { Seq(items, flags: .sequence) }

    var isSequence: Bool { flags.contains(.sequence) }
    var count: Int { items.count }
}

/// An object the expression built: members in insertion order, found through a hash index.
final class ObjectValue {
    private(set) var keys: [String] = []
    private(set) var values: [Value] = []
    /// Each key's position, once the object is large enough for hashing to beat a scan
    /// (most objects an expression builds have a handful of keys).
    private var index: [String: Int]?
    private static let indexThreshold = 12

    init() {}

    init(capacity: Int) {
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    var count: Int { keys.count }

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        for i in keys.indices where keys[i] == key { return i }
        return nil
    }

    subscript(key: String) -> Value? {
        if let i = position(of: key) { return values[i] }
        return nil
    }

    /// Sets a member: a new key goes last, an existing one keeps its place.
    func set(_ key: String, _ value: Value) {
        if let i = position(of: key) {
            values[i] = value
            return
        }
        keys.append(key)
        values.append(value)
        if index != nil {
            index![key] = keys.count - 1
        } else if keys.count > Self.indexThreshold {
            var built: [String: Int] = [:]
            built.reserveCapacity(keys.count * 2)
            for (i, k) in keys.enumerated() { built[k] = i }
            index = built
        }
    }

    func remove(_ key: String) {
        guard let i = position(of: key) else { return }
        keys.remove(at: i)
        values.remove(at: i)
        if index != nil {
            index![key] = nil
            for j in i..<keys.count { index![keys[j]] = j }
        }
    }
}

extension Value {
    /// A JSON value of the input as a `Value`: scalars become values, containers stay JSON.
    @inline(__always)
    init(_ json: JSON) {
        switch json {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let n): self = .number(n.doubleValue)
        case .string(let s): self = .string(s)
        case .array, .object: self = .json(json)
        }
    }

    var isUndefined: Bool { if case .undefined = self { return true } else { return false } }

    /// Whether this is an array (built, a sequence, or of the input).
    var isArray: Bool {
        switch self {
        case .array: return true
        case .json(.array): return true
        case .node(let n): return n.isArray
        default: return false
        }
    }

    /// Whether this is a sequence of results.
    var isSequence: Bool {
        if case .array(let s) = self { return s.isSequence }
        return false
    }

    /// Whether this is an object (built or of the input), not a function.
    var isObject: Bool {
        switch self {
        case .object: return true
        case .json(.object): return true
        case .node(let n): return n.isObject
        default: return false
        }
    }

    var isFunction: Bool { if case .function = self { return true } else { return false } }

    var isString: Bool { if case .string = self { return true } else { return false } }

    var isNumber: Bool { if case .number = self { return true } else { return false } }

    /// The elements of an array value, else nil.
    var arrayElements: [Value]? {
        switch self {
        case .array(let s): return s.items
        case .json(.array(let a)): return a.map(Value.init)
        case .node(let n) where n.isArray: return n.document.elements(n.index)
        default: return nil
        }
    }

    /// The number of elements of an array value (0 for anything else).
    var arrayCount: Int {
        switch self {
        case .array(let s): return s.count
        case .json(.array(let a)): return a.count
        case .node(let n) where n.isArray: return n.count
        default: return 0
        }
    }

    /// The keys of an object value, in order (empty for anything else).
    var objectKeys: [String] {
        switch self {
        case .object(let o): return o.keys
        case .json(.object(let o)): return Array(o.keys)
        case .node(let n) where n.isObject:
            var keys: [String] = []
            try? n.document.forEachMember(n.index) { (k, _) throws(JSONataError) in keys.append(n.document.string(k)) }
            return keys
        default: return []
        }
    }

    /// The members of an object value, in order.
    func forEachMember(_ body: (String, Value) throws(JSONataError) -> Void) throws(JSONataError) {
        switch self {
        case .object(let o):
            for i in 0..<o.count { try body(o.keys[i], o.values[i]) }
        case .json(.object(let o)):
            for i in 0..<o.count { try body(o.key(at: i), Value(o.value(at: i))) }
        case .node(let n) where n.isObject:
            let d = n.document
            try d.forEachMember(n.index) { (k, v) throws(JSONataError) in try body(d.string(k), d.value(v)) }
        default:
            break
        }
    }

    /// A member of an object value; nil when this is not an object or has no such key.
    @inline(__always)
    func member(_ key: String) -> Value? {
        switch self {
        case .json(.object(let o)): return o[key].map(Value.init)
        case .object(let o): return o[key]
        case .node(let n) where n.isObject: return n.document.member(n.index, key).map(n.document.value)
        default: return nil
        }
    }

    /// The sequence flags of this value (none for anything but a built array).
    var seqFlags: Seq.Flags {
        if case .array(let s) = self { return s.flags }
        return []
    }

    /// A one-value sequence, as the reference's `createSequence(value)`.
    static func sequence(of value: Value) -> Value { .array(Seq([value], flags: .sequence)) }

    /// An empty sequence.
    static var emptySequence: Value { .array(.sequence()) }
}

/// The compact printed size of documents that share most of their subtrees with documents
/// measured before: large arrays and objects are remembered by the identity of their storage, so
/// measuring each state's output against the payload limit walks only what the state changed,
/// not the whole document every time. It measures how deeply they nest on the way.
///
/// It holds on to the values it remembers: their storage cannot be freed and reused by another
/// value while an entry names it, so an identical address always means an identical value.
public struct JSONSizeMemo: Sendable {
    /// Entries kept; the least recently used one makes room for a new one.
    static let capacity = 32
    /// Containers with fewer elements are walked every time (cheaper than looking them up).
    static let minimumElements = 16
    /// Containers that print shorter than this are not worth an entry.
    static let minimumBytes = 1024

    private struct Identity: Hashable, Sendable {
        var elements: UInt
        var keys: UInt
    }

    private struct Entry: Sendable {
        var value: JSON
        var identity: Identity
        var measure: Measure
        var lastUse: Int
    }

    /// A value's compact size in bytes and how many levels its arrays and objects nest.
    public struct Measure: Sendable, Hashable {
        public var bytes: Int
        public var depth: Int
    }

    private var entries: [Entry] = []
    private var clock = 0

    public init() {}

    /// `JSONPrinter.compactByteCount(value)`, from the entries where subtrees are shared.
    public mutating func compactByteCount(_ value: JSON) -> Int {
        measure(value, upTo: .max)?.bytes ?? .max
    }

    /// The compact size and the depth of `value` (see `JSON.isNested(deeperThan:)`), from the
    /// entries where subtrees are shared; nil as soon as the size passes `limit`, so that a
    /// value that shares one large part many times is not measured to the end.
    public mutating func measure(_ value: JSON, upTo limit: Int) -> Measure? {
        clock += 1
        return count(value, limit)
    }

    /// The measure of `value`, nil when it prints longer than `limit` bytes.
    private mutating func count(_ value: JSON, _ limit: Int) -> Measure? {
        switch value {
        case .array(let a):
            let identity = a.count >= Self.minimumElements ? Self.identity(a) : nil
            if let identity, let known = lookUp(identity) { return known.bytes <= limit ? known : nil }
            var total = Measure(bytes: 2 + max(0, a.count - 1), depth: 1)
            guard total.bytes <= limit else { return nil }
            for e in a {
                guard let part = count(e, limit - total.bytes) else { return nil }
                total.add(part)
            }
            if let identity { remember(value, identity, total) }
            return total
        case .object(let o):
            let identity = o.count >= Self.minimumElements ? Self.identity(o) : nil
            if let identity, let known = lookUp(identity) { return known.bytes <= limit ? known : nil }
            var total = Measure(bytes: 2 + max(0, o.count - 1) + o.count, depth: 1)
            for (k, v) in o {
                total.bytes += JSONPrinter.stringByteCount(k)
                guard total.bytes <= limit, let part = count(v, limit - total.bytes) else { return nil }
                total.add(part)
            }
            if let identity { remember(value, identity, total) }
            return total
        default:
            let bytes = JSONPrinter.compactByteCount(value)
            return bytes <= limit ? Measure(bytes: bytes, depth: 0) : nil
        }
    }

    private static func identity(_ array: [JSON]) -> Identity? {
        let address = array.withUnsafeBufferPointer { $0.baseAddress.map { UInt(bitPattern: $0) } }
        return address.map { Identity(elements: $0, keys: 0) }
    }

    private static func identity(_ object: JSONObject) -> Identity? {
        object.bufferIdentity.map { Identity(elements: UInt(bitPattern: $0), keys: 1) }
    }

    private mutating func lookUp(_ identity: Identity) -> Measure? {
        guard let i = entries.firstIndex(where: { $0.identity == identity }) else { return nil }
        entries[i].lastUse = clock
        return entries[i].measure
    }

    private mutating func remember(_ value: JSON, _ identity: Identity, _ measure: Measure) {
        guard measure.bytes >= Self.minimumBytes else { return }
        let entry = Entry(value: value, identity: identity, measure: measure, lastUse: clock)
        if entries.count < Self.capacity {
            entries.append(entry)
        } else if let oldest = entries.indices.min(by: { entries[$0].lastUse < entries[$1].lastUse }) {
            entries[oldest] = entry
        }
    }
}

extension JSONSizeMemo.Measure {
    /// Counts a member or element measured as `part`: its bytes, and one level above its depth.
    mutating func add(_ part: JSONSizeMemo.Measure) {
        bytes += part.bytes
        depth = max(depth, part.depth + 1)
    }
}

/// The compact printed size of documents that share most of their subtrees with documents
/// measured before: large arrays and objects are remembered by the identity of their storage, so
/// measuring each state's output against the payload limit walks only what the state changed,
/// not the whole document every time.
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
        var size: Int
        var lastUse: Int
    }

    private var entries: [Entry] = []
    private var clock = 0

    public init() {}

    /// `JSONPrinter.compactByteCount(value)`, from the entries where subtrees are shared.
    public mutating func compactByteCount(_ value: JSON) -> Int {
        clock += 1
        return count(value)
    }

    private mutating func count(_ value: JSON) -> Int {
        switch value {
        case .array(let a):
            let identity = a.count >= Self.minimumElements ? Self.identity(a) : nil
            if let identity, let size = lookUp(identity) { return size }
            var total = 2 + max(0, a.count - 1)
            for e in a { total += count(e) }
            if let identity { remember(value, identity, total) }
            return total
        case .object(let o):
            let identity = o.count >= Self.minimumElements ? Self.identity(o) : nil
            if let identity, let size = lookUp(identity) { return size }
            var total = 2 + max(0, o.count - 1) + o.count
            for (k, v) in o { total += JSONPrinter.stringByteCount(k) + count(v) }
            if let identity { remember(value, identity, total) }
            return total
        default:
            return JSONPrinter.compactByteCount(value)
        }
    }

    private static func identity(_ array: [JSON]) -> Identity? {
        let address = array.withUnsafeBufferPointer { $0.baseAddress.map { UInt(bitPattern: $0) } }
        return address.map { Identity(elements: $0, keys: 0) }
    }

    private static func identity(_ object: JSONObject) -> Identity? {
        object.bufferIdentity.map { Identity(elements: UInt(bitPattern: $0), keys: 1) }
    }

    private mutating func lookUp(_ identity: Identity) -> Int? {
        guard let i = entries.firstIndex(where: { $0.identity == identity }) else { return nil }
        entries[i].lastUse = clock
        return entries[i].size
    }

    private mutating func remember(_ value: JSON, _ identity: Identity, _ size: Int) {
        guard size >= Self.minimumBytes else { return }
        let entry = Entry(value: value, identity: identity, size: size, lastUse: clock)
        if entries.count < Self.capacity {
            entries.append(entry)
        } else if let oldest = entries.indices.min(by: { entries[$0].lastUse < entries[$1].lastUse }) {
            entries[oldest] = entry
        }
    }
}

/// A JSON object's members, in the order they were written.
///
/// The members live in one shared buffer, so copying an object (into a history event, a stage
/// record, the next state's input) costs one reference, and an object that only one owner holds
/// is changed in place. Keys are found by comparing them in order; an object with more than
/// `indexThreshold` members also keeps a hash index of its keys.
// Sendable by hand: the buffer is changed only by a mutating member of the one `JSONObject` that
// holds it (`makeUnique`), so a shared buffer is never written.
public struct JSONObject: @unchecked Sendable {
    // Reading is inlinable into the other modules, so that a lookup retains nothing.

    /// One member.
    @usableFromInline
    struct Member {
        @usableFromInline var key: String
        @usableFromInline var value: JSON
        @usableFromInline init(key: String, value: JSON) {
            self.key = key
            self.value = value
        }
    }

    @usableFromInline
    struct Header {
        @usableFromInline var count: Int
        @usableFromInline var capacity: Int
        /// An upper bound on the object's compact JSON size in bytes, kept as members change, so
        /// that the payload limit is settled for most states without walking their output.
        @usableFromInline var bound: Int
        /// An upper bound on how deeply the object nests (1 when no member is an array or an
        /// object), kept like `bound`, so that the depth limit on payloads is settled without
        /// walking them. Removing a member leaves it as it was.
        @usableFromInline var depth: Int
        /// Each key's position, for large objects only.
        @usableFromInline var index: [String: Int]?
    }

    // Changed only through `JSONObject`'s mutating members, which first make it unique.
    @usableFromInline
    final class Storage: ManagedBuffer<Header, Member> {
        // Through pointers: `header` itself is a class property, and each use of one is checked
        // for exclusive access at run time.
        // The addresses come from ManagedBuffer's fixed layout (the object's own header, then
        // `Header`, then the members), so that no closure keeps the buffer retained around a read.
        @inlinable
        var head: UnsafeMutablePointer<Header> {
            (UnsafeMutableRawPointer(Unmanaged.passUnretained(self).toOpaque()) + Layout.headerOffset)
                .assumingMemoryBound(to: Header.self)
        }
        @inlinable
        var members: UnsafeMutablePointer<Member> {
            (UnsafeMutableRawPointer(Unmanaged.passUnretained(self).toOpaque()) + Layout.membersOffset)
                .assumingMemoryBound(to: Member.self)
        }

        deinit {
            members.deinitialize(count: head.pointee.count)
        }
    }

    /// Where ManagedBuffer puts the header and the members (checked against its own pointers by
    /// `JSONObject.checkLayout()`).
    @usableFromInline
    enum Layout {
        /// A Swift object's own header: its metadata pointer and reference counts.
        @inlinable static var objectHeaderSize: Int { 2 * MemoryLayout<UnsafeRawPointer>.size }
        @inlinable static var headerOffset: Int { roundUp(objectHeaderSize, MemoryLayout<Header>.alignment) }
        @inlinable static var membersOffset: Int {
            roundUp(headerOffset + MemoryLayout<Header>.size, MemoryLayout<Member>.alignment)
        }
        @inlinable static func roundUp(_ n: Int, _ alignment: Int) -> Int { (n + alignment - 1) / alignment * alignment }
    }

    /// Whether the fixed offsets match where ManagedBuffer really put the parts (a test asks).
    public static func checkLayout() -> Bool {
        let storage = allocate(capacity: 1)
        let header = storage.withUnsafeMutablePointerToHeader { UnsafeMutableRawPointer($0) }
        let members = storage.withUnsafeMutablePointerToElements { UnsafeMutableRawPointer($0) }
        return header == UnsafeMutableRawPointer(storage.head) && members == UnsafeMutableRawPointer(storage.members)
    }

    /// Objects with more members than this find keys through a hash index.
    static let indexThreshold = 16

    /// nil while the object has never held a member: `{}` costs no allocation.
    @usableFromInline var storage: Storage?

    /// An empty object.
    public init() {}

    /// An empty object with room for `minimumCapacity` members.
    public init(minimumCapacity: Int) {
        if minimumCapacity > 0 { storage = Self.allocate(capacity: minimumCapacity) }
    }

    /// An object of `keys` and `values` (the same count) in that order; the keys must be distinct.
    public init(uncheckedUniqueKeys keys: [String], values: [JSON]) {
        precondition(keys.count == values.count, "JSONObject: \(keys.count) keys but \(values.count) values")
        guard !keys.isEmpty else { return }
        let storage = Self.allocate(capacity: keys.count)
        let members = storage.members
        var extent = Extent.emptyObject
        for i in keys.indices {
            (members + i).initialize(to: Member(key: keys[i], value: values[i]))
            extent.add(Self.memberExtent(keys[i], values[i]))
        }
        storage.head.pointee.count = keys.count
        extent.write(to: storage.head)
        if keys.count > Self.indexThreshold { storage.head.pointee.index = Self.buildIndex(storage) }
        self.storage = storage
    }

    /// An object that takes (moves) `count` distinct keys and their values from memory the parser
    /// owns, which is left uninitialized.
    init(movingKeys keys: UnsafeMutablePointer<String>, values: UnsafeMutablePointer<JSON>, count: Int) {
        guard count > 0 else { return }
        let storage = Self.allocate(capacity: count)
        let members = storage.members
        var extent = Extent.emptyObject
        for i in 0..<count {
            let member = Member(key: (keys + i).move(), value: (values + i).move())
            extent.add(Self.memberExtent(member.key, member.value))
            (members + i).initialize(to: member)
        }
        storage.head.pointee.count = count
        extent.write(to: storage.head)
        self.storage = storage
    }

    /// An object of the given pairs; a later duplicate key replaces the earlier value in its place.
    public init<S: Sequence>(_ pairs: S) where S.Element == (String, JSON) {
        self.init()
        for (key, value) in pairs { self[key] = value }
    }

    /// An object with `skeleton`'s keys, in order, and the values `value(i)` gives for each
    /// position: one allocation, nothing copied twice (payload templates build objects so).
    @inlinable
    public init<E: Error>(keysOf skeleton: JSONObject, values value: (Int) throws(E) -> JSON) throws(E) {
        self.init()
        guard let source = skeleton.storage else { return }
        storage = try Self.filled(keysOf: source, values: value)
    }

    /// A skeleton's keys reached without counting a reference, for `init(keysOf:values:)`: its
    /// holder keeps the skeleton alive for as long as it uses this.
    public struct UnownedKeys: @unchecked Sendable {
        @usableFromInline let storage: Unmanaged<Storage>?
        @usableFromInline init(storage: Unmanaged<Storage>?) { self.storage = storage }
    }

    /// This object's keys, unowned (see `UnownedKeys`).
    public var unownedKeys: UnownedKeys { UnownedKeys(storage: storage.map { .passUnretained($0) }) }

    /// `init(keysOf:values:)` with the keys of a skeleton that someone else keeps alive.
    @inlinable
    public init<E: Error>(keysOf skeleton: UnownedKeys, values value: (Int) throws(E) -> JSON) throws(E) {
        self.init()
        guard let source = skeleton.storage else { return }
        storage = try source.withGuaranteedInstance { (source) throws(E) in try Self.filled(keysOf: source, values: value) }
    }

    @inlinable
    static func filled<E: Error>(keysOf source: Storage, values value: (Int) throws(E) -> JSON) throws(E) -> Storage {
        let n = source.head.pointee.count
        let storage = Self.allocate(capacity: n)
        let from = source.members, to = storage.members
        var filled = 0
        var extent = Extent.emptyObject
        while filled < n {
            let v = try value(filled)
            extent.add(Self.memberExtent(from[filled].key, v))
            (to + filled).initialize(to: Member(key: from[filled].key, value: v))
            filled += 1
            // Counted as they come, so that a throw leaves a buffer that releases what it holds.
            storage.head.pointee.count = filled
        }
        extent.write(to: storage.head)
        storage.head.pointee.index = source.head.pointee.index
        return storage
    }

    @usableFromInline
    static func allocate(capacity: Int) -> Storage {
        let buffer = Storage.create(minimumCapacity: capacity) { _ in Header(count: 0, capacity: capacity, bound: 2, depth: 1, index: nil) }
        return unsafeDowncast(buffer, to: Storage.self)
    }

    private static func buildIndex(_ storage: Storage) -> [String: Int] {
        let members = storage.members
        let count = storage.head.pointee.count
        var index = [String: Int](minimumCapacity: count)
        for i in 0..<count { index[members[i].key] = i }
        return index
    }

    // MARK: - Reading

    /// The number of members.
    @inlinable
    public var count: Int { storage?.head.pointee.count ?? 0 }

    /// Whether the object has no members.
    @inlinable
    public var isEmpty: Bool { count == 0 }

    /// The position of `key`, or nil.
    @inlinable
    public func index(forKey key: String) -> Int? {
        guard let storage else { return nil }
        return Self.index(in: storage, forKey: key)
    }

    @inlinable
    static func index(in storage: Storage, forKey key: String) -> Int? {
        let head = storage.head
        if head.pointee.index != nil { return head.pointee.index![key] }
        let members = storage.members
        var i = 0
        let count = head.pointee.count
        while i < count {
            if members[i].key == key { return i }
            i += 1
        }
        return nil
    }

    /// The value of `key`; setting nil removes the member, setting a new key appends it.
    public subscript(key: String) -> JSON? {
        @inlinable
        get {
            guard let storage, let i = index(forKey: key) else { return nil }
            return storage.members[i].value
        }
        set {
            if let newValue { updateValue(newValue, forKey: key) } else { removeValue(forKey: key) }
        }
    }

    /// The value at a position (`0..<count`).
    @inlinable
    public func value(at position: Int) -> JSON {
        precondition(position >= 0 && position < count, "JSONObject: position \(position) out of range")
        return storage.unsafelyUnwrapped.members[position].value
    }

    /// The key at a position (`0..<count`).
    @inlinable
    public func key(at position: Int) -> String {
        precondition(position >= 0 && position < count, "JSONObject: position \(position) out of range")
        return storage.unsafelyUnwrapped.members[position].key
    }

    /// Whether both objects are the same shared buffer (then they are certainly equal).
    public func isIdentical(to other: JSONObject) -> Bool {
        switch (storage, other.storage) {
        case (nil, nil): return true
        case (let a?, let b?): return a === b
        default: return false
        }
    }

    /// Names the shared buffer (nil while empty): copies that still share it have the same one.
    public var bufferIdentity: ObjectIdentifier? { storage.map(ObjectIdentifier.init) }

    /// The keys, in order.
    public var keys: Keys { Keys(object: self) }
    /// The values, in order.
    public var values: Values { Values(object: self) }

    /// The keys of an object, in order.
    public struct Keys: RandomAccessCollection, Sendable {
        let object: JSONObject
        public var startIndex: Int { 0 }
        public var endIndex: Int { object.count }
        public subscript(position: Int) -> String { object.key(at: position) }
    }

    /// The values of an object, in order.
    public struct Values: RandomAccessCollection, Sendable {
        let object: JSONObject
        public var startIndex: Int { 0 }
        public var endIndex: Int { object.count }
        public subscript(position: Int) -> JSON { object.value(at: position) }
    }

    // MARK: - Size bound

    /// An upper bound on the compact JSON size of this object in bytes: at least as large as
    /// `JSONPrinter.compactByteCount`, read without walking the members (a string counts six
    /// bytes per UTF-8 byte, as if every one were escaped; a number 32).
    public var sizeBound: Int { storage?.head.pointee.bound ?? 2 }

    /// An upper bound on how deeply this object nests, itself included: 1 when no member is an
    /// array or an object. Read without walking the members.
    public var depthBound: Int { storage?.head.pointee.depth ?? 1 }

    /// Bounds stop growing here, far above any payload limit, so that sums never overflow.
    @usableFromInline static var boundCap: Int { 1 << 40 }

    @usableFromInline
    static func adding(_ a: Int, _ b: Int) -> Int { Swift.min(a + b, boundCap) }

    /// `bound` with one part replaced; a bound that reached the cap stays there (its parts are
    /// no longer known exactly).
    @usableFromInline
    static func replacing(_ bound: Int, _ old: Int, with new: Int) -> Int {
        bound >= boundCap ? boundCap : adding(bound - old, new)
    }

    /// A value's size bound and depth bound, as an object's header keeps them.
    @usableFromInline
    struct Extent {
        @usableFromInline var bound: Int
        @usableFromInline var depth: Int

        @inlinable init(bound: Int, depth: Int) {
            self.bound = bound
            self.depth = depth
        }

        /// `{}`: two bytes, one level.
        @inlinable static var emptyObject: Extent { Extent(bound: 2, depth: 1) }

        /// Counts one more member of an object (see `memberExtent`).
        @inlinable mutating func add(_ member: Extent) {
            bound = JSONObject.adding(bound, member.bound)
            depth = Swift.max(depth, member.depth)
        }

        @inlinable func write(to head: UnsafeMutablePointer<Header>) {
            head.pointee.bound = bound
            head.pointee.depth = depth
        }
    }

    /// A member's share: its quoted key, the colon and the comma before the next one, its value;
    /// and the depth it gives the object, one more than its value's.
    @usableFromInline
    static func memberExtent(_ key: String, _ value: JSON) -> Extent {
        let v = valueExtent(value)
        return Extent(bound: adding(Swift.min(4 + 6 * key.utf8.count, boundCap), v.bound), depth: v.depth + 1)
    }

    /// A member's share of its object's size bound (see `memberExtent`).
    @usableFromInline
    static func memberBound(_ key: String, _ value: JSON) -> Int {
        memberExtent(key, value).bound
    }

    /// The bound of any value: objects answer from their header, arrays add up their elements.
    @usableFromInline
    static func valueBound(_ value: JSON) -> Int {
        valueExtent(value).bound
    }

    /// The size and depth bounds of any value (0 deep for a string, number, boolean or null).
    @usableFromInline
    static func valueExtent(_ value: JSON) -> Extent {
        withUnsafePointer(to: value) { extent(at: $0) }
    }

    /// `valueExtent` of a value read where it lies: an object's bounds through its storage held
    /// unowned, an array's elements in place. A value switched on, handed to a call or out of an
    /// iterator is a copy, and each copied object or array counts a reference.
    private static func extent(at value: UnsafePointer<JSON>) -> Extent {
        if let storage = unownedStorage(value.pointee) {
            return storage._withUnsafeGuaranteedRef { Extent(bound: $0.head.pointee.bound, depth: $0.head.pointee.depth) }
        }
        switch value.pointee {
        case .null, .bool: return Extent(bound: 5, depth: 0)
        case .number: return Extent(bound: 32, depth: 0)
        case .string(let s): return Extent(bound: Swift.min(2 + 6 * s.utf8.count, boundCap), depth: 0)
        case .object: return .emptyObject
        case .array(let a):
            return a.withUnsafeBufferPointer { elements in
                var total = Extent(bound: 2, depth: 1)
                for i in elements.indices {
                    let e = extent(at: elements.baseAddress! + i)
                    total.bound = adding(total.bound, adding(1, e.bound))
                    total.depth = Swift.max(total.depth, e.depth + 1)
                }
                return total
            }
        }
    }

    // MARK: - Changing

    /// Updates a header's bounds for a member's value `old` replaced by `new`.
    private static func replace(_ old: JSON, with new: JSON, in head: UnsafeMutablePointer<Header>) {
        let extent = valueExtent(new)
        head.pointee.bound = replacing(head.pointee.bound, valueBound(old), with: extent.bound)
        head.pointee.depth = Swift.max(head.pointee.depth, extent.depth + 1)
    }

    /// Makes the buffer this object's own, with room for at least `capacity` members.
    mutating func makeUnique(capacity: Int) -> Storage {
        let unique = isKnownUniquelyReferenced(&storage)
        if unique, let storage, storage.head.pointee.capacity >= capacity { return storage }
        let count = self.count
        let oldCapacity = storage?.head.pointee.capacity ?? 0
        // A unique buffer that is full doubles, so that appending one member at a time stays
        // linear; a copy gets just the room asked for.
        let newCapacity = unique && capacity > oldCapacity ? Swift.max(capacity, oldCapacity * 2) : Swift.max(capacity, count)
        let fresh = Self.allocate(capacity: newCapacity)
        if let old = storage { Self.fill(fresh, from: old, moving: unique) }
        storage = fresh
        return fresh
    }

    /// Gives an empty buffer `old`'s members and header: moved out of `old` (left empty) when
    /// `moving`, else copied.
    private static func fill(_ fresh: Storage, from old: Storage, moving: Bool) {
        let count = old.head.pointee.count
        if moving {
            fresh.members.moveInitialize(from: old.members, count: count)
            old.head.pointee.count = 0
        } else {
            fresh.members.initialize(from: old.members, count: count)
        }
        fresh.head.pointee.count = count
        fresh.head.pointee.bound = old.head.pointee.bound
        fresh.head.pointee.depth = old.head.pointee.depth
        fresh.head.pointee.index = old.head.pointee.index
    }

    /// Replaces the value at a position (`0..<count`), in place when this object is the only owner.
    public mutating func setValue(_ value: consuming JSON, at position: Int) {
        precondition(position >= 0 && position < count, "JSONObject: position \(position) out of range")
        let storage = makeUnique(capacity: count)
        Self.replace(storage.members[position].value, with: value, in: storage.head)
        storage.members[position].value = value
    }

    /// A copy with the value at `position` replaced, in a buffer of its own.
    public func with(_ value: consuming JSON, at position: Int) -> JSONObject {
        precondition(position >= 0 && position < count, "JSONObject: position \(position) out of range")
        var copy = JSONObject(copying: self, capacity: count)
        copy.setValue(value, at: position)
        return copy
    }

    /// A copy with `key` set to `value` (appended when new), in a buffer of its own.
    public func with(_ value: consuming JSON, forKey key: String) -> JSONObject {
        if let position = index(forKey: key) { return with(value, at: position) }
        var copy = JSONObject(copying: self, capacity: count + 1)
        copy.updateValue(value, forKey: key)
        return copy
    }

    /// A new buffer with this object's members and room for `capacity`.
    private init(copying source: JSONObject, capacity: Int) {
        let fresh = Self.allocate(capacity: capacity)
        if let old = source.storage { Self.fill(fresh, from: old, moving: false) }
        storage = fresh
    }

    /// Sets `key` to `value` (appending a new key at the end); returns the old value.
    @discardableResult
    public mutating func updateValue(_ value: consuming JSON, forKey key: String) -> JSON? {
        if let i = index(forKey: key) {
            let storage = makeUnique(capacity: count)
            let old = storage.members[i].value
            Self.replace(old, with: value, in: storage.head)
            storage.members[i].value = consume value
            return old
        }
        let count = self.count
        let storage = makeUnique(capacity: count + 1)
        var extent = Extent(bound: storage.head.pointee.bound, depth: storage.head.pointee.depth)
        extent.add(Self.memberExtent(key, value))
        extent.write(to: storage.head)
        (storage.members + count).initialize(to: Member(key: key, value: consume value))
        storage.head.pointee.count = count + 1
        if storage.head.pointee.index != nil {
            storage.head.pointee.index![key] = count
        }
        if storage.head.pointee.index == nil && count + 1 > Self.indexThreshold { storage.head.pointee.index = Self.buildIndex(storage) }
        return nil
    }

    /// Removes `key` (the members after it move up); returns its value.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSON? {
        guard let i = index(forKey: key) else { return nil }
        let storage = makeUnique(capacity: count)
        let members = storage.members
        let old = (members + i).move().value
        let n = storage.head.pointee.count
        (members + i).moveInitialize(from: members + i + 1, count: n - i - 1)
        storage.head.pointee.count = n - 1
        storage.head.pointee.bound = Self.replacing(storage.head.pointee.bound, Self.memberBound(key, old), with: 0)
        if storage.head.pointee.index != nil {
            storage.head.pointee.index = storage.head.pointee.count > Self.indexThreshold ? Self.buildIndex(storage) : nil
        }
        return old
    }

    /// Removes every member.
    public mutating func removeAll() { storage = nil }

    /// Makes room for `minimumCapacity` members.
    public mutating func reserveCapacity(_ minimumCapacity: Int) {
        guard minimumCapacity > (storage?.head.pointee.capacity ?? 0) else { return }
        _ = makeUnique(capacity: minimumCapacity)
    }

    /// Adds the members of `other`; for a key both have, `combine(old, new)` decides the value.
    public mutating func merge(_ other: JSONObject, uniquingKeysWith combine: (JSON, JSON) throws -> JSON) rethrows {
        for (key, value) in other {
            if let old = self[key] { self[key] = try combine(old, value) } else { self[key] = value }
        }
    }

    /// The same keys in the same order with each value transformed.
    public func mapValues(_ transform: (JSON) throws -> JSON) rethrows -> JSONObject {
        var out = JSONObject(minimumCapacity: count)
        for (key, value) in self { out.updateValue(try transform(value), forKey: key) }
        return out
    }

    /// Sorts the members in place.
    public mutating func sort(by areInIncreasingOrder: ((key: String, value: JSON), (key: String, value: JSON)) throws -> Bool) rethrows {
        let sorted = try self.sorted(by: areInIncreasingOrder)
        var out = JSONObject(minimumCapacity: sorted.count)
        for (key, value) in sorted { out.updateValue(value, forKey: key) }
        self = out
    }
}

// MARK: - A collection of (key, value) pairs

extension JSONObject: RandomAccessCollection {
    /// Walks the members in order.
    public struct Iterator: IteratorProtocol {
        let storage: Storage?
        var position = 0
        let end: Int

        init(_ object: JSONObject) {
            storage = object.storage
            end = object.count
        }

        public mutating func next() -> (key: String, value: JSON)? {
            guard position < end, let storage else { return nil }
            let member = storage.members[position]
            position += 1
            return (member.key, member.value)
        }
    }

    public func makeIterator() -> Iterator { Iterator(self) }

    public typealias Element = (key: String, value: JSON)
    public typealias Index = Int
    public typealias Indices = Range<Int>
    public typealias SubSequence = Slice<JSONObject>

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> (key: String, value: JSON) {
        precondition(position >= 0 && position < count, "JSONObject: position \(position) out of range")
        let member = storage.unsafelyUnwrapped.members[position]
        return (member.key, member.value)
    }
}

// MARK: - Equality: members compare as a set, as JSON objects do.

extension JSONObject: Hashable {
    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        if a.isIdentical(to: b) { return true }
        guard a.count == b.count else { return false }
        for (key, value) in a {
            guard let other = b[key], other == value else { return false }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        // Order-independent: combine a commutative sum of member hashes.
        var sum = 0
        for (k, v) in self {
            var h = Hasher()
            h.combine(k)
            h.combine(v)
            sum &+= h.finalize()
        }
        hasher.combine(sum)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSON)...) {
        self.init(minimumCapacity: elements.count)
        for (k, v) in elements { self[k] = v }
    }
}

extension JSONObject: CustomStringConvertible {
    public var description: String {
        "[" + map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "]"
    }
}

// MARK: - Following a path without copying what is passed through

/// One step into a document: a member name or an array index (negative counts from the end).
public enum JSONStep: Sendable, Hashable {
    case member(String)
    case index(Int)
}

extension JSONObject {
    /// The members' storage of an object value that has members, unowned; nil otherwise.
    @inline(__always)
    static func unownedStorage(_ value: JSON) -> Unmanaged<Storage>? {
        guard case .object(let object) = value, let storage = object.storage else { return nil }
        return .passUnretained(storage)
    }
}

extension JSON {
    /// The node at the end of `steps`, or nil when a step finds nothing. The nodes on the way are
    /// read in place: only the node found is copied (one reference).
    public func following(_ steps: [JSONStep]) -> JSON? {
        steps.withUnsafeBufferPointer { Self.follow($0, 0, self) }
    }

    /// `following(_:)` with steps in memory the caller keeps. The objects on the way are held
    /// unowned (this value holds them all, and nothing changes them while it looks), so only the
    /// node found counts a reference.
    public func following(_ steps: UnsafeBufferPointer<JSONStep>) -> JSON? {
        guard !steps.isEmpty, let first = JSONObject.unownedStorage(self) else { return Self.follow(steps, 0, self) }
        var object = first
        var i = 0
        while true {
            guard case .member(let name) = steps[i],
                  let at = object._withUnsafeGuaranteedRef({ JSONObject.index(in: $0, forKey: name) })
            else { return nil }
            let slot = object._withUnsafeGuaranteedRef { $0.members + at }
            i += 1
            if i == steps.count { return slot.pointee.value }
            guard let next = JSONObject.unownedStorage(slot.pointee.value) else {
                // Arrays go on the general way; anything else has no members.
                return Self.follow(steps, i, slot.pointee.value)
            }
            object = next
        }
    }

    private static func follow(_ steps: UnsafeBufferPointer<JSONStep>, _ i: Int, _ node: JSON) -> JSON? {
        if i == steps.count { return node }
        switch steps[i] {
        case .member(let name):
            switch node {
            case .object(let object):
                guard let at = object.index(forKey: name) else { return nil }
                return follow(steps, i + 1, object.storage.unsafelyUnwrapped.members[at].value)
            default:
                return nil
            }
        case .index(let index):
            switch node {
            case .array(let array):
                let at = index < 0 ? array.count + index : index
                guard at >= 0 && at < array.count else { return nil }
                return follow(steps, i + 1, array[at])
            default:
                return nil
            }
        }
    }
}

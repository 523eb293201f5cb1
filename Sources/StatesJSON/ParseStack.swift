/// A stack that containers under construction push their members onto, so each finished array
/// or object is built once at its exact size instead of growing (and reallocating) as it reads.
///
/// Elements are moved, not copied, in and out, which spares a retain and release per member.
struct ParseStack<Element>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init() {
        capacity = 16
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    @inline(__always)
    mutating func push(_ element: consuming Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    private mutating func grow() {
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }

    subscript(i: Int) -> Element {
        base[i]
    }

    /// Hands the elements from `start` to the top to `body`, which moves every one of them out.
    mutating func moveOut<R>(from start: Int, _ body: (UnsafeMutablePointer<Element>, Int) -> R) -> R {
        let n = count - start
        count = start
        return body(base + start, n)
    }

    /// Moves the elements from `start` to the top out into a new array.
    mutating func pop(from start: Int) -> [Element] {
        let n = count - start
        guard n > 0 else { return [] }
        let source = base + start
        count = start
        // Not `Array(unsafeUninitializedCapacity:)`: on Linux that reaches an unspecialized
        // allocation that looks up the array's type metadata in a global table on every call,
        // which cost more than the moves for the small objects state data is made of.
        var array: [Element] = []
        array.reserveCapacity(n)
        for i in 0..<n { array.append((source + i).move()) }
        return array
    }
}

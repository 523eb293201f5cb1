extension ECMARegex {
    /// The backtracking stack: it starts in memory the caller lends (usually on the call stack)
    /// and moves to the heap only when a search needs more, so simple searches allocate nothing.
    struct FrameStack {
        private var base: UnsafeMutablePointer<Frame>
        private var capacity: Int
        private var ownsBase = false
        private(set) var count = 0

        init(lending buffer: UnsafeMutableBufferPointer<Frame>) {
            base = buffer.baseAddress!
            capacity = buffer.count
        }

        /// Frees the heap memory, if the stack grew into it.
        mutating func release() {
            if ownsBase { base.deallocate() }
            ownsBase = false
            capacity = 0
            count = 0
        }

        @inline(__always)
        mutating func push(_ frame: Frame) {
            if count == capacity { grow() }
            (base + count).initialize(to: frame)
            count += 1
        }

        @inline(__always)
        mutating func pop() -> Frame? {
            guard count > 0 else { return nil }
            count -= 1
            return base[count]
        }

        subscript(k: Int) -> Frame {
            get { base[k] }
            set { base[k] = newValue }
        }

        mutating func truncate(to newCount: Int) {
            count = newCount
        }

        private mutating func grow() {
            let bigger = UnsafeMutablePointer<Frame>.allocate(capacity: Swift.max(capacity * 2, 64))
            bigger.moveInitialize(from: base, count: count)
            if ownsBase { base.deallocate() }
            base = bigger
            capacity = Swift.max(capacity * 2, 64)
            ownsBase = true
        }
    }
}

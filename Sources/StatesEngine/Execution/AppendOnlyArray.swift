/// An array that only grows, as a value whose copies share their elements. Appending to a copy
/// copies at most one short tail and one path of a shallow tree, and reading any element walks
/// that path, so a caller may keep every earlier version (the debugger keeps one execution per
/// history event) in memory and time proportional to the growth, not to length × versions.
///
/// Elements live in leaves of `leafSize` under branches of up to `fanout` children, plus a
/// mutable tail; a full tail becomes a leaf. A branch that only this value holds grows in place.
struct AppendOnlyArray<Element: Sendable>: Sendable {
    static var leafSize: Int { 16 }
    static var fanout: Int { 32 }

    // A branch's `children` change only while the branch is known to be uniquely referenced.
    private final class Node: @unchecked Sendable {
        let elements: [Element]
        var children: [Node]
        init(elements: [Element] = [], children: [Node] = []) {
            self.elements = elements
            self.children = children
        }
    }

    /// The tree of full leaves, nil until the first leaf.
    private var root: Node?
    /// Branch levels from the root down to the leaves (1: the root's children are leaves).
    private var height = 0
    /// Elements in the tree (a multiple of `leafSize`).
    private var treeCount = 0
    private var tail: [Element] = []

    init() {}

    var count: Int { treeCount + tail.count }
    var isEmpty: Bool { count == 0 }
    var last: Element? { tail.last ?? (treeCount > 0 ? self[treeCount - 1] : nil) }

    mutating func append(_ element: consuming Element) {
        if tail.isEmpty { tail.reserveCapacity(Self.leafSize) }
        tail.append(element)
        guard tail.count == Self.leafSize else { return }
        let leaf = Node(elements: tail)
        tail = []
        let leafIndex = treeCount / Self.leafSize
        if var node = root {
            root = nil
            if leafIndex == Self.capacity(height: height) {
                node = Node(children: [node, Self.path(to: leaf, levels: height)])
                height += 1
            } else {
                Self.insert(leaf, at: leafIndex, into: &node, level: height)
            }
            root = node
        } else {
            root = Node(children: [leaf])
            height = 1
        }
        treeCount += Self.leafSize
    }

    subscript(position: Int) -> Element {
        precondition(position >= 0 && position < count, "position \(position) out of range")
        if position >= treeCount { return tail[position - treeCount] }
        let leafIndex = position / Self.leafSize
        var node = root!
        var level = height
        while level > 0 {
            node = node.children[Self.childIndex(leafIndex, level: level)]
            level -= 1
        }
        return node.elements[position % Self.leafSize]
    }

    /// Every element, in order.
    var all: [Element] {
        var out: [Element] = []
        out.reserveCapacity(count)
        if let root { Self.collect(root, level: height, into: &out) }
        out.append(contentsOf: tail)
        return out
    }

    private static func collect(_ node: Node, level: Int, into out: inout [Element]) {
        if level == 0 {
            out.append(contentsOf: node.elements)
            return
        }
        for child in node.children { collect(child, level: level - 1, into: &out) }
    }

    /// Leaves a tree of `height` branch levels holds.
    private static func capacity(height: Int) -> Int {
        var leaves = 1
        for _ in 0..<height { leaves *= fanout }
        return leaves
    }

    private static func childIndex(_ leafIndex: Int, level: Int) -> Int {
        var shifted = leafIndex
        for _ in 1..<level { shifted /= fanout }
        return shifted % fanout
    }

    /// `leaf` under `levels` new single-child branches.
    private static func path(to leaf: Node, levels: Int) -> Node {
        var node = leaf
        for _ in 0..<levels { node = Node(children: [node]) }
        return node
    }

    /// Puts the leaf numbered `leafIndex` into the branch `node` at `level`, copying each branch
    /// on the way that another version still holds.
    private static func insert(_ leaf: Node, at leafIndex: Int, into node: inout Node, level: Int) {
        if !isKnownUniquelyReferenced(&node) { node = Node(children: node.children) }
        let index = childIndex(leafIndex, level: level)
        if level == 1 {
            node.children.append(leaf)
        } else if index < node.children.count {
            insert(leaf, at: leafIndex, into: &node.children[index], level: level - 1)
        } else {
            node.children.append(path(to: leaf, levels: level - 1))
        }
    }
}

/// Settles the source range of every node of a tree: a node reaches from the first to the last
/// character of its own token, its operands and its brackets. The parser records tokens and
/// closing brackets; this pass adds the operands, after parsing and again after preparation
/// (which builds paths, stages and groups out of the parsed nodes).
enum SourceSpans {
    static func settle(_ root: Expr) {
        // Post-order without recursion: a node is settled once all its children are.
        var stack: [(node: Expr, expanded: Bool)] = [(root, false)]
        var seen = Set<ObjectIdentifier>()
        while let (node, expanded) = stack.popLast() {
            if expanded {
                // A path step's stages are shown below it, but its text is its own.
                for child in node.spanningChildren where child.start >= 0 {
                    if node.start < 0 || child.start < node.start { node.start = child.start }
                    if child.end > node.end { node.end = child.end }
                }
                continue
            }
            guard seen.insert(ObjectIdentifier(node)).inserted else { continue }
            stack.append((node, true))
            for child in node.explainedChildren { stack.append((child, false)) }
        }
    }
}

extension Expr {
    /// The children whose text is part of this node's: all but a path step's stages.
    var spanningChildren: [Expr] {
        var c = children
        c.append(contentsOf: steps)
        for stage in predicate ?? [] {
            if case .filter(let p) = stage.kind { c.append(p) }
        }
        for (k, v) in group?.pairs ?? [] {
            c.append(k)
            c.append(v)
        }
        return c
    }

    /// Every node below this one that evaluating it may evaluate, in a parsed or a prepared tree.
    var explainedChildren: [Expr] {
        var c = children
        c.append(contentsOf: steps)
        for stage in (stages ?? []) + (predicate ?? []) {
            if case .filter(let p) = stage.kind { c.append(p) }
        }
        for (k, v) in group?.pairs ?? [] {
            c.append(k)
            c.append(v)
        }
        return c
    }
}

import StatesLanguage

/// One transition of a machine, by state index, before it is drawn.
struct LayoutEdge {
    var from: Int
    var to: Int
    var kind: EdgeKind
    var label: String?
    var dashed: Bool
    /// A back edge (or an edge out of an unreachable state into the reachable part), laid out
    /// as if it pointed down and drawn pointing up.
    var reversed = false
    /// Layered nodes the edge runs through, top to bottom, its two states included.
    var chain: [Int] = []

    var isSelfLoop: Bool { from == to }
}

/// A node of the layered graph: a state's box, or a point an edge passes through on a layer.
struct LayoutNode {
    enum Kind {
        case state(Int)
        case dummy
        /// Carries an edge's label beside the line.
        case label(String)
        /// The turn at the bottom of an edge from a state to itself.
        case loop(String?)
    }

    var kind: Kind
    var layer: Int
    var width: Int
    var height: Int
    /// Initial left-to-right order: depth-first discovery order of the states.
    var seed: Double
    var x = 0
    /// Column of the edge's line inside a label node: catch labels read right to left into
    /// their line (`ValidationError ┆`), since catch edges leave on the left of a box.
    var linePort = 0

    var isState: Bool {
        if case .state = kind { return true }
        return false
    }
    /// Whether edges pass straight through it from top to bottom.
    var isPassThrough: Bool {
        switch kind {
        case .dummy, .label: return true
        case .state, .loop: return false
        }
    }
}

/// The part of an edge between two adjacent layers.
struct Segment {
    var upper: Int
    var lower: Int
    /// Columns relative to each node's left edge.
    var upperPort: Int
    var lowerPort: Int
    var edge: Int
}

/// A machine as a proper layered graph (every segment joins adjacent layers), Sugiyama-style.
struct LayeredGraph {
    var nodes: [LayoutNode] = []
    var segments: [Segment] = []
    var edges: [LayoutEdge]
    var layers: [[Int]] = []

    /// Transitions of the machine's states in the order a reader meets them: Next, Choices,
    /// Default, Catch. Transitions to states that do not exist are left out.
    static func collectEdges(_ states: [State], index: [String: Int], labelWidth: Int) -> [LayoutEdge] {
        var edges: [LayoutEdge] = []
        func add(_ from: Int, _ target: String?, _ kind: EdgeKind, _ label: String?, dashed: Bool = false) {
            guard let target, let to = index[target] else { return }
            let shown = label.map { truncated(sanitized(EdgeLabel.collapseSpaces($0)), toCells: labelWidth) }
            edges.append(LayoutEdge(from: from, to: to, kind: kind, label: shown, dashed: dashed))
        }
        for (i, state) in states.enumerated() {
            if case .next(let n) = state.transition { add(i, n, .next, nil) }
            if case .choice(let choice) = state.kind {
                for (k, rule) in choice.choices.enumerated() {
                    add(i, rule.next, .choice(k), EdgeLabel.text(for: rule.condition))
                }
                add(i, choice.defaultNext, .choiceDefault, "default")
            }
            for (k, catcher) in state.catch.enumerated() {
                add(i, catcher.next, .catch(k), EdgeLabel.text(forErrors: catcher.errorEquals), dashed: true)
            }
        }
        return edges
    }

    /// Marks the edges to reverse so the rest is acyclic and flows down from the start state;
    /// returns the depth-first discovery rank of every state and which are reachable.
    static func breakCycles(_ edges: inout [LayoutEdge], stateCount: Int, start: Int?) -> (rank: [Int], reachable: [Bool]) {
        var out = Array(repeating: [Int](), count: stateCount)
        for (i, e) in edges.enumerated() where !e.isSelfLoop { out[e.from].append(i) }
        // 0 unvisited, 1 on the stack, 2 done.
        var mark = Array(repeating: 0, count: stateCount)
        var rank = Array(repeating: 0, count: stateCount)
        var reachable = Array(repeating: false, count: stateCount)
        var nextRank = 0
        // Iterative, so a long chain cannot overflow the stack.
        func visit(_ root: Int, fromStart: Bool) {
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            mark[root] = 1
            rank[root] = nextRank; nextRank += 1
            reachable[root] = fromStart
            while let top = stack.last {
                if top.next == out[top.node].count {
                    mark[top.node] = 2
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let e = out[top.node][top.next]
                let to = edges[e].to
                switch mark[to] {
                case 0:
                    mark[to] = 1
                    rank[to] = nextRank; nextRank += 1
                    reachable[to] = fromStart
                    stack.append((to, 0))
                case 1:
                    edges[e].reversed = true
                default:
                    if !fromStart && reachable[to] { edges[e].reversed = true }
                }
            }
        }
        if let start { visit(start, fromStart: true) }
        for i in 0..<stateCount where mark[i] == 0 { visit(i, fromStart: false) }
        return (rank, reachable)
    }

    /// Builds the layered graph: longest-path layers from the start state (unreachable states
    /// below all reachable ones), then label, dummy and loop nodes so segments span one layer.
    init(edges: [LayoutEdge], sizes: [(width: Int, height: Int)], ports: [StateBox],
         rank: [Int], reachable: [Bool]) {
        self.edges = edges
        let n = sizes.count
        var preds = Array(repeating: [(Int, Int)](), count: n)
        var succs = Array(repeating: [Int](), count: n)
        for e in edges where !e.isSelfLoop {
            let (u, w) = e.reversed ? (e.to, e.from) : (e.from, e.to)
            // A labelled edge spans two layers so its label gets a row of its own.
            preds[w].append((u, e.label == nil ? 1 : 2))
            succs[u].append(w)
        }
        var layer = Array(repeating: 0, count: n)
        var maxReachable = -1
        for pass in [true, false] {
            let members = (0..<n).filter { reachable[$0] == pass }
            var indegree = [Int: Int]()
            for m in members { indegree[m] = preds[m].filter { reachable[$0.0] == pass }.count }
            var queue = members.filter { indegree[$0] == 0 }.sorted { rank[$0] < rank[$1] }
            var done = Set<Int>()
            var head = 0
            while done.count < members.count {
                if head == queue.count {
                    // Only reachable if cycle breaking missed something; never loop forever.
                    guard let m = members.first(where: { !done.contains($0) }) else { break }
                    queue.append(m)
                }
                let v = queue[head]; head += 1
                guard !done.contains(v) else { continue }
                done.insert(v)
                var l = pass ? 0 : maxReachable + 1
                for (p, w) in preds[v] where done.contains(p) || reachable[p] != pass { l = max(l, layer[p] + w) }
                layer[v] = l
                if pass { maxReachable = max(maxReachable, l) }
                for s in succs[v] where reachable[s] == pass {
                    indegree[s, default: 0] -= 1
                    if indegree[s] == 0 { queue.append(s) }
                }
            }
        }
        for i in 0..<n {
            nodes.append(LayoutNode(kind: .state(i), layer: layer[i], width: sizes[i].width,
                                    height: sizes[i].height, seed: Double(rank[i])))
        }
        for i in self.edges.indices { addChain(edge: i, ports: ports, rank: rank) }
        let layerCount = (nodes.map(\.layer).max() ?? -1) + 1
        layers = Array(repeating: [], count: layerCount)
        for (i, node) in nodes.enumerated() { layers[node.layer].append(i) }
        for l in layers.indices { layers[l].sort { nodes[$0].seed < nodes[$1].seed } }
    }

    private mutating func addChain(edge i: Int, ports: [StateBox], rank: [Int]) {
        let e = edges[i]
        let seed = Double(rank[e.from]) + 0.5 + Double(i) / Double(edges.count + 1) / 2
        let source = ports[e.from]
        let leavePort = e.dashed ? source.catchPort : source.exitPort
        if e.isSelfLoop {
            let width = e.label.map { cellWidth($0) + 4 } ?? 3
            let loop = newNode(.loop(e.label), layer: nodes[e.from].layer + 1, width: width, height: 2, seed: seed)
            // Down from the loop port into the turn's right end, back up from its left end.
            segments.append(Segment(upper: e.from, lower: loop, upperPort: source.selfLoopPort, lowerPort: width - 1, edge: i))
            segments.append(Segment(upper: e.from, lower: loop, upperPort: source.backInPort, lowerPort: 0, edge: i))
            edges[i].chain = [e.from, loop]
            return
        }
        let (u, w) = e.reversed ? (e.to, e.from) : (e.from, e.to)
        let top = nodes[u].layer, bottom = nodes[w].layer
        let labelLayer = e.reversed ? bottom - 1 : top + 1
        var chain = [u]
        for l in (top + 1)..<max(top + 1, bottom) {
            if let label = e.label, l == labelLayer {
                let node = newNode(.label(label), layer: l, width: cellWidth(label) + 2, height: 1, seed: seed)
                if e.dashed { nodes[node].linePort = nodes[node].width - 1 }
                chain.append(node)
            } else {
                chain.append(newNode(.dummy, layer: l, width: 1, height: 1, seed: seed))
            }
        }
        chain.append(w)
        for k in 0..<(chain.count - 1) {
            let up = k == 0 ? (e.reversed ? ports[u].backInPort : leavePort) : nodes[chain[k]].linePort
            let down = k == chain.count - 2 ? (e.reversed ? ports[w].backOutPort : ports[w].entryPort) : nodes[chain[k + 1]].linePort
            segments.append(Segment(upper: chain[k], lower: chain[k + 1], upperPort: up, lowerPort: down, edge: i))
        }
        edges[i].chain = chain
    }

    private mutating func newNode(_ kind: LayoutNode.Kind, layer: Int, width: Int, height: Int, seed: Double) -> Int {
        nodes.append(LayoutNode(kind: kind, layer: layer, width: width, height: height, seed: seed))
        return nodes.count - 1
    }
}

// Horizontal placement: each node is pulled so its ports line up with its neighbours' ports,
// layer by layer, keeping the order found by crossing reduction. Within a layer this is an
// isotonic regression (pool adjacent violators) on positions shifted by the nodes' widths.

extension LayeredGraph {
    /// Empty columns between two neighbouring nodes of a layer.
    func gap(_ a: Int, _ b: Int) -> Int {
        nodes[a].isPassThrough && nodes[b].isPassThrough ? 1 : 2
    }

    mutating func placeHorizontally(sweeps: Int = 10) {
        for layer in layers {
            var x = 0
            for (i, n) in layer.enumerated() {
                nodes[n].x = x
                if i + 1 < layer.count { x += nodes[n].width + gap(n, layer[i + 1]) }
            }
        }
        // (other node, my port, other's port, weight). Long edges weigh more so they run straight;
        // catch edges and loops weigh less so the main flow is the one that runs straight.
        var above = Array(repeating: [(Int, Int, Int, Double)](), count: nodes.count)
        var below = above
        for s in segments {
            let a = nodes[s.upper].isState, b = nodes[s.lower].isState
            let edge = edges[s.edge]
            let side = edge.dashed || edge.reversed || edge.isSelfLoop
            let weight: Double = ((!a && !b) ? 8 : (!a || !b) ? 2 : 1) * (side ? 0.001 : 1)
            below[s.upper].append((s.lower, s.upperPort, s.lowerPort, weight))
            above[s.lower].append((s.upper, s.lowerPort, s.upperPort, weight))
        }
        guard layers.count > 1 else { return }
        for _ in 0..<sweeps {
            for l in 1..<layers.count { align(layer: l, to: [above]) }
            for l in (0..<(layers.count - 1)).reversed() { align(layer: l, to: [below]) }
        }
        for l in layers.indices { align(layer: l, to: [above, below]) }
        let minX = nodes.map(\.x).min() ?? 0
        for i in nodes.indices { nodes[i].x -= minX }
    }

    private mutating func align(layer l: Int, to neighbourLists: [[[(Int, Int, Int, Double)]]]) {
        let layer = layers[l]
        guard !layer.isEmpty else { return }
        // Blocks of the regression: summed weight, weighted target sum, and member count.
        var blocks: [(weight: Double, sum: Double, count: Int)] = []
        var offset = 0
        var offsets: [Int] = []
        for (i, n) in layer.enumerated() {
            offsets.append(offset)
            var weight = 0.0, sum = 0.0
            for list in neighbourLists {
                for (other, mine, theirs, w) in list[n] {
                    weight += w
                    sum += w * Double(nodes[other].x + theirs - mine)
                }
            }
            if weight == 0 {
                weight = 0.000_01
                sum = weight * Double(nodes[n].x)
            }
            let target = sum / weight - Double(offset)
            blocks.append((weight, target * weight, 1))
            while blocks.count > 1 {
                let last = blocks[blocks.count - 1], prev = blocks[blocks.count - 2]
                guard prev.sum / prev.weight > last.sum / last.weight else { break }
                blocks.removeLast(2)
                blocks.append((prev.weight + last.weight, prev.sum + last.sum, prev.count + last.count))
            }
            if i + 1 < layer.count { offset += nodes[n].width + gap(n, layer[i + 1]) }
        }
        var i = 0
        for block in blocks {
            let y = (block.sum / block.weight).rounded()
            for _ in 0..<block.count {
                nodes[layer[i]].x = Int(y) + offsets[i]
                i += 1
            }
        }
    }
}

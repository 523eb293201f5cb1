// Crossing reduction: barycentre sweeps down and up, keeping the best order seen.

extension LayeredGraph {
    mutating func reduceCrossings(sweeps: Int = 12) {
        guard layers.count > 1 else { return }
        var position = Array(repeating: 0, count: nodes.count)
        func index() {
            for layer in layers { for (i, n) in layer.enumerated() { position[n] = i } }
        }
        index()
        // A neighbour counts at its position plus where on it the segment attaches, so a catch
        // edge leaving a box right of centre pulls its target to the right.
        var above = Array(repeating: [(node: Int, at: Double)](), count: nodes.count)
        var below = above
        for s in segments {
            below[s.upper].append((s.lower, Double(s.lowerPort + 1) / Double(nodes[s.lower].width + 1) - 0.5))
            above[s.lower].append((s.upper, Double(s.upperPort + 1) / Double(nodes[s.upper].width + 1) - 0.5))
        }
        var best = layers
        var bestCrossings = crossings(position: position)
        for sweep in 0..<sweeps where bestCrossings > 0 {
            let down = sweep % 2 == 0
            let order = down ? Array(1..<layers.count) : Array((0..<(layers.count - 1)).reversed())
            for l in order {
                let neighbours = down ? above : below
                let keyed = layers[l].map { n -> (node: Int, key: Double, old: Int) in
                    let adjacent = neighbours[n]
                    guard !adjacent.isEmpty else { return (n, Double(position[n]), position[n]) }
                    let sum = adjacent.reduce(0.0) { $0 + Double(position[$1.node]) + $1.at }
                    return (n, Double(sum) / Double(adjacent.count), position[n])
                }
                layers[l] = keyed.sorted { ($0.key, $0.old) < ($1.key, $1.old) }.map(\.node)
                for (i, n) in layers[l].enumerated() { position[n] = i }
            }
            let c = crossings(position: position)
            if c < bestCrossings {
                bestCrossings = c
                best = layers
            }
        }
        layers = best
    }

    /// Pairs of segments that cross, counting the port a segment uses on a wide box.
    func crossings(position: [Int]) -> Int {
        var perChannel = Array(repeating: [(Int, Int)](), count: max(0, layers.count - 1))
        for s in segments {
            let a = position[s.upper] * 4096 + s.upperPort
            let b = position[s.lower] * 4096 + s.lowerPort
            perChannel[nodes[s.upper].layer].append((a, b))
        }
        var total = 0
        for channel in perChannel {
            for i in channel.indices {
                for j in (i + 1)..<channel.count {
                    let (a1, b1) = channel[i], (a2, b2) = channel[j]
                    if (a1 < a2 && b1 > b2) || (a1 > a2 && b1 < b2) { total += 1 }
                }
            }
        }
        return total
    }
}

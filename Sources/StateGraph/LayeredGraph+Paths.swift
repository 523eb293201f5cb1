// An edge's cells: down its source's port column, through the channels on the tracks routing
// chose and the layers on its dummy and label nodes' columns, to the arrow on its target.

extension LayeredGraph {
    /// The cells of edge `e`, from its source's border to the arrow on its target's border.
    func path(of e: Int, routing r: ChannelRouting, segmentsOfEdge: [Int]) -> [GridPoint] {
        let edge = edges[e]
        let segs = segmentsOfEdge
        if edge.isSelfLoop, segs.count == 2 {
            let turn = nodes[segments[segs[0]].lower]
            let top = r.layerTop[turn.layer]
            var points = downPath([segs[0]], r)
            extend(&points, to: GridPoint(x: turn.x + turn.width - 1, y: top + 1))
            extend(&points, to: GridPoint(x: turn.x, y: top + 1))
            let back = downPath([segs[1]], r).reversed()
            for p in back { extend(&points, to: p) }
            return points
        }
        let points = downPath(segs, r)
        return edge.reversed ? points.reversed() : points
    }

    private func downPath(_ segs: [Int], _ r: ChannelRouting) -> [GridPoint] {
        var points: [GridPoint] = []
        for i in segs {
            let s = segments[i]
            let a = nodes[s.upper], b = nodes[s.lower]
            let l = a.layer
            let colA = a.x + s.upperPort, colB = b.x + s.lowerPort
            if points.isEmpty {
                let row = a.isState ? r.layerTop[l] + a.height - 1 : r.layerTop[l]
                points.append(GridPoint(x: colA, y: row))
            }
            extend(&points, to: GridPoint(x: colA, y: r.layerTop[l] + r.layerHeight[l] - 1))
            let c0 = r.channelTop[l]
            if colA != colB, let t = r.track[i] {
                extend(&points, to: GridPoint(x: colA, y: c0 + t))
                extend(&points, to: GridPoint(x: colB, y: c0 + t))
            }
            extend(&points, to: GridPoint(x: colB, y: r.layerTop[l + 1]))
        }
        return points
    }

    /// Appends the cells of a straight line from the last point to `p`.
    private func extend(_ points: inout [GridPoint], to p: GridPoint) {
        guard var q = points.last else { points.append(p); return }
        while q != p {
            if q.x != p.x { q.x += q.x < p.x ? 1 : -1 } else { q.y += q.y < p.y ? 1 : -1 }
            points.append(q)
        }
    }
}

// Rows between two layers form a channel. Segments leaving the same port share one horizontal
// track (a fan-out reads as one `╭──┴──╮`), and so do single segments entering the same port
// (a fan-in reads as `╰──┬──╯`). Tracks are assigned left-edge style so that no two horizontals
// overlap and a line leaving a column turns off before another line comes down that column.

/// Rows of every layer and channel, and the track each segment's horizontal runs on.
struct ChannelRouting {
    var layerTop: [Int] = []
    var layerHeight: [Int] = []
    var channelTop: [Int] = []
    var channelHeight: [Int] = []
    /// By segment index; nil for a segment that runs straight down.
    var track: [Int?] = []
    var height = 0
}

/// A node's port.
private struct PortKey: Hashable {
    var node: Int
    var port: Int
}

/// Segments of one channel drawn with one horizontal.
private struct TrackGroup {
    var members: [Int] = []
    var sources: Set<Int> = []
    var targets: Set<Int> = []
    var lo = Int.max, hi = Int.min
}

extension LayeredGraph {
    func route() -> ChannelRouting {
        var r = ChannelRouting()
        r.track = Array(repeating: nil, count: segments.count)
        r.layerHeight = layers.map { layer in max(1, layer.map { nodes[$0].height }.max() ?? 1) }
        var perChannel = Array(repeating: [Int](), count: layers.count)
        for (i, s) in segments.enumerated() { perChannel[nodes[s.upper].layer].append(i) }
        var y = 0
        for l in layers.indices {
            r.layerTop.append(y)
            y += r.layerHeight[l]
            guard l + 1 < layers.count else { break }
            var deepest = -1
            for (group, t) in assignTracks(groups(perChannel[l])) {
                for m in group.members { r.track[m] = t }
                deepest = max(deepest, t)
            }
            let height = max(1, deepest + 1)
            r.channelTop.append(y)
            r.channelHeight.append(height)
            y += height
        }
        r.height = y
        return r
    }

    private func groups(_ channel: [Int]) -> [TrackGroup] {
        var bySource: [PortKey: Int] = [:]
        var list: [TrackGroup] = []
        for i in channel {
            let key = PortKey(node: segments[i].upper, port: segments[i].upperPort)
            if bySource[key] == nil { bySource[key] = list.count; list.append(TrackGroup()) }
            list[bySource[key]!].members.append(i)
        }
        // Lone segments into the same port of a box join: one line per source, one arrow.
        var byTarget: [PortKey: Int] = [:]
        var merged: [TrackGroup] = []
        for g in list {
            let s = segments[g.members[0]]
            if g.members.count == 1, nodes[s.lower].isState {
                let key = PortKey(node: s.lower, port: s.lowerPort)
                if let k = byTarget[key] { merged[k].members += g.members; continue }
                byTarget[key] = merged.count
            }
            merged.append(g)
        }
        return merged.map { g in
            var g = g
            for i in g.members {
                let s = segments[i]
                let a = nodes[s.upper].x + s.upperPort, b = nodes[s.lower].x + s.lowerPort
                g.sources.insert(a)
                g.targets.insert(b)
                g.lo = min(g.lo, a, b)
                g.hi = max(g.hi, a, b)
            }
            return g
        }
    }

    private func assignTracks(_ all: [TrackGroup]) -> [(TrackGroup, Int)] {
        let spans = all.filter { $0.lo < $0.hi }.sorted { ($0.lo, $0.hi) < ($1.lo, $1.hi) }
        // a must run above b when a line of a leaves down a column a line of b comes down,
        // unless a also goes straight down it, in which case the two are one merge into a port.
        func mustPrecede(_ a: TrackGroup, _ b: TrackGroup) -> Bool {
            a.sources.contains { b.targets.contains($0) && !a.targets.contains($0) }
        }
        // Which of two overlapping horizontals goes higher decides which verticals they cross:
        // b's horizontal crosses a's lines going down to a's track when b is higher, and a's
        // lines leaving a's track when b is lower. a should go above b if that crosses less.
        func inside(_ c: Int, _ g: TrackGroup) -> Bool { c > g.lo && c < g.hi }
        func crossings(above a: TrackGroup, below b: TrackGroup) -> Int {
            a.targets.filter { inside($0, b) }.count + b.sources.filter { inside($0, a) }.count
        }
        func shouldPrecede(_ a: TrackGroup, _ b: TrackGroup) -> Bool {
            a.lo <= b.hi && b.lo <= a.hi && crossings(above: a, below: b) < crossings(above: b, below: a)
        }
        var assigned: [Int: Int] = [:]
        var result: [(TrackGroup, Int)] = []
        while assigned.count < spans.count {
            let open = spans.indices.filter { assigned[$0] == nil }
            func waiting(_ i: Int, soft: Bool) -> Bool {
                open.contains { j in
                    j != i && (mustPrecede(spans[j], spans[i]) || (soft && shouldPrecede(spans[j], spans[i])))
                }
            }
            let ready = open.first { !waiting($0, soft: true) } ?? open.first { !waiting($0, soft: false) } ?? open[0]
            var t = 0
            for (j, tj) in assigned where mustPrecede(spans[j], spans[ready]) || shouldPrecede(spans[j], spans[ready]) {
                t = max(t, tj + 1)
            }
            while assigned.contains(where: { j, tj in
                tj == t && spans[j].lo <= spans[ready].hi && spans[ready].lo <= spans[j].hi
            }) { t += 1 }
            assigned[ready] = t
            result.append((spans[ready], t))
        }
        return result
    }
}

import StatesLanguage

// The pipeline, one phase per file: transitions are collected and cycles broken
// (LayeredGraph), states put in layers with label and dummy nodes, ordered to cut crossings
// (+Ordering), given columns (+Placement), the rows between layers routed into tracks
// (ChannelRouting), every edge traced cell by cell (+Paths), and boxes and lines drawn
// (StateBox, EdgePainter). Nested machines are laid out first and framed inside their box.

/// Lays a state machine out as boxes and edges on a grid of terminal cells.
public struct GraphLayout: Sendable {
    /// Sizes that trade width for legibility.
    public struct Options: Sendable, Hashable {
        /// Widest a plain state's box may be; longer names wrap to two rows, then end in `…`.
        public var maxBoxWidth: Int
        /// Widest an edge label may be before it ends in `…`.
        public var maxLabelWidth: Int
        /// Blank cells kept right of every box for markers.
        public var markerWidth: Int
        /// Whether a box's top border names the state's type; without it a box can be narrower.
        public var showsTypeTag: Bool
        /// JSON Pointers of the Parallel and Map states drawn folded: a plain box that says how
        /// many states it holds instead of its branches or item processor.
        public var folded: Set<String>

        public init(maxBoxWidth: Int = 24, maxLabelWidth: Int = 20, markerWidth: Int = 2, showsTypeTag: Bool = true,
                    folded: Set<String> = []) {
            self.maxBoxWidth = maxBoxWidth
            self.maxLabelWidth = maxLabelWidth
            self.markerWidth = markerWidth
            self.showsTypeTag = showsTypeTag
            self.folded = folded
        }

        /// Small boxes and labels and no type tags, so a wide machine fits a narrow panel.
        public static func compact(folded: Set<String> = []) -> Options {
            Options(maxBoxWidth: 14, maxLabelWidth: 8, markerWidth: 2, showsTypeTag: false, folded: folded)
        }
    }

    public var options: Options

    /// A layout with the given options.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Lays out `machine`, its Parallel branches and Map processors nested inside their boxes.
    public func layout(_ machine: StateMachine) -> GraphCanvas {
        let states = Array(machine.states.values)
        var index: [String: Int] = [:]
        for (i, s) in states.enumerated() where index[s.name] == nil { index[s.name] = i }
        var edges = LayeredGraph.collectEdges(states, index: index, labelWidth: options.maxLabelWidth)
        let (rank, reachable) = LayeredGraph.breakCycles(&edges, stateCount: states.count, start: index[machine.startAt])
        var loopsToItself = Array(repeating: false, count: states.count)
        for e in edges where e.isSelfLoop { loopsToItself[e.from] = true }
        let boxes = states.enumerated().map { i, state in
            let isFolded = options.folded.contains(state.pointer)
            return StateBox(state: state, nested: isFolded ? [] : nestedMachines(of: state).map(layout),
                            loopsToItself: loopsToItself[i], options: options,
                            foldedSummary: isFolded ? Self.foldedSummary(of: nestedMachines(of: state)) : nil)
        }
        var graph = LayeredGraph(edges: edges, sizes: boxes.map { ($0.width + options.markerWidth, $0.height) },
                                 ports: boxes, rank: rank, reachable: reachable)
        graph.reduceCrossings()
        graph.placeHorizontally()
        let routing = graph.route()
        let width = graph.nodes.map { $0.x + $0.width }.max() ?? 0
        var canvas = GraphCanvas(width: width, height: routing.height)

        var global = Array(repeating: 0, count: states.count)
        for (i, state) in states.enumerated() {
            let node = graph.nodes[i]
            let y = routing.layerTop[node.layer]
            global[i] = canvas.states.count
            canvas.states.append(PlacedState(
                name: state.name, pointer: state.pointer, typeName: state.typeName, enclosing: [],
                rect: GridRect(x: node.x, y: y, width: boxes[i].width, height: boxes[i].height),
                markerSlot: GridRect(x: node.x + boxes[i].width, y: y + 1, width: options.markerWidth, height: 1)))
            boxes[i].draw(into: &canvas, x: node.x, y: y, markerWidth: options.markerWidth, enclosing: state.name)
        }
        var segmentsOfEdge = Array(repeating: [Int](), count: edges.count)
        for (i, s) in graph.segments.enumerated() { segmentsOfEdge[s.edge].append(i) }
        var painter = EdgePainter()
        for (e, edge) in graph.edges.enumerated() {
            for n in edge.chain {
                let node = graph.nodes[n]
                let top = routing.layerTop[node.layer]
                switch node.kind {
                case .label(let text), .loop(.some(let text)):
                    let x = node.linePort == 0 ? node.x + 2 : node.x
                    canvas.write(text, role: edge.dashed ? .catchLabel : .label, x: x, y: top)
                default: break
                }
            }
            let cells = graph.path(of: e, routing: routing, segmentsOfEdge: segmentsOfEdge[e])
            painter.add(cells, dashed: edge.dashed)
            canvas.edges.append(PlacedEdge(from: global[edge.from], to: global[edge.to], kind: edge.kind,
                                           label: edge.label, isBackEdge: edge.reversed || edge.isSelfLoop, cells: cells))
        }
        painter.paint(into: &canvas)
        return canvas
    }

    /// Convenience for `GraphLayout(options: options).layout(machine)`.
    public static func layout(_ machine: StateMachine, options: Options = Options()) -> GraphCanvas {
        GraphLayout(options: options).layout(machine)
    }

    /// What a folded Parallel or Map box says in place of its body, e.g. `▸ 2 branches, 9 states`.
    static func foldedSummary(of machines: [StateMachine]) -> String {
        func count(_ machine: StateMachine) -> Int {
            machine.states.values.reduce(0) { total, state in
                switch state.kind {
                case .parallel(let p): return total + 1 + p.branches.map(count).reduce(0, +)
                case .map(let m): return total + 1 + count(m.processor)
                default: return total + 1
                }
            }
        }
        let states = machines.map(count).reduce(0, +)
        let branches = machines.count > 1 ? "\(machines.count) branches, " : ""
        return "▸ \(branches)\(states) state\(states == 1 ? "" : "s")"
    }

    private func nestedMachines(of state: State) -> [StateMachine] {
        switch state.kind {
        case .parallel(let p): return p.branches
        case .map(let m): return [m.processor]
        default: return []
        }
    }
}

// TEMPORARY: replaced by the helpers' JSONTreeView.swift and GraphView.swift at merge.
public struct JSONTreeRow: Sendable, Hashable {
    public var pointer: String
    public var depth: Int
    public var spans: [Span]
    public var isContainer: Bool
    public var isCollapsed: Bool
    public var isClosing: Bool
    public var change: JSONChange.Kind?
    public var text: String { spans.map(\.text).joined() }
}
public struct JSONTreeView: Sendable {
    let value: JSON
    public init(_ value: JSON, changes: [JSONChange] = [], collapsed: Set<String> = []) { self.value = value }
    public func rows() -> [JSONTreeRow] {
        JSONPrinter.pretty(value).split(separator: "\n").map {
            JSONTreeRow(pointer: "", depth: 0, spans: [Span(" " + String($0))], isContainer: false, isCollapsed: false, isClosing: false, change: nil)
        }
    }
}
public struct GraphEdgeKey: Sendable, Hashable {
    public var from: String
    public var to: String
    public init(from: String, to: String) { self.from = from; self.to = to }
}
public struct RetryProgress: Sendable, Hashable {
    public var made: Int
    public var max: Int
    public init(made: Int, max: Int) { self.made = made; self.max = max }
}
public struct GraphMarks: Sendable, Hashable {
    public var current: String?
    public var selected: String?
    public var visited: Set<String> = []
    public var failed: Set<String> = []
    public var breakpoints: Set<String> = []
    public var attempts: [String: RetryProgress] = [:]
    public var takenEdges: Set<GraphEdgeKey> = []
    public init() {}
}
public struct GraphView: Sendable {
    let canvas: GraphCanvas
    public init(canvas: GraphCanvas, marks: GraphMarks, colors: Bool = true) { self.canvas = canvas }
    public var contentSize: Size { Size(width: canvas.width, height: canvas.height) }
    public func render(scroll: ScrollState, in rect: Rect, on screen: inout Screen) {
        for (i, row) in canvas.render(GridRect(x: scroll.offset.x, y: scroll.offset.y, width: rect.width, height: rect.height)).enumerated() {
            screen.put(row, at: Point(x: rect.x, y: rect.y + i), clip: rect)
        }
    }
    public func box(of state: String) -> Rect? {
        guard let i = canvas.stateIndices(named: state).first else { return nil }
        let r = canvas.states[i].rect
        return Rect(x: r.x, y: r.y, width: r.width, height: r.height)
    }
    public func state(at point: Point, scroll: ScrollState, in rect: Rect) -> String? {
        guard rect.contains(point) else { return nil }
        return canvas.stateIndex(at: GridPoint(x: point.x - rect.x + scroll.offset.x, y: point.y - rect.y + scroll.offset.y)).map { canvas.states[$0].name }
    }
    public var statesInReadingOrder: [String] {
        canvas.states.sorted { ($0.rect.y, $0.rect.x) < ($1.rect.y, $1.rect.x) }.map(\.name)
    }
}

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

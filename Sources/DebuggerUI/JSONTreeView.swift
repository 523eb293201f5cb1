/// A JSON document drawn as a collapsible, coloured tree, with what changed since another
/// document marked on each row.
///
/// The data-flow panel shows every stage of a state's data this way, compared with the stage
/// before. The view is a value: the app keeps which containers are folded and asks for rows
/// again, which is one linear walk of the document.
public struct JSONTreeView: Sendable {
    /// The document shown.
    public let value: JSON
    /// How `value` differs from the document it is compared with, as `JSONDiff` lists it.
    public let changes: [JSONChange]
    /// Pointers of the containers shown folded to one row.
    public var collapsed: Set<String>
    private let index: ChangeIndex

    /// A view of `value`, marking `changes` and folding the containers in `collapsed`.
    public init(_ value: JSON, changes: [JSONChange] = [], collapsed: Set<String> = []) {
        self.value = value
        self.changes = changes
        self.collapsed = collapsed
        self.index = ChangeIndex(changes)
    }

    /// Every row, containers listed in `collapsed` (by pointer) folded to one row.
    public func rows() -> [JSONTreeRow] {
        var builder = RowBuilder(index: index, collapsed: collapsed)
        builder.node(value, key: nil, pointer: "", depth: 0, comma: false, within: nil, lookUp: builder.tracksChanges)
        return builder.rows
    }
}

/// Walks a document once, appending a row per scalar, per folded container and per bracket.
private struct RowBuilder {
    let index: JSONTreeView.ChangeIndex
    let collapsed: Set<String>
    /// With no changes there is nothing to look up, and most documents shown have none.
    let tracksChanges: Bool
    var rows: [JSONTreeRow] = []
    /// Reused for printing scalars, so a row allocates no buffer of its own.
    var scratch: [UInt8] = []
    /// Indentation plus fold column, by depth and then by `Fold`.
    var indents: [[String]] = []

    /// What the fold column shows.
    enum Fold: Int {
        case none, expanded, collapsed
    }

    init(index: JSONTreeView.ChangeIndex, collapsed: Set<String>) {
        self.index = index
        self.collapsed = collapsed
        self.tracksChanges = !index.isEmpty
        scratch.reserveCapacity(64)
    }

    /// Appends the rows of one node. `within` is set inside an added or removed member: every
    /// row of such a subtree takes its kind, since all of it appeared or disappeared. `lookUp`
    /// is false when no change can be at or below this node (its parent holds none), which
    /// spares hashing the pointer of nearly every row of a large document.
    mutating func node(_ value: JSON, key: String?, pointer: String, depth: Int, comma: Bool,
                       within: JSONChange.Kind?, lookUp: Bool) {
        let mark = lookUp && within == nil ? index.marks[pointer] : nil
        let change = within ?? mark?.kind
        let containsChange = lookUp && change == nil && index.ancestors.contains(pointer)

        let memberCount: Int
        let isObject: Bool
        switch value {
        case .object(let o): (memberCount, isObject) = (o.count, true)
        case .array(let a): (memberCount, isObject) = (a.count, false)
        default: (memberCount, isObject) = (0, false)
        }
        let isContainer = memberCount > 0
        let isCollapsed = isContainer && collapsed.contains(pointer)

        // Gutter, indent, key, colon, value, comma, note: room for all, so the row allocates once.
        var spans: [Span] = []
        spans.reserveCapacity(7)
        spans.append(JSONTreeView.gutter(change, containsChange: containsChange))
        spans.append(Span(indent(depth, fold: isContainer ? (isCollapsed ? .collapsed : .expanded) : .none)))
        if let key {
            spans.append(Span(JSONTreeView.quoted(key, scratch: &scratch), style: JSONTreeView.style(.key, change: change)))
            spans.append(punctuation(": ", change))
        }
        if !isContainer {
            let scalar = JSONTreeView.scalar(value, scratch: &scratch)
            spans.append(Span(scalar.text, style: JSONTreeView.style(scalar.role, change: change)))
            if comma { spans.append(punctuation(",", change)) }
        } else if isCollapsed {
            let folded = JSONTreeView.summary(of: value)
            spans.append(punctuation(folded.brackets, change))
            if comma { spans.append(punctuation(",", change)) }
            spans.append(Span(" " + folded.count, style: JSONTreeView.style(.note, change: change)))
        } else {
            spans.append(punctuation(isObject ? "{" : "[", change))
        }
        if let mark, mark.kind == .changed, let old = mark.oldValue {
            let was = "  (was " + JSONTreeView.preview(of: old, scratch: &scratch) + ")"
            spans.append(Span(was, style: JSONTreeView.style(.note, change: change)))
        }
        rows.append(JSONTreeRow(pointer: pointer, depth: depth, spans: spans, isContainer: isContainer,
                                isCollapsed: isCollapsed, change: change, containsChange: containsChange))
        guard isContainer, !isCollapsed else { return }

        // A replaced container's members are simply the new value's; only whole added or
        // removed subtrees pass their kind down.
        let inner: JSONChange.Kind? = change == .changed ? nil : change
        members(of: value, pointer: pointer, depth: depth + 1, within: inner, lookUp: containsChange || change == .changed)
        var closing = [JSONTreeView.gutter(inner, containsChange: false), Span(indent(depth, fold: .none)),
                       punctuation(isObject ? "}" : "]", inner)]
        if comma { closing.append(punctuation(",", inner)) }
        rows.append(JSONTreeRow(pointer: pointer, depth: depth, spans: closing, isContainer: true, isClosing: true,
                                change: inner))
    }

    /// The rows of a container's members, then of the members it no longer has.
    private mutating func members(of value: JSON, pointer: String, depth: Int, within: JSONChange.Kind?,
                                  lookUp: Bool) {
        let isArray: Bool
        switch value {
        case .object(let o):
            isArray = false
            var remaining = o.count
            for (key, member) in o {
                remaining -= 1
                node(member, key: key, pointer: pointer + "/" + pointerToken(key), depth: depth,
                     comma: remaining > 0, within: within, lookUp: lookUp)
            }
        case .array(let a):
            isArray = true
            for (i, element) in a.enumerated() {
                node(element, key: nil, pointer: pointer + "/" + String(i), depth: depth, comma: i < a.count - 1,
                     within: within, lookUp: lookUp)
            }
        default:
            return
        }
        // Removed members come last and without commas, so the rows that are still in the
        // document keep reading as the document.
        guard lookUp, within == nil else { return }
        for removal in index.removals(in: pointer, isArray: isArray) {
            node(removal.value, key: isArray ? nil : removal.token, pointer: removal.pointer, depth: depth,
                 comma: false, within: .removed, lookUp: false)
        }
    }

    /// A key as a pointer token; keys rarely hold `~` or `/`, and checking bytes is cheaper
    /// than the character-wise search `JSONPointer.escape` starts with.
    private func pointerToken(_ key: String) -> String {
        key.utf8.contains { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") } ? JSONPointer.escape(key) : key
    }

    private func punctuation(_ text: String, _ change: JSONChange.Kind?) -> Span {
        Span(text, style: JSONTreeView.style(.punctuation, change: change))
    }

    /// Two spaces per depth, then the fold column: blank, `▾` (expanded) or `▸` (collapsed).
    private mutating func indent(_ depth: Int, fold: Fold) -> String {
        while indents.count <= depth {
            let spaces = String(repeating: "  ", count: indents.count)
            indents.append([spaces + "  ", spaces + "▾ ", spaces + "▸ "])
        }
        return indents[depth][fold.rawValue]
    }
}

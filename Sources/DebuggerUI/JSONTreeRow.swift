/// One row of a JSON document drawn as a tree.
///
/// A row's text is a change gutter (one cell: `+`, `~`, `-` or a space), two spaces per depth,
/// a fold column (`▾ `, `▸ ` or two spaces) and then the JSON text itself, so with the gutter
/// and fold column taken off the rows read as pretty-printed JSON.
public struct JSONTreeRow: Sendable, Hashable {
    /// JSON Pointer of the node this row shows ("" for the root). A container's closing-bracket row has the container's pointer and `isClosing == true`.
    public var pointer: String
    /// Nesting level: 0 for the root, one more inside each container.
    public var depth: Int
    /// The row's text in styled pieces, indentation included.
    public var spans: [Span]
    /// Whether Enter on this row expands/collapses something (an object or array with members).
    ///
    /// True on a container's closing-bracket row too: it has the same pointer, so Enter there
    /// folds the container the cursor is at the end of.
    public var isContainer: Bool
    /// Whether this row stands for a folded container and its members are hidden.
    public var isCollapsed: Bool
    /// Whether this is the row with a container's closing bracket.
    public var isClosing: Bool
    /// How this node differs from the document it is compared with (nil: unchanged). Removed members are shown as extra rows with kind .removed (value from oldValue) so the user sees what disappeared.
    public var change: JSONChange.Kind?
    /// Whether something below this container changed while the container itself did not;
    /// its gutter shows a dim `~`, so a folded container still tells that it hides a change.
    public var containsChange: Bool

    /// A row from its parts; the tree view builds these, tests and other views may too.
    public init(pointer: String, depth: Int, spans: [Span], isContainer: Bool = false, isCollapsed: Bool = false,
                isClosing: Bool = false, change: JSONChange.Kind? = nil, containsChange: Bool = false) {
        self.pointer = pointer
        self.depth = depth
        self.spans = spans
        self.isContainer = isContainer
        self.isCollapsed = isCollapsed
        self.isClosing = isClosing
        self.change = change
        self.containsChange = containsChange
    }

    /// The row's plain text (spans joined), for search.
    public var text: String {
        var text = ""
        for span in spans { text += span.text }
        return text
    }
}

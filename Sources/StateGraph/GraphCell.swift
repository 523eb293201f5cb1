/// What a cell shows, so the UI can style it without parsing characters.
public enum CellRole: Sendable, Hashable {
    case empty
    case boxBorder
    /// Blank space inside a state's box, for highlighting the whole box.
    case boxFill
    case stateName
    /// The state's type written in its top border.
    case typeTag
    /// `↻` in the bottom border of a state that has a `Retry`.
    case retryMark
    /// Reserved blank cells beside a box for markers such as `✓`, `●`, `↻`.
    case markerSlot
    /// The frame around a Parallel branch or a Map item processor.
    case frameBorder
    case edge
    /// A Catch edge, drawn dashed.
    case catchEdge
    case arrowHead
    /// A Choice condition or `default` on an edge.
    case label
    /// The error names on a Catch edge.
    case catchLabel
}

/// One cell of the canvas.
public struct GraphCell: Sendable, Hashable {
    public var character: Character
    public var role: CellRole
    /// The right half of a two-cell character; it shows nothing of its own.
    public var isWideTail: Bool

    public init(character: Character = " ", role: CellRole = .empty, isWideTail: Bool = false) {
        self.character = character
        self.role = role
        self.isWideTail = isWideTail
    }

    static let blank = GraphCell()
}

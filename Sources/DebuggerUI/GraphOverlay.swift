import StateGraph
import TerminalUI

/// What the marks change in the visible part of the canvas: styles and characters by cell,
/// plus the edge facts the role-based styling needs. Kept as flat grids over the window,
/// not dictionaries, because every visible cell is looked up on every frame.
struct GraphOverlay {
    /// The part of the canvas being drawn, in content coordinates; writes outside it are dropped.
    let window: GridRect
    private var styles: [Style?]
    private var characters: [Character?]
    /// Cells of transitions the execution has taken, ports and arrow heads included.
    private var taken: [Bool]
    /// Arrow heads that only Catch edges end at, coloured like their dashed lines.
    private var catchArrows: [Bool]

    init(window: GridRect) {
        self.window = window
        let count = max(0, window.width) * max(0, window.height)
        styles = Array(repeating: nil, count: count)
        characters = Array(repeating: nil, count: count)
        taken = Array(repeating: false, count: count)
        catchArrows = Array(repeating: false, count: count)
    }

    private func index(_ p: GridPoint) -> Int? {
        guard window.contains(p) else { return nil }
        return (p.y - window.y) * window.width + (p.x - window.x)
    }

    func style(at p: GridPoint) -> Style? { index(p).flatMap { styles[$0] } }
    func character(at p: GridPoint) -> Character? { index(p).flatMap { characters[$0] } }
    func isTaken(_ p: GridPoint) -> Bool { index(p).map { taken[$0] } ?? false }
    func isCatchArrow(_ p: GridPoint) -> Bool { index(p).map { catchArrows[$0] } ?? false }

    mutating func setStyle(_ style: Style, at p: GridPoint) {
        if let i = index(p) { styles[i] = style }
    }

    /// Replaces the canvas character at `p`, in `style`.
    mutating func setCharacter(_ character: Character, style: Style, at p: GridPoint) {
        guard let i = index(p) else { return }
        characters[i] = character
        styles[i] = style
    }

    mutating func markTaken(_ cells: [GridPoint]) {
        for p in cells { if let i = index(p) { taken[i] = true } }
    }

    mutating func setCatchArrow(_ isCatch: Bool, at p: GridPoint) {
        if let i = index(p) { catchArrows[i] = isCatch }
    }
}

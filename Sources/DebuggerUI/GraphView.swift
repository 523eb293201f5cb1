import StateGraph
import TerminalUI

/// The Graph panel's picture: the laid-out state machine, lit up by what the execution did.
///
/// A value built per frame from a canvas (laid out once per definition) and the current marks;
/// drawing is immediate-mode and clipped, so any rectangle and any scroll offset are safe.
public struct GraphView: Sendable {
    public var canvas: GraphCanvas
    public var marks: GraphMarks
    /// False for NO_COLOR or a monochrome terminal: meaning is carried by attributes alone.
    public var colors: Bool

    public init(canvas: GraphCanvas, marks: GraphMarks, colors: Bool = true) {
        self.canvas = canvas
        self.marks = marks
        self.colors = colors
    }

    var palette: GraphPalette { colors ? .color : .monochrome }

    /// The canvas size in cells.
    public var contentSize: Size { Size(width: canvas.width, height: canvas.height) }

    /// Draws the part of the canvas at `scroll.offset` into `rect` (clipped; never draws outside rect).
    public func render(scroll: ScrollState, in rect: Rect, on screen: inout Screen) {
        let area = rect.intersection(screen.bounds)
        guard !area.isEmpty else { return }
        // Content coordinates follow `rect`, not the clipped `area`, so a panel cut by the
        // screen edge keeps showing the same content under the same cells.
        let dx = scroll.offset.x - rect.x, dy = scroll.offset.y - rect.y
        let window = GridRect(x: area.x + dx, y: area.y + dy, width: area.width, height: area.height)
        let overlay = overlay(for: window)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                let p = GridPoint(x: x + dx, y: y + dy)
                let cell = canvas[p.x, p.y]
                // Most of a graph is empty space; it needs no look-ups.
                if cell.role == .empty {
                    screen.set(.blank, x: x, y: y)
                    continue
                }
                let at = Point(x: x, y: y)
                if let mark = overlay.character(at: p) {
                    screen.put(String(mark), at: at, style: overlay.style(at: p) ?? .plain, clip: area)
                    continue
                }
                let style = overlay.style(at: p) ?? baseStyle(of: cell, at: p, overlay: overlay)
                if cell.isWideTail {
                    // Its head is drawn two cells wide; a head left of the panel cannot show in half.
                    if x == area.x { screen.put(" ", at: at, style: style, clip: area) }
                    continue
                }
                screen.put(String(cell.character), at: at, style: style, clip: area)
            }
        }
        markClippedNames(in: area, dx: dx, dy: dy, on: &screen)
    }

    /// A state name or edge label cut by the left or right edge ends in `…` there, so a cut
    /// name never passes for a whole one (`rderError`).
    private func markClippedNames(in area: Rect, dx: Int, dy: Int, on screen: inout Screen) {
        guard area.width >= 2 else { return }
        for y in area.y..<area.maxY {
            let cy = y + dy
            for (x, outside) in [(area.x, area.x + dx - 1), (area.maxX - 1, area.maxX + dx)] {
                let inside = canvas[x + dx, cy], beyond = canvas[outside, cy]
                // The tail half of a wide character cut at the left edge counts as the name too.
                guard Self.isText(inside.role), beyond.role == inside.role, inside.character != " " || inside.isWideTail else { continue }
                let style = screen[x, y].style
                screen.put("…", at: Point(x: x, y: y), style: style, clip: area)
            }
        }
    }

    private static func isText(_ role: CellRole) -> Bool {
        role == .stateName || role == .label || role == .catchLabel
    }

    /// The style a cell gets from its role alone, before any state's marks.
    private func baseStyle(of cell: GraphCell, at p: GridPoint, overlay: GraphOverlay) -> Style {
        if overlay.isTaken(p) { return palette.takenEdge }
        switch cell.role {
        case .empty, .boxBorder, .boxFill, .stateName, .markerSlot: return .plain
        case .typeTag: return palette.typeTag
        case .retryMark: return palette.retryMark
        case .frameBorder: return palette.frame
        case .edge: return palette.edge
        case .catchEdge: return palette.catchEdge
        case .arrowHead: return overlay.isCatchArrow(p) ? palette.catchEdge : palette.edge
        case .label: return palette.choiceLabel
        case .catchLabel: return palette.catchLabel
        }
    }

    /// The box of the named state in content coordinates (for ScrollState.follow), nil if absent.
    ///
    /// The marker slot is included so following a state also brings its `●` into view.
    public func box(of state: String) -> Rect? {
        guard let index = canvas.stateIndices(named: state).first else { return nil }
        let placed = canvas.states[index]
        let box = placed.rect, slot = placed.markerSlot
        let left = min(box.x, slot.x), top = min(box.y, slot.y)
        let right = max(box.maxX, slot.maxX), bottom = max(box.maxY, slot.maxY)
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// The state under a screen cell of a graph drawn with `scroll` into `rect` (for mouse clicks).
    public func state(at point: Point, scroll: ScrollState, in rect: Rect) -> String? {
        guard rect.contains(point) else { return nil }
        let p = GridPoint(x: point.x - rect.x + scroll.offset.x, y: point.y - rect.y + scroll.offset.y)
        // A nested state's markers sit inside its parent's box, so slots are checked first.
        if let slotted = canvas.states.first(where: { $0.markerSlot.contains(p) }) { return slotted.name }
        return canvas.stateIndex(at: p).map { canvas.states[$0].name }
    }

    /// State names in reading order (top to bottom, left to right), for moving a selection with the arrow keys.
    public var statesInReadingOrder: [String] {
        var seen = Set<String>()
        return canvas.states
            .sorted { ($0.rect.y, $0.rect.x) < ($1.rect.y, $1.rect.x) }
            .map(\.name)
            .filter { seen.insert($0).inserted }
    }
}

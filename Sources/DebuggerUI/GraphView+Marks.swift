import StateGraph
import TerminalUI

extension GraphView {
    /// The overlay for the part of the canvas in `window` (content coordinates).
    func overlay(for window: GridRect) -> GraphOverlay {
        var overlay = GraphOverlay(window: window)
        addEdges(to: &overlay)
        for state in canvas.states where state.rect.intersects(window) || state.markerSlot.intersects(window) {
            addBox(state, to: &overlay)
            addMarkers(state, to: &overlay)
            addRetryProgress(state, to: &overlay)
            addIterations(state, to: &overlay)
        }
        return overlay
    }

    private func addEdges(to overlay: inout GraphOverlay) {
        // Where a Catch edge and an ordinary one end at the same arrow, the ordinary one wins.
        for edge in canvas.edges {
            guard case .catch = edge.kind, let last = edge.cells.last else { continue }
            overlay.setCatchArrow(true, at: last)
        }
        for edge in canvas.edges {
            if case .catch = edge.kind { continue }
            if let last = edge.cells.last { overlay.setCatchArrow(false, at: last) }
        }
        guard !marks.takenEdges.isEmpty else { return }
        for edge in canvas.edges {
            let key = GraphEdgeKey(from: canvas.states[edge.from].name, to: canvas.states[edge.to].name)
            if marks.takenEdges.contains(key) { overlay.markTaken(edge.cells) }
        }
    }

    /// Highlights the current box whole; otherwise colours the border of a visited or failed
    /// state and marks a selected state's name.
    private func addBox(_ state: PlacedState, to overlay: inout GraphOverlay) {
        let failed = marks.failed.contains(state.name)
        let window = overlay.window
        if marks.current == state.name {
            let style = failed ? palette.currentFailedBox : palette.currentBox
            forEachBorderCell(of: state.rect, in: window) { p in
                guard !overlay.isTaken(p) else { return }
                switch canvas[p.x, p.y].role {
                case .boxBorder, .typeTag, .retryMark: overlay.setStyle(style, at: p)
                default: break
                }
            }
            forEachCell(of: textArea(of: state), in: window) { p in
                switch canvas[p.x, p.y].role {
                case .boxFill, .stateName: overlay.setStyle(style, at: p)
                default: break
                }
            }
            return
        }
        let border = failed ? palette.failedBorder : marks.visited.contains(state.name) ? palette.visitedBorder : nil
        if let border {
            forEachBorderCell(of: state.rect, in: window) { p in
                if canvas[p.x, p.y].role == .boxBorder && !overlay.isTaken(p) { overlay.setStyle(border, at: p) }
            }
        }
        if marks.selected == state.name {
            forEachCell(of: textArea(of: state), in: window) { p in
                if canvas[p.x, p.y].role == .stateName { overlay.setStyle(palette.selectedName, at: p) }
            }
        }
    }

    /// Status (`●` current, `✗` failed, `✓` visited) in the slot's first cell and a breakpoint
    /// `◆` in the second, so both show at once and neither moves when the other appears.
    private func addMarkers(_ state: PlacedState, to overlay: inout GraphOverlay) {
        let slot = state.markerSlot
        guard slot.width > 0, slot.height > 0 else { return }
        var status: (Character, Style)?
        if marks.current == state.name {
            status = ("●", marks.failed.contains(state.name) ? palette.failedMarker : palette.currentMarker)
        } else if marks.failed.contains(state.name) {
            status = ("✗", palette.failedMarker)
        } else if marks.running.contains(state.name) {
            // A Map or Parallel whose iterations or branches still run is not done yet.
            status = ("◐", palette.currentMarker)
        } else if marks.visited.contains(state.name) {
            status = ("✓", palette.visitedMarker)
        }
        let breakpoint: (Character, Style)? = marks.breakpoints.contains(state.name) ? ("◆", palette.breakpointMarker) : nil
        var placed: [(Int, (Character, Style))] = []
        if slot.width >= 2 {
            if let status { placed.append((0, status)) }
            if let breakpoint { placed.append((1, breakpoint)) }
        } else if let only = status ?? breakpoint {
            placed.append((0, only))
        }
        for (dx, (character, style)) in placed {
            let p = GridPoint(x: slot.x + dx, y: slot.y)
            if canvas[p.x, p.y].role == .markerSlot { overlay.setCharacter(character, style: style, at: p) }
        }
    }

    /// Writes `made/max` into the bottom border right after the `↻`, over plain border cells
    /// only (never a port where an edge leaves); falls back to `made` when the run is short.
    private func addRetryProgress(_ state: PlacedState, to overlay: inout GraphOverlay) {
        guard let progress = marks.attempts[state.name] else { return }
        let y = state.rect.maxY - 1
        let lastInner = state.rect.maxX - 2
        guard lastInner > state.rect.x,
              let markX = (state.rect.x...lastInner).first(where: { canvas[$0, y].role == .retryMark })
        else { return }
        var run = 0
        while markX + 1 + run <= lastInner {
            let cell = canvas[markX + 1 + run, y]
            guard cell.role == .boxBorder, cell.character == "─" else { break }
            run += 1
        }
        guard let text = [progress.text, "\(progress.made)"].first(where: { $0.count <= run }) else { return }
        let style = marks.current == state.name
            ? (marks.failed.contains(state.name) ? palette.currentFailedBox : palette.currentBox)
            : palette.retryProgress
        for (i, character) in text.enumerated() {
            overlay.setCharacter(character, style: style, at: GridPoint(x: markX + 1 + i, y: y))
        }
    }

    /// Writes a running Map's iteration count (`3/10`) into its bottom border, left of where
    /// edges leave, over plain border cells only.
    private func addIterations(_ state: PlacedState, to overlay: inout GraphOverlay) {
        guard let text = marks.iterations[state.name] else { return }
        let y = state.rect.maxY - 1
        var x = state.rect.x + 2
        if canvas[state.rect.x + 1, y].role == .retryMark { x += 1 + (marks.attempts[state.name].map { $0.text.count } ?? 0) }
        let cells = Array("▸" + text)
        guard (0..<cells.count).allSatisfy({ canvas[x + $0, y].role == .boxBorder && canvas[x + $0, y].character == "─" }) else { return }
        for (i, character) in cells.enumerated() {
            overlay.setCharacter(character, style: palette.retryProgress, at: GridPoint(x: x + i, y: y))
        }
    }

    /// The box's inside down to its name: the whole inside of a plain state, the name rows
    /// of a Parallel or Map (highlighting its frames would swamp the states nested in them).
    private func textArea(of state: PlacedState) -> GridRect {
        let r = state.rect
        var rows = 0
        while r.y + 1 + rows < r.maxY - 1 {
            let y = r.y + 1 + rows
            if (r.x + 1..<max(r.x + 1, r.maxX - 1)).contains(where: { canvas[$0, y].role == .frameBorder }) { break }
            rows += 1
        }
        return GridRect(x: r.x + 1, y: r.y + 1, width: max(0, r.width - 2), height: rows)
    }

    /// Calls `body` for the cells on the outline of `r` that lie inside `window`.
    private func forEachBorderCell(of r: GridRect, in window: GridRect, _ body: (GridPoint) -> Void) {
        guard r.width > 0, r.height > 0 else { return }
        let left = max(r.x, window.x), right = min(r.maxX, window.maxX)
        for y in Set([r.y, r.maxY - 1]) where y >= window.y && y < window.maxY && left < right {
            for x in left..<right { body(GridPoint(x: x, y: y)) }
        }
        let top = max(r.y + 1, window.y), bottom = min(r.maxY - 1, window.maxY)
        guard top < bottom else { return }
        for x in Set([r.x, r.maxX - 1]) where x >= window.x && x < window.maxX {
            for y in top..<bottom { body(GridPoint(x: x, y: y)) }
        }
    }

    /// Calls `body` for the cells of `r` that lie inside `window`.
    private func forEachCell(of r: GridRect, in window: GridRect, _ body: (GridPoint) -> Void) {
        let left = max(r.x, window.x), right = min(r.maxX, window.maxX)
        let top = max(r.y, window.y), bottom = min(r.maxY, window.maxY)
        guard left < right, top < bottom else { return }
        for y in top..<bottom { for x in left..<right { body(GridPoint(x: x, y: y)) } }
    }
}

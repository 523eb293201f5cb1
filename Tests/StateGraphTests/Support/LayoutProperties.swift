@testable import StateGraph
import Testing

/// Checks what every layout must satisfy, recording an issue per violation found.
func checkProperties(_ canvas: GraphCanvas, expectedStates: Int, _ context: String,
                     sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(canvas.states.count == expectedStates, "\(context): every state gets a rectangle", sourceLocation: sourceLocation)
    let states = canvas.states
    for (i, a) in states.enumerated() {
        #expect(a.rect.x >= 0 && a.rect.y >= 0 && a.rect.maxX <= canvas.width && a.rect.maxY <= canvas.height,
                "\(context): \(a.name) inside the canvas", sourceLocation: sourceLocation)
        for b in states[(i + 1)...] where a.enclosing == b.enclosing && a.rect.intersects(b.rect) {
            Issue.record("\(context): boxes of \(a.name) \(a.rect) and \(b.name) \(b.rect) overlap", sourceLocation: sourceLocation)
            return
        }
    }
    #expect(canvas.overdrawn.isEmpty, "\(context): edges drawn over boxes or labels at \(canvas.overdrawn.prefix(5))",
            sourceLocation: sourceLocation)
    for edge in canvas.edges {
        for (a, b) in zip(edge.cells, edge.cells.dropFirst()) where abs(a.x - b.x) + abs(a.y - b.y) != 1 {
            Issue.record("\(context): edge cells \(a) and \(b) are not adjacent", sourceLocation: sourceLocation)
            return
        }
        let from = states[edge.from], to = states[edge.to]
        guard let first = edge.cells.first, let last = edge.cells.last else {
            Issue.record("\(context): edge \(from.name) → \(to.name) has no cells", sourceLocation: sourceLocation)
            continue
        }
        if !from.rect.borderContains(first) || !to.rect.borderContains(last) {
            Issue.record("\(context): edge \(from.name) → \(to.name) runs \(first)…\(last), boxes \(from.rect) \(to.rect)",
                         sourceLocation: sourceLocation)
            return
        }
        // An edge inside a Parallel branch or Map processor stays inside that state's box.
        if let parent = states.first(where: { $0.enclosing + [$0.name] == from.enclosing }),
           let outside = edge.cells.first(where: { !parent.rect.contains($0) }) {
            Issue.record("\(context): edge \(from.name) → \(to.name) leaves \(parent.name) at \(outside)",
                         sourceLocation: sourceLocation)
            return
        }
        for cell in edge.cells.dropFirst().dropLast() {
            for s in states where s.enclosing == from.enclosing && s.rect.contains(cell) {
                Issue.record("\(context): edge \(from.name) → \(to.name) passes through \(s.name) at \(cell)",
                             sourceLocation: sourceLocation)
                return
            }
        }
    }
}

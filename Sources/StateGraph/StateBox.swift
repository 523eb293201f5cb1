import StatesLanguage

/// The box drawn for one state: its size, where edges attach, and (for Parallel and Map) the
/// laid-out machines it frames.
struct StateBox {
    var lines: [String]
    var tag: String
    var width: Int
    var height: Int
    /// Columns, relative to the box, where edges attach.
    var entryPort: Int, backOutPort: Int, exitPort: Int, catchPort: Int, backInPort: Int, selfLoopPort: Int
    var nested: [GraphCanvas]
    var hasRetry: Bool

    /// The line under the name of a folded Parallel or Map (drawn dim, like the type tag).
    var foldedSummary: String?

    init(state: State, nested: [GraphCanvas], loopsToItself: Bool, options: GraphLayout.Options, foldedSummary: String? = nil) {
        tag = options.showsTypeTag ? state.typeName : ""
        self.foldedSummary = foldedSummary
        self.nested = nested
        hasRetry = !state.retry.isEmpty
        var framesWidth = 0
        var framesHeight = 0
        for canvas in nested {
            framesWidth += canvas.width + 4
            framesHeight = max(framesHeight, canvas.height + 2)
        }
        framesWidth += max(0, nested.count - 1)
        // A Parallel or Map box is as wide as its frames anyway, so its name may use that width.
        lines = StateBox.wrap(sanitized(state.name), innerLimit: max(4, options.maxBoxWidth - 4, framesWidth))
        let tagWidth = tag.isEmpty ? -2 : cellWidth(tag)
        let lineWidth = (lines + (foldedSummary.map { [$0] } ?? [])).map(cellWidth).max() ?? 0
        // The arrow in the top border must clear the type tag, and entry and exit share a column
        // so a chain of states runs straight down. Catch edges leave left of the exit and loops
        // run on the right (in at the bottom, out at the top), so a loop never has to cross the
        // chain it loops over; all must stay off the corners: hence the minimum width.
        var w = max(max(lineWidth, framesWidth) + 4, tagWidth + 8, 9)
        func entry(_ w: Int) -> Int { max(w / 2, tagWidth + 4) }
        // A loop to itself leaves right of the back-edge port, so it never crosses the exit.
        while loopsToItself && entry(w) + 4 > w - 2 { w += 1 }
        width = w
        height = 2 + lines.count + (foldedSummary == nil ? 0 : 1) + framesHeight
        entryPort = entry(w)
        selfLoopPort = entryPort + 4
        backOutPort = entryPort + 2
        exitPort = entryPort
        catchPort = exitPort - 2
        backInPort = exitPort + 2
    }

    /// Draws the box with its top-left corner at `x`, `y`, and the nested machines inside it.
    func draw(into canvas: inout GraphCanvas, x: Int, y: Int, markerWidth: Int, enclosing: String) {
        let bottom = y + height - 1
        for cx in x..<(x + width) {
            canvas.put("─", role: .boxBorder, x: cx, y: y)
            canvas.put("─", role: .boxBorder, x: cx, y: bottom)
        }
        for cy in (y + 1)..<bottom {
            canvas.put("│", role: .boxBorder, x: x, y: cy)
            canvas.put("│", role: .boxBorder, x: x + width - 1, y: cy)
            for cx in (x + 1)..<(x + width - 1) { canvas.put(" ", role: .boxFill, x: cx, y: cy) }
        }
        canvas.put("╭", role: .boxBorder, x: x, y: y)
        canvas.put("╮", role: .boxBorder, x: x + width - 1, y: y)
        canvas.put("╰", role: .boxBorder, x: x, y: bottom)
        canvas.put("╯", role: .boxBorder, x: x + width - 1, y: bottom)
        if !tag.isEmpty { canvas.write(" \(tag) ", role: .typeTag, x: x + 1, y: y) }
        // Bottom left is free of ports (the catch port is at least five cells in).
        if hasRetry { canvas.put("↻", role: .retryMark, x: x + 1, y: bottom) }
        for (i, line) in lines.enumerated() {
            canvas.write(line, role: .stateName, x: x + (width - cellWidth(line)) / 2, y: y + 1 + i)
        }
        if let foldedSummary {
            canvas.write(foldedSummary, role: .typeTag, x: x + (width - cellWidth(foldedSummary)) / 2, y: y + 1 + lines.count)
        }
        for cx in (x + width)..<(x + width + markerWidth) {
            canvas.put(" ", role: .markerSlot, x: cx, y: y + 1)
        }
        drawFrames(into: &canvas, x: x, y: y + 1 + lines.count, enclosing: enclosing)
    }

    private func drawFrames(into canvas: inout GraphCanvas, x: Int, y: Int, enclosing: String) {
        guard !nested.isEmpty else { return }
        let framesWidth = nested.reduce(0) { $0 + $1.width + 4 } + nested.count - 1
        var fx = x + (width - framesWidth) / 2
        for inner in nested {
            let fw = inner.width + 4
            let fh = inner.height + 2
            for cx in fx..<(fx + fw) {
                canvas.put("─", role: .frameBorder, x: cx, y: y)
                canvas.put("─", role: .frameBorder, x: cx, y: y + fh - 1)
            }
            for cy in (y + 1)..<(y + fh - 1) {
                canvas.put("│", role: .frameBorder, x: fx, y: cy)
                canvas.put("│", role: .frameBorder, x: fx + fw - 1, y: cy)
            }
            canvas.put("┌", role: .frameBorder, x: fx, y: y)
            canvas.put("┐", role: .frameBorder, x: fx + fw - 1, y: y)
            canvas.put("└", role: .frameBorder, x: fx, y: y + fh - 1)
            canvas.put("┘", role: .frameBorder, x: fx + fw - 1, y: y + fh - 1)
            canvas.blit(inner, dx: fx + 2, dy: y + 1, enclosing: enclosing)
            fx += fw + 1
        }
    }

    /// A name split over at most two rows of `innerLimit` cells, preferring a break after a
    /// separator or before a capital (camelCase names are the norm), the rest cut with `…`.
    static func wrap(_ name: String, innerLimit: Int) -> [String] {
        guard cellWidth(name) > innerLimit else { return [name] }
        let chars = Array(name)
        var used = 0
        var fit = 0
        var breakAt = 0
        for (i, c) in chars.enumerated() {
            let w = cellWidth(c)
            if used + w > innerLimit { break }
            used += w
            fit = i + 1
            if " -_.:/".contains(c) { breakAt = i + 1 }
            if i + 1 < chars.count, chars[i + 1].isUppercase, c.isLowercase || c.isNumber { breakAt = i + 1 }
        }
        let cut = breakAt * 2 >= fit ? breakAt : fit
        var first = String(chars[..<cut])
        while first.last == " " { first.removeLast() }
        let rest = String(chars[cut...]).drop { $0 == " " }
        return [first, truncated(String(rest), toCells: innerLimit)]
    }
}

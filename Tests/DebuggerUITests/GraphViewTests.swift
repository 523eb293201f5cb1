import Foundation
import ScreenSnapshots
import Testing

@testable import DebuggerUI

/// The order-processing sample, laid out.
private func orderCanvas() throws -> GraphCanvas {
    let path = packageRoot().appendingPathComponent("samples/order-processing/order-processing.asl.json").path
    let machine = try #require(try DefinitionLoader.load(file: path, validate: false).machine)
    return GraphLayout.layout(machine)
}

/// Renders at the top left of an 80×24 screen.
private func render(_ view: GraphView, size: Size = Size(width: 80, height: 24), offset: Point = .zero) -> Screen {
    var screen = Screen(size: size)
    view.render(scroll: ScrollState(offset: offset), in: Rect(size), on: &screen)
    return screen
}

/// Where `text` starts on screen (column counted in cells), if it is there.
private func find(_ text: String, in screen: Screen) -> Point? {
    for (y, row) in screen.rows().enumerated() {
        guard let range = row.range(of: text) else { continue }
        return Point(x: cellWidth(String(row[..<range.lowerBound])), y: y)
    }
    return nil
}

@Suite struct GraphViewTests {
    @Test func showsEveryStateName() throws {
        let screen = render(GraphView(canvas: try orderCanvas(), marks: GraphMarks()))
        for name in ["ValidateOrder", "ProcessPayment", "ShipOrder", "NotifyOrderError"] {
            #expect(find(name, in: screen) != nil, "\(name) missing")
        }
    }

    @Test func currentStateIsHighlightedWithADotBesideIt() throws {
        let view = GraphView(canvas: try orderCanvas(), marks: GraphMarks(current: "ProcessPayment"))
        let screen = render(view)
        let box = try #require(view.box(of: "ProcessPayment"))
        let plain = render(GraphView(canvas: view.canvas, marks: GraphMarks()))
        // Every cell of the box proper (the marker slot is its last two columns) stands out,
        // except where edges leave or arrive, which keep their edge styling.
        let edgeEnds = Set(view.canvas.edges.flatMap { [$0.cells.first!, $0.cells.last!] })
        for y in box.y..<box.maxY {
            for x in box.x..<(box.maxX - 2) where !edgeEnds.contains(GridPoint(x: x, y: y)) {
                #expect(screen[x, y].style.background != .default, "cell \(x),\(y) not highlighted")
                #expect(plain[x, y].style.background == .default)
            }
        }
        let name = try #require(find("ProcessPayment", in: screen))
        #expect(screen[box.maxX - 2, name.y].text == "●")
        #expect(plain[box.maxX - 2, name.y].text == " ")
    }

    @Test func visitedStatesShowATickAndAGreenBorder() throws {
        let view = GraphView(canvas: try orderCanvas(), marks: GraphMarks(visited: ["ValidateOrder"]))
        let screen = render(view)
        let box = try #require(view.box(of: "ValidateOrder"))
        let name = try #require(find("ValidateOrder", in: screen))
        #expect(screen[box.maxX - 2, name.y].text == "✓")
        #expect(screen[box.x, box.y].style.foreground == .green)
        #expect(find("✓", in: screen)?.y == name.y, "only the visited state is ticked")
    }

    @Test func failedStatesShowACrossAndARedBorder() throws {
        let view = GraphView(canvas: try orderCanvas(), marks: GraphMarks(visited: ["ValidateOrder"], failed: ["ValidateOrder"]))
        let screen = render(view)
        let box = try #require(view.box(of: "ValidateOrder"))
        #expect(screen[box.maxX - 2, box.y + 1].text == "✗")
        #expect(screen[box.x, box.y].style.foreground == .red)
    }

    @Test func breakpointDiamondSitsBesideTheStatusMarker() throws {
        let marks = GraphMarks(current: "ProcessPayment", breakpoints: ["ProcessPayment", "ShipOrder"])
        let view = GraphView(canvas: try orderCanvas(), marks: marks)
        let screen = render(view)
        let payment = try #require(view.box(of: "ProcessPayment"))
        #expect(screen[payment.maxX - 2, payment.y + 1].text == "●")
        #expect(screen[payment.maxX - 1, payment.y + 1].text == "◆")
        #expect(screen[payment.maxX - 1, payment.y + 1].style.foreground == .red)
        let ship = try #require(view.box(of: "ShipOrder"))
        #expect(screen[ship.maxX - 1, ship.y + 1].text == "◆")
    }

    @Test func retryProgressFollowsTheRetryMark() throws {
        let canvas = try orderCanvas()
        let progress = RetryProgress(made: 2, max: 4)
        let view = GraphView(canvas: canvas, marks: GraphMarks(attempts: ["ProcessPayment": progress, "ValidateOrder": progress]))
        let screen = render(view)
        let box = try #require(view.box(of: "ProcessPayment"))
        let bottom = box.maxY - 1
        let at = try #require(find("↻2/4", in: screen))
        #expect(at.y == bottom && at.x == box.x + 1)
        #expect(screen[at.x + 1, bottom].style.attributes.contains(.bold))
        // ValidateOrder has no Retry, so its count is not shown; nothing else changed.
        let plain = render(GraphView(canvas: canvas, marks: GraphMarks()))
        var changed: [Point] = []
        for y in 0..<24 { for x in 0..<80 where screen[x, y] != plain[x, y] { changed.append(Point(x: x, y: y)) } }
        #expect(changed == (1...3).map { Point(x: at.x + $0, y: bottom) })
    }

    @Test func takenEdgesStandOutAlongTheirWholeLength() throws {
        let canvas = try orderCanvas()
        let view = GraphView(canvas: canvas, marks: GraphMarks(takenEdges: [GraphEdgeKey(from: "ValidateOrder", to: "ProcessPayment")]))
        let screen = render(view)
        func cells(from: String, to: String) throws -> [GridPoint] {
            let a = try #require(canvas.stateIndices(named: from).first), b = try #require(canvas.stateIndices(named: to).first)
            return try #require(canvas.edgeIndices(from: a, to: b).first.map { canvas.edges[$0].cells })
        }
        let taken = try cells(from: "ValidateOrder", to: "ProcessPayment")
        let untaken = try cells(from: "ProcessPayment", to: "ShipOrder")
        #expect(screen[taken.last!.x, taken.last!.y].text == "▼")
        for p in taken { #expect(screen[p.x, p.y].style.attributes.contains(.bold) && screen[p.x, p.y].style.foreground == .green) }
        for p in untaken { #expect(screen[p.x, p.y].style == .plain) }
    }

    @Test func catchEdgesAndLabelsHaveTheirOwnColour() throws {
        let screen = render(GraphView(canvas: try orderCanvas(), marks: GraphMarks()))
        let label = try #require(find("PaymentFailedError", in: screen))
        #expect(screen[label.x, label.y].style.foreground == .magenta)
        let dashed = try #require(find("┄┄┄", in: screen))
        #expect(screen[dashed.x, dashed.y].style.foreground == .magenta)
        let tag = try #require(find("Task", in: screen))
        #expect(screen[tag.x, tag.y].style.attributes.contains(.dim))
    }

    @Test func monochromeKeepsMeaningInAttributes() throws {
        let marks = GraphMarks(current: "ProcessPayment", selected: "ShipOrder", visited: ["ValidateOrder", "ProcessPayment"],
                               failed: ["ProcessPayment"], breakpoints: ["ShipOrder"],
                               attempts: ["ProcessPayment": RetryProgress(made: 2, max: 4)],
                               takenEdges: [GraphEdgeKey(from: "ValidateOrder", to: "ProcessPayment")])
        let view = GraphView(canvas: try orderCanvas(), marks: marks, colors: false)
        let screen = render(view)
        for cell in screen.cells {
            #expect(cell.style.foreground == .default && cell.style.background == .default)
        }
        let current = try #require(find("ProcessPayment", in: screen))
        #expect(screen[current.x, current.y].style.attributes.contains(.reverse))
        let selected = try #require(find("ShipOrder", in: screen))
        #expect(screen[selected.x, selected.y].style.attributes.contains(.underline))
        #expect(!screen[selected.x, selected.y].style.attributes.contains(.reverse))
        #expect(find("✓", in: screen) != nil && find("●", in: screen) != nil && find("◆", in: screen) != nil)
        #expect(find("↻2/4", in: screen) != nil)
    }

    @Test func selectedNameIsMarkedWhenItIsNotCurrent() throws {
        let canvas = try orderCanvas()
        let both = render(GraphView(canvas: canvas, marks: GraphMarks(current: "ShipOrder", selected: "ValidateOrder")))
        let name = try #require(find("ValidateOrder", in: both))
        #expect(both[name.x, name.y].style == Style(foreground: .black, background: .cyan, attributes: .bold))
        let ship = try #require(find("ShipOrder", in: both))
        #expect(both[ship.x, ship.y].style.background == .yellow)
    }
}

extension GraphViewTests {
    @Test func rendersOnlyInsideItsRectangle() throws {
        let view = GraphView(canvas: try orderCanvas(), marks: GraphMarks(current: "ProcessPayment", visited: ["ValidateOrder"]))
        let sentinel = Cell("#", style: .fg(.blue))
        for rect in [Rect(x: 5, y: 3, width: 20, height: 8), Rect(x: 30, y: 15, width: 20, height: 20), Rect(x: -4, y: -2, width: 9, height: 5)] {
            for offset in [Point(x: 10, y: 4), Point(x: -3, y: -1), Point(x: 200, y: 100), Point(x: 41, y: 2)] {
                var screen = Screen(size: Size(width: 40, height: 20), fill: sentinel)
                view.render(scroll: ScrollState(offset: offset), in: rect, on: &screen)
                for y in 0..<20 {
                    for x in 0..<40 where !rect.contains(Point(x: x, y: y)) {
                        #expect(screen[x, y] == sentinel, "\(rect) at \(offset): wrote outside at \(x),\(y)")
                    }
                }
            }
        }
    }

    @Test func clickFindsTheStateUnderTheCellAfterScrolling() throws {
        let view = GraphView(canvas: try orderCanvas(), marks: GraphMarks())
        let rect = Rect(x: 10, y: 5, width: 30, height: 6)
        let scroll = ScrollState(offset: Point(x: 20, y: 4))
        var screen = Screen(size: Size(width: 80, height: 24))
        view.render(scroll: scroll, in: rect, on: &screen)
        let name = try #require(find("ProcessPayment", in: screen))
        #expect(rect.contains(name))
        #expect(view.state(at: name, scroll: scroll, in: rect) == "ProcessPayment")
        #expect(view.state(at: Point(x: name.x, y: name.y - 1), scroll: scroll, in: rect) == "ProcessPayment", "top border")
        #expect(view.state(at: Point(x: rect.x, y: rect.y), scroll: scroll, in: rect) == nil, "blank canvas")
        #expect(view.state(at: Point(x: name.x, y: rect.maxY), scroll: scroll, in: rect) == nil, "outside the panel")
    }

    @Test func followingABoxBringsTheStateIntoATinyViewport() throws {
        let view = GraphView(canvas: try orderCanvas(), marks: GraphMarks(current: "NotifyOrderError"))
        let viewport = Size(width: 24, height: 4)
        var scroll = ScrollState()
        var screen = Screen(size: viewport)
        view.render(scroll: scroll, in: Rect(viewport), on: &screen)
        #expect(find("NotifyOrderError", in: screen) == nil)
        scroll.follow(try #require(view.box(of: "NotifyOrderError")), content: view.contentSize, viewport: viewport)
        view.render(scroll: scroll, in: Rect(viewport), on: &screen)
        #expect(find("NotifyOrderError", in: screen) != nil)
        #expect(find("●", in: screen) != nil)
        #expect(view.box(of: "Nowhere") == nil)
    }

    @Test func statesReadTopToBottom() throws {
        let view = GraphView(canvas: try orderCanvas(), marks: GraphMarks())
        #expect(view.statesInReadingOrder == ["ValidateOrder", "ProcessPayment", "ShipOrder", "NotifyOrderError"])
        #expect(view.contentSize == Size(width: view.canvas.width, height: view.canvas.height))
    }

    @Test func wideNamesStayWholeWhenTheViewportCutsThem() throws {
        let loaded = DefinitionLoader.load(text: """
        {"StartAt": "注文を確認", "States": {"注文を確認": {"Type": "Pass", "End": true}}}
        """, validate: false)
        let view = GraphView(canvas: GraphLayout.layout(try #require(loaded.machine)), marks: GraphMarks(current: "注文を確認"))
        let full = render(view, size: Size(width: 30, height: 4))
        let start = try #require(find("注文を確認", in: full))
        for dx in 0...3 {
            let screen = render(view, size: Size(width: 30, height: 4), offset: Point(x: start.x + dx, y: 0))
            for row in screen.rows() { #expect(cellWidth(row) == 30, "offset \(start.x + dx): \(row)") }
            // The name row stays highlighted right up to the panel's edge, half characters included.
            #expect(screen[0, start.y].style.background == .yellow)
        }
    }

    @Test func sketchMomentSnapshot() throws {
        let marks = GraphMarks(current: "ProcessPayment", selected: "ShipOrder", visited: ["ValidateOrder", "ProcessPayment"],
                               failed: ["ProcessPayment"], breakpoints: ["ProcessPayment"],
                               attempts: ["ProcessPayment": RetryProgress(made: 2, max: 4)],
                               takenEdges: [GraphEdgeKey(from: "ValidateOrder", to: "ProcessPayment")])
        let view = GraphView(canvas: try orderCanvas(), marks: marks)
        expectSnapshot(render(view), named: "graph-order-80x24")
        var odd = Screen(size: Size(width: 33, height: 9))
        view.render(scroll: ScrollState(offset: Point(x: 17, y: 3)), in: Rect(x: 1, y: 1, width: 31, height: 7), on: &odd)
        expectSnapshot(odd, named: "graph-order-33x9-scrolled")
    }
}

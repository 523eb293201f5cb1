import Foundation
import Testing
@testable import DebuggerUI

/// The graph panel on a machine much larger than the panel: cut names say so, the view centres
/// on the selected and the current state, every side says when more lies beyond it, the title
/// counts states, a resize keeps the selection in view, and the compact zoom and folding shrink
/// what has to fit.
@Suite struct GraphViewportTests {
    static let largest = GraphCorpusTests.corpus.appendingPathComponent(
        "extracted/aws-control-tower-customizations__customizations-for-aws-control-tower.template__Resources_StackSetStateMachine_Properties_DefinitionString.json").path
    static let size = Size(width: 80, height: 24)

    /// The 91-state real-world definition in the debugger (every task answered with `{}`).
    static func largestApp(size: Size = size) throws -> DebuggerApp {
        let loaded = DefinitionLoader.load(bytes: try DefinitionFile.read(largest), fileName: "stackset.json", validate: false)
        let machine = try #require(loaded.machine)
        let answers = ClosureTaskSource { _ in .succeeded([:]) }
        var app = DebuggerApp(session: DebugSession(SessionSetup(definition: machine, input: [:], taskSource: answers)), title: "stackset")
        _ = app.update(.resize(size))
        return app
    }

    /// The graph panel's rows (borders included) of a frame.
    static func graphRows(_ app: DebuggerApp, size: Size = size) throws -> [String] {
        let rect = try #require(app.panelRect(.graph, size: size))
        return app.rows(size)[rect.y..<rect.maxY].map { String($0.prefix(rect.width)) }
    }

    @Test func aNameCutByThePanelEdgeEndsInAnEllipsis() throws {
        let path = packageRoot().appendingPathComponent("samples/order-processing/order-processing.asl.json").path
        let canvas = GraphLayout.layout(try #require(try DefinitionLoader.load(file: path, validate: false).machine))
        let box = try #require(GraphView(canvas: canvas, marks: GraphMarks()).box(of: "NotifyOrderError"))
        var screen = Screen(width: 12, height: canvas.height)
        // Scrolled so the name starts three cells left of the panel: "…fyOrderErr…", not "ifyOrderErro".
        let nameX = try #require(canvas.render()[box.y + 1].range(of: "NotifyOrderError")).lowerBound
        let x = canvas.render()[box.y + 1].distance(from: canvas.render()[box.y + 1].startIndex, to: nameX)
        GraphView(canvas: canvas, marks: GraphMarks()).render(scroll: ScrollState(offset: Point(x: x + 3, y: 0)), in: screen.bounds, on: &screen)
        #expect(screen.rows()[box.y + 1].hasPrefix("…fyOrderErr…"))
    }

    @Test func theTitleCountsStatesAndTheSidesSayWhereMoreIs() throws {
        var app = try Self.largestApp()
        var rows = try Self.graphRows(app)
        #expect(rows[0].hasPrefix("┏ Graph · 1/91 "))
        #expect(rows.joined().contains("Metrics Pass"))
        // The start is at the top: more below and to both sides, nothing above.
        #expect(rows.last!.contains("▼") && !rows[0].contains("▲"))
        #expect(rows.contains { $0.hasPrefix("◀") } && rows.contains { $0.hasSuffix("▶") })
        app.press(.end)
        rows = try Self.graphRows(app)
        let last = try #require(app.selectedState)
        #expect(rows[0].hasPrefix("┏ Graph · 91/91 "))
        #expect(rows[0].contains("▲"))
        #expect(rows.joined().contains(String(last.prefix(10))), "the last state \(last) is in view:\n\(rows.joined(separator: "\n"))")
    }

    @Test func theSelectedStateIsCentredAndStaysInViewAfterAResize() throws {
        var app = try Self.largestApp()
        for _ in 0..<10 { app.press(.down) }
        let name = try #require(app.selectedState)
        let rows = try Self.graphRows(app)
        let row = try #require(rows.firstIndex { $0.contains(name) })
        // Centred across the panel: as much room left of the name as right of it, give or take the box's rounding.
        let line = rows[row]
        let left = line.distance(from: line.startIndex, to: line.range(of: name)!.lowerBound)
        let right = line.count - left - name.count
        #expect(abs(left - right) <= 6, "\(line)")
        let small = Size(width: 60, height: 16)
        _ = app.update(.resize(small))
        #expect(try Self.graphRows(app, size: small).joined().contains(name.prefix(8)))
    }

    @Test func theCurrentStateIsFollowed() throws {
        var app = try Self.largestApp()
        for _ in 0..<30 { app.press(.char("s")) }
        let current = try #require(app.currentState)
        #expect(try Self.graphRows(app).joined().contains(String(current.prefix(8))), "\(current)")
    }

    @Test func theCompactZoomLaysTheGraphOutNarrowerAndBack() throws {
        var app = try Self.largestApp()
        let full = app.graph.width
        app.press(.char("-"))
        #expect(app.compactGraph)
        #expect(app.graph.width * 4 < full * 3, "compact \(app.graph.width) of \(full) columns")
        #expect(try Self.graphRows(app)[0].contains("compact"))
        #expect(!(try Self.graphRows(app).joined().contains("╭ Task")), "no type tags")
        app.press(.char("-"))
        #expect(app.graph.width == full)
    }

    @Test func foldingAParallelHidesItsBranchesAndItStandsForThem() throws {
        var app = try AppHarness.app("parallel", testCase: nil, size: Size(width: 100, height: 30))
        let size = Size(width: 100, height: 30)
        #expect(app.text(size).contains("CheckStock"))
        let start = try #require(app.selectedState)
        app.press(.enter)
        #expect(app.foldedStates.count == 1)
        var text = try Self.graphRows(app, size: size).joined(separator: "\n")
        #expect(text.contains("▸ 2 branches, 2 states"))
        #expect(!text.contains("CheckStock"))
        #expect(text.contains("Graph · 1/2"))
        // Stepping into a branch puts the execution in the folded box: it is the current one.
        app.press(.char("s"), .char("s"))
        #expect(app.currentState != start)
        text = try Self.graphRows(app, size: size).joined(separator: "\n")
        #expect(text.contains("│●"), "\(text)")
        app.selectedState = start
        app.press(.enter)
        #expect(app.foldedStates.isEmpty)
        #expect(app.text(size).contains("CheckStock"))
    }
}

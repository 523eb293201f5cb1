import StateGraph
import StatesLanguage
import Testing

@Suite struct CanvasTests {
    @Test func everyStateHasABoxAndAMarkerSlot() throws {
        let canvas = GraphLayout.layout(orderProcessingSample())
        let pay = try #require(canvas.stateIndices(named: "ProcessPayment").first)
        let state = canvas.states[pay]
        #expect(state.typeName == "Task")
        #expect(state.pointer == "/States/ProcessPayment")
        #expect(canvas[state.rect.x, state.rect.y].character == "╭")
        #expect(state.markerSlot.x == state.rect.maxX && state.markerSlot.width == 2)
        for x in state.markerSlot.x..<state.markerSlot.maxX {
            #expect(canvas[x, state.markerSlot.y].role == .markerSlot)
            #expect(canvas[x, state.markerSlot.y].character == " ")
        }
        let centre = GridPoint(x: state.rect.x + state.rect.width / 2, y: state.rect.y + 1)
        #expect(canvas.stateIndex(at: centre) == pay)
        #expect(canvas.stateIndex(at: GridPoint(x: -1, y: -1)) == nil)
    }

    @Test func edgesKnowTheirKindLabelAndStyle() throws {
        let canvas = GraphLayout.layout(orderProcessingSample())
        let validate = canvas.stateIndices(named: "ValidateOrder")[0]
        let notify = canvas.stateIndices(named: "NotifyOrderError")[0]
        let edge = canvas.edges[try #require(canvas.edgeIndices(from: validate, to: notify).first)]
        #expect(edge.kind == .catch(0))
        #expect(edge.label == "ValidationError")
        #expect(!edge.isBackEdge)
        let middle = edge.cells.dropFirst().dropLast()
        #expect(middle.allSatisfy { canvas[$0.x, $0.y].role == .catchEdge || canvas[$0.x, $0.y].role == .edge })
        #expect(middle.contains { canvas[$0.x, $0.y].character == "┆" })
        #expect(canvas[edge.cells.last!.x, edge.cells.last!.y].character == "▼")
    }

    @Test func loopsAreBackEdgesPointingUp() throws {
        let m = machine("Wait", [wait("Wait", next: "Check"),
                                 choice("Check", [(compare("$.done", "BooleanEquals", true), "End")], default: "Wait"),
                                 succeed("End")])
        let canvas = GraphLayout.layout(m)
        checkProperties(canvas, expectedStates: 3, "loop")
        let back = try #require(canvas.edges.first { $0.isBackEdge })
        #expect(back.kind == .choiceDefault && back.label == "default")
        #expect(canvas.states[back.to].name == "Wait")
        #expect(canvas[back.cells.last!.x, back.cells.last!.y].character == "▲")
        #expect(back.cells.first!.y > back.cells.last!.y)
    }

    @Test func aStateThatCatchesIntoItselfGetsALoop() {
        let m = machine("Try", [task("Try", next: "Done", catches: [(["States.ALL"], "Try")]), succeed("Done")])
        let canvas = GraphLayout.layout(m)
        checkProperties(canvas, expectedStates: 2, "self loop")
        #expect(canvas.edges.contains { $0.from == $0.to && $0.isBackEdge && $0.label == "States.ALL" })
    }

    @Test func unreachableStatesAreStillPlacedBelow() {
        let m = machine("A", [task("A", next: "B"), succeed("B"), pass("Orphan", next: "B"), fail("Alone")])
        let canvas = GraphLayout.layout(m)
        checkProperties(canvas, expectedStates: 4, "unreachable")
        let b = canvas.states[canvas.stateIndices(named: "B")[0]].rect
        for name in ["Orphan", "Alone"] {
            #expect(canvas.states[canvas.stateIndices(named: name)[0]].rect.y > b.y)
        }
    }

    @Test func brokenDefinitionsStillLayOut() {
        // No StartAt match and a Next to nowhere: every state still gets a box, no edge is invented.
        let m = machine("Missing", [task("A", next: "Nowhere"), pass("B", next: "A")])
        let canvas = GraphLayout.layout(m)
        checkProperties(canvas, expectedStates: 2, "broken")
        #expect(canvas.edges.count == 1)
        #expect(GraphLayout.layout(machine("X", [])).render().isEmpty)
    }

    @Test func nestedStatesAreFramedInsideTheirParent() throws {
        let m = machine("P", [parallel("P", branches: [
            machine("A", [task("A")]),
            machine("B", [map("B", processor: machine("C", [task("C")]))]),
        ])])
        let canvas = GraphLayout.layout(m)
        checkProperties(canvas, expectedStates: 4, "nested")
        let p = canvas.states[0], c = try #require(canvas.states.first { $0.name == "C" })
        #expect(c.enclosing == ["P", "B"])
        #expect(p.rect.contains(GridPoint(x: c.rect.x, y: c.rect.y)))
        #expect(canvas.stateIndex(at: GridPoint(x: c.rect.x + 2, y: c.rect.y + 1)) == canvas.stateIndices(named: "C")[0])
    }

    @Test func wideNamesKeepBoxesAligned() {
        let m = machine("注文を確認", [task("注文を確認", next: "🚚 発送"), task("🚚 発送")])
        let canvas = GraphLayout.layout(m)
        checkProperties(canvas, expectedStates: 2, "wide")
        for s in canvas.states {
            // The right border sits exactly where the rectangle says, whatever the name's width.
            #expect(canvas[s.rect.maxX - 1, s.rect.y + 1].character == "│")
        }
    }

    @Test func boxesNeverExceedTheWidthCap() {
        let long = "ThisIsAnExtremelyLongStateNameThatNobodyShouldWriteButSomeoneWill"
        let canvas = GraphLayout.layout(machine(long, [pass(long)]))
        #expect(canvas.states[0].rect.width <= 24)
        #expect(canvas.render().joined().contains("…"))
    }
}

@Suite struct ViewportTests {
    @Test func aViewportShowsThePartOfTheCanvasItCovers() {
        let canvas = GraphLayout.layout(machine("A", [task("A", next: "B"), succeed("B")]))
        let full = canvas.render()
        let part = canvas.render(GridRect(x: 0, y: 0, width: 10, height: 3))
        #expect(part == full.prefix(3).map { String($0.prefix(10)) }.map { s in
            var s = s
            while s.last == " " { s.removeLast() }
            return s
        })
        #expect(canvas.render(GridRect(x: -5, y: -2, width: 3, height: 2)) == ["", ""])
    }

    @Test func aWideCharacterCutByTheViewportBecomesABlank() throws {
        let canvas = GraphLayout.layout(machine("注文", [pass("注文")]))
        let name = try #require(canvas.states.first)
        let row = name.rect.y + 1
        var firstWide = 0
        while canvas[firstWide, row].character != "注" { firstWide += 1 }
        #expect(canvas[firstWide + 1, row].isWideTail)
        let cut = canvas.render(GridRect(x: firstWide + 1, y: row, width: 3, height: 1))
        #expect(cut == [" 文"])
    }
}

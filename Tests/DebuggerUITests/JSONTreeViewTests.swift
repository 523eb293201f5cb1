import Testing
import DebuggerUI

@Suite struct JSONTreeViewTests {
    let order: JSON = [
        "orderId": "o-1001",
        "total": 42.5,
        "paid": false,
        "note": nil,
        "customer": ["id": 7, "tags": []],
        "items": ["book", ["sku": "A1", "qty": 2]],
    ]

    @Test func rowsReadAsPrettyPrintedJSONWithFoldMarkers() {
        let rows = JSONTreeView(order).rows()
        #expect(rows.map(\.text) == [
            #" ▾ {"#,
            #"     "orderId": "o-1001","#,
            #"     "total": 42.5,"#,
            #"     "paid": false,"#,
            #"     "note": null,"#,
            #"   ▾ "customer": {"#,
            #"       "id": 7,"#,
            #"       "tags": []"#,
            #"     },"#,
            #"   ▾ "items": ["#,
            #"       "book","#,
            #"     ▾ {"#,
            #"         "sku": "A1","#,
            #"         "qty": 2"#,
            #"       }"#,
            #"     ]"#,
            #"   }"#,
        ])
        #expect(rows.map(\.pointer) == [
            "", "/orderId", "/total", "/paid", "/note", "/customer", "/customer/id", "/customer/tags", "/customer",
            "/items", "/items/0", "/items/1", "/items/1/sku", "/items/1/qty", "/items/1", "/items", "",
        ])
        // Enter folds from either bracket of a container; an empty one has nothing to fold.
        #expect(rows.filter(\.isContainer).map(\.pointer) == [
            "", "/customer", "/customer", "/items", "/items/1", "/items/1", "/items", "",
        ])
        #expect(rows.filter(\.isClosing).count == 4)
        #expect(rows.allSatisfy { $0.change == nil && !$0.containsChange })
    }

    @Test func keysStringsNumbersAndLiteralsHaveTheirOwnColours() {
        let rows = JSONTreeView(order).rows()
        func style(of text: String, inRow pointer: String) -> Style? {
            rows.first { $0.pointer == pointer }?.spans.first { $0.text == text }?.style
        }
        #expect(style(of: #""orderId""#, inRow: "/orderId")?.foreground == .cyan)
        #expect(style(of: #""o-1001""#, inRow: "/orderId")?.foreground == .green)
        #expect(style(of: "42.5", inRow: "/total")?.foreground == .magenta)
        #expect(style(of: "false", inRow: "/paid")?.foreground == .yellow)
        #expect(style(of: "null", inRow: "/note")?.foreground == .yellow)
        #expect(style(of: ",", inRow: "/orderId") == .plain)
    }

    @Test func collapsedContainersFoldToASummaryRowAndHideTheirMembers() {
        let rows = JSONTreeView(order, collapsed: ["/customer", "/items/1", "/customer/tags"]).rows()
        #expect(rows.map(\.text) == [
            #" ▾ {"#,
            #"     "orderId": "o-1001","#,
            #"     "total": 42.5,"#,
            #"     "paid": false,"#,
            #"     "note": null,"#,
            #"   ▸ "customer": { … }, 2 keys"#,
            #"   ▾ "items": ["#,
            #"       "book","#,
            #"     ▸ { … } 2 keys"#,
            #"     ]"#,
            #"   }"#,
        ])
        let customer = rows.first { $0.pointer == "/customer" }
        #expect(customer?.isCollapsed == true && customer?.isContainer == true)
        #expect(customer?.spans.last == Span(" 2 keys", style: .dim))
        #expect(!rows.contains { $0.pointer.hasPrefix("/customer/") || $0.pointer.hasPrefix("/items/1/") })

        let folded = JSONTreeView(["a": [1]], collapsed: [""]).rows()
        #expect(folded.map(\.text) == [" ▸ { … } 1 key"])
        #expect(JSONTreeView(["x", "y", "z"], collapsed: [""]).rows().map(\.text) == [" ▸ [ … ] 3 items"])
    }

    @Test func changesShowInTheGutterAndRemovedMembersStayVisible() {
        let old: JSON = [
            "orderId": "o-1001", "total": 42.5, "coupon": "SAVE10", "items": ["book", "pen", "cup"],
            "customer": ["id": 7, "name": "Ana"],
        ]
        let new: JSON = [
            "orderId": "o-1001", "total": 50, "items": ["book", "pen"],
            "customer": ["id": 7, "name": "Ana", "vip": true], "shipping": ["method": "air"],
        ]
        let rows = JSONTreeView(new, changes: JSONDiff(from: old, to: new).changes).rows()
        #expect(rows.map(\.text) == [
            #"~▾ {"#,
            #"     "orderId": "o-1001","#,
            #"~    "total": 50,  (was 42.5)"#,
            #"~  ▾ "items": ["#,
            #"       "book","#,
            #"       "pen""#,
            #"-      "cup""#,
            #"     ],"#,
            #"~  ▾ "customer": {"#,
            #"       "id": 7,"#,
            #"       "name": "Ana","#,
            #"+      "vip": true"#,
            #"     },"#,
            #"+  ▾ "shipping": {"#,
            #"+      "method": "air""#,
            #"+    }"#,
            #"-    "coupon": "SAVE10""#,
            #"   }"#,
        ])
        let byPointer = Dictionary(rows.filter { !$0.isClosing }.map { ($0.pointer, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byPointer["/total"]?.change == .changed)
        #expect(byPointer["/items/2"]?.change == .removed)
        #expect(byPointer["/coupon"]?.change == .removed)
        #expect(byPointer["/shipping/method"]?.change == .added)
        #expect(byPointer["/customer/vip"]?.change == .added)
        // Whole rows take the change's colour; the old value is a dim note.
        #expect(byPointer["/total"]?.spans.map(\.style.foreground).dropFirst(2).dropLast() == [.yellow, .yellow, .yellow, .yellow])
        #expect(byPointer["/total"]?.spans.last?.style == .dim)
        #expect(byPointer["/coupon"]?.spans.first?.style.foreground == .red)
        #expect(byPointer["/customer/vip"]?.spans.first?.style.foreground == .green)
    }

    @Test func aRemovedContainerIsShownWholeAndCanBeFolded() {
        let old: JSON = ["a": 1, "gift": ["to": "Bo", "wrap": true]]
        let new: JSON = ["a": 1]
        let changes = JSONDiff(from: old, to: new).changes
        #expect(JSONTreeView(new, changes: changes).rows().map(\.text) == [
            #"~▾ {"#,
            #"     "a": 1"#,
            #"-  ▾ "gift": {"#,
            #"-      "to": "Bo","#,
            #"-      "wrap": true"#,
            #"-    }"#,
            #"   }"#,
        ])
        let folded = JSONTreeView(new, changes: changes, collapsed: ["/gift"]).rows()
        #expect(folded.map(\.text) == [#"~▾ {"#, #"     "a": 1"#, #"-  ▸ "gift": { … } 2 keys"#, #"   }"#])
        #expect(folded[2].isContainer && folded[2].change == .removed)
    }

    @Test func ancestorsOfAChangeAreMarkedDimlyEvenWhenFolded() {
        let old: JSON = ["order": ["customer": ["address": ["city": "Oslo"]], "id": 1]]
        let new: JSON = ["order": ["customer": ["address": ["city": "Bergen"]], "id": 1]]
        let rows = JSONTreeView(new, changes: JSONDiff(from: old, to: new).changes, collapsed: ["/order/customer"]).rows()
        #expect(rows.map(\.text) == [
            #"~▾ {"#,
            #"~  ▾ "order": {"#,
            #"~    ▸ "customer": { … }, 1 key"#,
            #"       "id": 1"#,
            #"     }"#,
            #"   }"#,
        ])
        let folded = rows[2]
        #expect(folded.change == nil && folded.containsChange)
        #expect(folded.spans.first == Span("~", style: .dim))
        #expect(rows.filter(\.containsChange).map(\.pointer) == ["", "/order", "/order/customer"])
    }

    @Test func aReplacedDocumentMarksTheRootWithoutListingEveryMember() {
        let replaced = JSONChange(kind: .changed, path: [], oldValue: "pending", newValue: ["a": 1, "b": [2]])
        let rows = JSONTreeView(["a": 1, "b": [2]], changes: [replaced]).rows()
        #expect(rows.map(\.text) == [
            #"~▾ {  (was "pending")"#,
            #"     "a": 1,"#,
            #"   ▾ "b": ["#,
            #"       2"#,
            #"     ]"#,
            #"   }"#,
        ])
        #expect(rows.map(\.change) == [.changed, nil, nil, nil, nil, nil])

        let fromList = JSONChange(kind: .changed, path: [], oldValue: [1, 2], newValue: "done")
        #expect(JSONTreeView("done", changes: [fromList]).rows().map(\.text) == [#"~  "done"  (was [ … ] 2 items)"#])
    }

    @Test func controlCharactersAndEscapeSequencesAreShownEscaped() {
        let value: JSON = ["note": "line1\nline2\u{1B}[31mred\u{7F}\u{85}\u{2028}", "tab\tkey": "\"q\" \\"]
        let rows = JSONTreeView(value).rows()
        #expect(rows.map(\.text) == [
            #" ▾ {"#,
            #"     "note": "line1\nline2\u001B[31mred\u007F\u0085\u2028","#,
            #"     "tab\tkey": "\"q\" \\""#,
            #"   }"#,
        ])
        #expect(!rows.contains { $0.text.unicodeScalars.contains { visibleEscape($0) != nil } })
    }

    @Test func wideCharactersPassThroughAndMeasureTwoCellsEach() {
        let rows = JSONTreeView(["status": "出荷", "出荷日": "2024-05-01"]).rows()
        #expect(rows[1].text == #"     "status": "出荷","#)
        #expect(rows[2].text == #"     "出荷日": "2024-05-01""#)
        #expect(cellWidth(rows[1].text) == rows[1].text.count + 2)
    }

    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func rowsWithoutGutterAndFoldMarkersParseBackToTheDocument(seed: UInt64) throws {
        var documents = RandomDocuments(seed: seed)
        let value = documents.value(depth: 5)
        let rows = JSONTreeView(value).rows()
        #expect(try JSONParser().parse(documentText(rows)) == value)
        for row in rows where !row.isClosing {
            #expect(try value.value(atPointer: row.pointer) != nil, "row \(row.text) points nowhere")
        }
    }

    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func rowsStillInTheDocumentReadAsTheNewDocument(seed: UInt64) throws {
        var documents = RandomDocuments(seed: seed)
        let old = documents.value(depth: 5)
        let new = documents.mutated(documents.mutated(old))
        let changes = JSONDiff(from: old, to: new).changes
        let rows = JSONTreeView(new, changes: changes).rows()
        let kept = rows.filter { $0.change != .removed }
        #expect(try JSONParser().parse(documentText(kept)) == new)
        // Every member the diff says is gone has a row of its own, marked removed.
        let removedRows = Set(rows.filter { $0.change == .removed }.map(\.pointer))
        for change in changes where change.kind == .removed {
            #expect(removedRows.contains(change.pointer), "no row for removed \(change.pointer)")
        }
    }

    @Test func aLargeDocumentMarksExactlyItsChangedRows() throws {
        let items: [JSON] = (0..<3_000).map { i in
            ["sku": .string("SKU-\(i)"), "qty": .int(i % 7), "note": "gift wrap, please leave at the side door"]
        }
        let old: JSON = ["orderId": "o-1", "coupon": "SAVE10", "items": .array(items)]
        var new = old
        for i in stride(from: 0, to: items.count, by: 10) { try new.setValue(.int(99), atPointer: "/items/\(i)/qty") }
        _ = try new.removeValue(atPointer: "/items/2999")
        _ = try new.removeValue(atPointer: "/coupon")
        try new.setValue(["method": "air"], atPointer: "/shipping")
        let changes = JSONDiff(from: old, to: new).changes
        #expect(JSONPrinter.compact(new).utf8.count > 200_000)

        // Speed is measured by `asldb-bench ui`, not asserted here.
        let rows = JSONTreeView(new, changes: changes).rows()
        #expect(rows.count > 15_000)
        #expect(rows.filter { $0.change != nil }.count == 300 + 5 + 1 + 3)
    }

    /// The rows' text with the change gutter, indentation and fold column taken off, and any
    /// `(was …)` note dropped: what a user would copy as JSON.
    private func documentText(_ rows: [JSONTreeRow]) -> String {
        rows.map { row in
            let text = row.spans.filter { !$0.text.hasPrefix("  (was ") }.map(\.text).joined()
            return String(text.dropFirst(1 + 2 * row.depth + 2))
        }.joined(separator: "\n")
    }
}

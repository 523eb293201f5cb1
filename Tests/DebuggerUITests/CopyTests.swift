import Testing
@testable import DebuggerUI

/// `y` copies what is selected (a JSON value, a whole stage, an event, a state's definition,
/// a variable) and `Y` its path; the status line says what went to the clipboard.
@Suite struct CopyTests {
    @Test func yCopiesTheSelectedJSONValueAndYItsPath() throws {
        var app = try AppHarness.app()
        app.press(.tab, .char("/"))
        app.type("\"customer\"")
        app.press(.enter)
        app.press(.char("y"))
        let taken = app.takeCopiedText()
        let copied = try #require(taken)
        let value = try JSONParser().parse(copied)
        #expect(value["id"] == "c-42")
        #expect(app.message.hasPrefix("copied the value at $.customer of execution input"))
        #expect(app.message.contains("\(copied.utf8.count) bytes"))
        #expect(app.takeCopiedText() == nil, "handed over once")
        app.press(.char("Y"))
        #expect(app.takeCopiedText() == "$.customer")
    }

    @Test func yOnAStageHeadingCopiesTheWholeDocument() throws {
        var app = try AppHarness.app()
        app.press(.tab)
        let heading = try #require(app.dataFlowRows().firstIndex { $0.isHeading && $0.text.contains("execution input") })
        app.dataList.selection = heading
        app.press(.char("y"))
        let taken = app.takeCopiedText()
        let copied = try #require(taken)
        #expect(try JSONParser().parse(copied) == app.session.setup.input)
        #expect(app.message.contains("the whole execution input"))
    }

    @Test func yCopiesTheEventTheStateDefinitionAndAVariable() throws {
        var app = try AppHarness.app()
        app.press(.char("s"))
        // The graph: the selected state's definition as written.
        app.press(.char("y"))
        let first = app.takeCopiedText()
        let definition = try JSONParser().parse(try #require(first))
        #expect(definition["Type"] == "Task")
        #expect(app.message.contains("the definition of ValidateOrder"))
        // The timeline: the event at the cursor as AWS prints it.
        app.press(.tab, .tab, .char("y"))
        let second = app.takeCopiedText()
        let event = try JSONParser().parse(try #require(second))
        #expect(event["type"] == "TaskStateEntered")
        #expect(event["id"] == 2)
    }

    @Test func pathsReadTheSameValueAsJSONPath() throws {
        let document: JSON = ["items": [["sku": "A", "0": true]], "a b": ["it's": 1]]
        #expect(DebuggerApp.jsonPath("/items/0/sku", in: document) == "$.items[0].sku")
        #expect(DebuggerApp.jsonPath("/items/0/0", in: document) == "$.items[0]['0']")
        #expect(DebuggerApp.jsonPath("/a b/it's", in: document) == "$['a b']['it\\'s']")
        #expect(DebuggerApp.jsonPath("", in: document) == "$")
    }

    @Test func nothingToCopySaysWhatToSelect() throws {
        var app = try AppHarness.app()
        app.press(.tab, .tab)
        app.press(.char("y"))
        #expect(app.takeCopiedText() == nil)
        #expect(app.messageIsError)
    }
}

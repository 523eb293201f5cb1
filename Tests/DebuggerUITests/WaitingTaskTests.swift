import Testing
@testable import DebuggerUI

/// What a newcomer must act on is never cut: the key comes first in the message, a message too
/// long for the status line gets rows of its own, the log keeps every message whole, and a Task
/// nothing answers is explained in the data-flow panel with every way on.
@Suite struct WaitingTaskTests {
    static let size = Size(width: 80, height: 24)

    /// The order-processing sample without its mocks, stepped until ValidateOrder's attempt is refused.
    func blockedAtValidateOrder() throws -> DebuggerApp {
        var app = try AppHarness.app(testCase: nil)
        app.press(.char("s"), .char("s"))
        return app
    }

    @Test func aTaskNothingAnswersPutsTheAnswerKeyFirstAndListsTheWaysOn() throws {
        let app = try blockedAtValidateOrder()
        #expect(app.currentState == "ValidateOrder")
        let rows = app.rows(Self.size)
        // The message, whole, on a row of its own above the hints, which start with the same key.
        let status = rows[22] + rows[23]
        #expect(status.contains("a answer · nothing answers ValidateOrder: the data flow lists the ways on"))
        #expect(rows[23].hasPrefix(" a answer  u back"))
        let text = app.text(Self.size)
        for words in ["⏸ ValidateOrder is waiting for an answer", "nothing answers arn:aws:lambda", "a  answer by hand",
                      "e  make this attempt fail", "--mock-config FILE --test-case NAME", "--handler ValidateOrder=COMMAND"] {
            #expect(text.contains(words), "the data flow shows \(words)")
        }
    }

    @Test func answeringOrSteppingBackEndsTheWait() throws {
        var answered = try blockedAtValidateOrder()
        answered.press(.char("a"), .enter)
        #expect(!answered.text(Self.size).contains("is waiting for an answer"))
        #expect(!answered.message.hasPrefix("a answer"))
        var back = try blockedAtValidateOrder()
        back.press(.char("u"))
        #expect(!back.text(Self.size).contains("is waiting for an answer"))
        #expect(back.rows(Self.size)[23].hasPrefix(" s step"))
    }

    @Test func injectingAtTheWaitingTaskFailsThisAttempt() throws {
        var app = try blockedAtValidateOrder()
        app.press(.char("e"))
        guard case .inject(let form)? = app.overlay else { Issue.record("no inject dialog"); return }
        #expect(form.attempts.text == "now")
        app.press(.enter)
        let visit = try #require(app.session.visit(at: app.session.cursor))
        #expect(visit.stateName == "ValidateOrder")
        #expect(visit.errorDetails?.error.error == form.error.text)
    }

    @Test func aLongMessageTakesRowsOfItsOwnAndTheLogKeepsItWhole() throws {
        var app = try AppHarness.app()
        let long = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
            + "seventeen eighteen nineteen twenty twenty-one twenty-two twenty-three twenty-four twenty-five twenty-six "
            + "twenty-seven twenty-eight twenty-nine thirty"
        app.note(long)
        let rows = app.rows(Self.size)
        // Two message rows, the second ending in a pointer to the log, then the hints.
        #expect(rows[21].hasPrefix(" one two three"))
        #expect(rows[22].contains("… m log"))
        #expect(rows[23].hasPrefix(" s step"))
        #expect(rows[20].hasPrefix("└"), "the panels end above the status rows")
        app.press(.char("m"))
        #expect(app.overlayName == "messages")
        let log = app.text(Self.size)
        #expect(log.contains("twenty-nine thirty · s step"))
        #expect(log.contains("one two three"))
        app.press(.char("m"))
        #expect(app.overlay == nil)
    }

    @Test func aShortMessageStaysBesideTheHints() throws {
        var app = try AppHarness.app()
        app.press(.char("s"))
        let rows = app.rows(Self.size)
        #expect(rows[23].hasPrefix(" s step") && rows[23].hasSuffix("stopped at TaskStateEntered ValidateOrder "))
        #expect(rows[22].hasPrefix("└"))
    }

    @Test func theLogKeepsTheEnginesWholeExplanation() throws {
        var app = try blockedAtValidateOrder()
        app.press(.char("m"))
        let text = app.rows(Self.size).map { $0.trimmingCharacters(in: .init(charactersIn: "┃│ ")) }.joined(separator: " ")
        #expect(text.contains("nothing answers it: give a mock configuration"))
        app.press(.escape)
        #expect(app.overlay == nil)
    }
}

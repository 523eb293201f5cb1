/// The inject-an-error dialog: which error (the names that matter for the state, or any
/// typed name), its cause, and which attempts fail.
public struct InjectForm {
    public enum Field: Int, CaseIterable { case error, cause, attempts }

    public let state: String
    /// Error names offered for the state: its Retry and Catch names, then States.* ones.
    public let suggestions: [String]
    public internal(set) var suggestion = 0
    public internal(set) var error: TextInput
    public internal(set) var cause = TextInput("")
    /// `every`, `now`, `k`, `j-k` (0 is the first try) or `next N`.
    public internal(set) var attempts = TextInput("every")
    public internal(set) var field = Field.error
    /// Why the last Enter was refused, shown in the dialog.
    public internal(set) var problem: String?
    /// The attempt the state is on at this pause, when it is running; "now" needs one.
    let runningAttempt: Int?

    init(state: String, suggestions: [String], runningAttempt: Int?) {
        self.state = state
        self.suggestions = suggestions
        self.runningAttempt = runningAttempt
        error = TextInput(suggestions.first ?? "")
    }

    /// Handles a key; returns false when the key is not the form's (Enter, Esc).
    mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .tab: field = Field(rawValue: (field.rawValue + 1) % Field.allCases.count)!
        case .backTab: field = Field(rawValue: (field.rawValue + Field.allCases.count - 1) % Field.allCases.count)!
        case .up where field == .error:
            guard !suggestions.isEmpty else { return true }
            suggestion = (suggestion + suggestions.count - 1) % suggestions.count
            error.setText(suggestions[suggestion])
        case .down where field == .error:
            guard !suggestions.isEmpty else { return true }
            suggestion = (suggestion + 1) % suggestions.count
            error.setText(suggestions[suggestion])
        case .enter, .escape: return false
        default:
            switch field {
            case .error: return error.handle(key)
            case .cause: return cause.handle(key)
            case .attempts: return attempts.handle(key)
            }
        }
        return true
    }

    func render(in bounds: Rect, on screen: inout Screen) {
        var copy = self
        copy.draw(in: bounds, on: &screen)
    }

    private mutating func draw(in bounds: Rect, on screen: inout Screen) {
        let listHeight = min(suggestions.count, max(1, bounds.height - 14))
        let width = min(max(bounds.width - 8, 30), 64)
        let dialog = Dialog("Inject an error into \(state)",
                            lines: ["Every matching attempt of this Task fails with this error;",
                                    "Retry and Catch handle it exactly like a real one."],
                            hint: "Tab field · ↑↓ choose error · Enter arm · Esc cancel",
                            contentHeight: 5 + listHeight + 1, width: width)
        let area = dialog.render(in: bounds, on: &screen)
        var y = area.y
        func label(_ text: String, _ f: Field) -> Rect {
            let style: Style = field == f ? Style(foreground: .cyan, attributes: .bold) : .plain
            let x = screen.put(padded(text, toWidth: 10), at: Point(x: area.x, y: y), style: style, clip: area)
            return Rect(x: x, y: y, width: area.maxX - x, height: 1)
        }
        error.render(in: label("error", .error), on: &screen, focused: field == .error)
        y += 1
        let start = max(0, min(suggestion - listHeight + 1, suggestions.count - listHeight))
        for (i, name) in suggestions.enumerated().dropFirst(start).prefix(listHeight) {
            let chosen = i == suggestion && error.text == name
            screen.put((chosen ? "  ▸ " : "    ") + name, at: Point(x: area.x + 8, y: y),
                       style: chosen ? .bold : .dim, clip: area)
            y += 1
        }
        y += 1
        cause.render(in: label("cause", .cause), on: &screen, focused: field == .cause)
        y += 1
        attempts.render(in: label("attempts", .attempts), on: &screen, focused: field == .attempts)
        y += 1
        screen.put("every · now · k · j-k (0 = first try) · next N", at: Point(x: area.x + 10, y: y), style: .dim, clip: area)
        y += 1
        if let problem {
            screen.put(truncated(problem, toWidth: area.width), at: Point(x: area.x, y: y),
                       style: Style(foreground: .red, attributes: .bold), clip: area)
        }
    }
}

/// The dialog that edits JSON at a pause: the state input or a variable. The text is checked
/// before anything changes; a parse error is shown in place with its column.
public struct EditForm {
    public enum Target: Hashable {
        case input
        case variable(String)
    }

    public let target: Target
    public internal(set) var text: TextInput
    public internal(set) var problem: String?

    init(target: Target, value: JSON) {
        self.target = target
        text = TextInput(JSONPrinter.compact(value))
    }

    var title: String {
        switch target {
        case .input: return "Edit the state input"
        case .variable(let name): return "Edit the variable $\(name)"
        }
    }

    func render(in bounds: Rect, on screen: inout Screen) {
        var copy = self
        let dialog = Dialog(title, lines: ["JSON; the execution continues with it from this pause,",
                                           "and the history after this point is dropped."],
                            hint: "Enter apply · Esc cancel", contentHeight: 3, width: min(max(bounds.width - 8, 30), 90))
        let area = dialog.render(in: bounds, on: &screen)
        copy.text.render(in: area.row(0), on: &screen)
        if let problem {
            screen.put(truncated(problem, toWidth: area.width), at: Point(x: area.x, y: area.y + 2),
                       style: Style(foreground: .red, attributes: .bold), clip: area)
        }
    }
}

/// The dialog that adds a breakpoint of any kind from its spec.
public struct BreakpointForm {
    public internal(set) var text: TextInput
    public internal(set) var problem: String?

    init(text: String) {
        self.text = TextInput(text)
    }

    func render(in bounds: Rect, on screen: inout Screen) {
        var copy = self
        let dialog = Dialog("Add a breakpoint",
                            lines: ["enter:STATE  exit:STATE  error  error:NAME  retry  catch",
                                    "if:CONDITION on the state input, e.g. if:$.order.total > 100"],
                            hint: "Enter add · Esc cancel", contentHeight: 3, width: min(max(bounds.width - 8, 30), 70))
        let area = dialog.render(in: bounds, on: &screen)
        copy.text.render(in: area.row(0), on: &screen)
        if let problem {
            screen.put(truncated(problem, toWidth: area.width), at: Point(x: area.x, y: area.y + 2),
                       style: Style(foreground: .red, attributes: .bold), clip: area)
        }
    }
}

/// The dialog that answers a waiting Task attempt by hand: a result (JSON), or an error and
/// cause, as SendTaskSuccess / SendTaskFailure would for a task token.
public struct AnswerForm {
    public enum Field: Int, CaseIterable { case result, error, cause }

    public let state: String
    public let waitsForToken: Bool
    public internal(set) var result = TextInput("{}")
    public internal(set) var error = TextInput("")
    public internal(set) var cause = TextInput("")
    public internal(set) var field = Field.result
    public internal(set) var problem: String?

    init(state: String, waitsForToken: Bool) {
        self.state = state
        self.waitsForToken = waitsForToken
    }

    mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .tab, .down: field = Field(rawValue: (field.rawValue + 1) % Field.allCases.count)!
        case .backTab, .up: field = Field(rawValue: (field.rawValue + Field.allCases.count - 1) % Field.allCases.count)!
        case .enter, .escape: return false
        default:
            switch field {
            case .result: return result.handle(key)
            case .error: return error.handle(key)
            case .cause: return cause.handle(key)
            }
        }
        return true
    }

    func render(in bounds: Rect, on screen: inout Screen) {
        var copy = self
        let intro = waitsForToken
            ? "\(state) waits for its task token: answer as SendTaskSuccess (result) or SendTaskFailure (error)."
            : "Nothing answers \(state): type the task's result, or an error to make the attempt fail."
        let dialog = Dialog("Answer \(state)", lines: [intro, "An error name, when given, wins over the result."],
                            hint: "Tab field · Enter answer · Esc cancel", contentHeight: 5, width: min(max(bounds.width - 8, 30), 90))
        let area = dialog.render(in: bounds, on: &screen)
        let fields: [(String, Field)] = [("result", .result), ("error", .error), ("cause", .cause)]
        for (i, (name, f)) in fields.enumerated() {
            let style: Style = field == f ? Style(foreground: .cyan, attributes: .bold) : .plain
            let x = screen.put(padded(name, toWidth: 8), at: Point(x: area.x, y: area.y + i), style: style, clip: area)
            let rect = Rect(x: x, y: area.y + i, width: area.maxX - x, height: 1)
            switch f {
            case .result: copy.result.render(in: rect, on: &screen, focused: field == f)
            case .error: copy.error.render(in: rect, on: &screen, focused: field == f)
            case .cause: copy.cause.render(in: rect, on: &screen, focused: field == f)
            }
        }
        if let problem {
            screen.put(truncated(problem, toWidth: area.width), at: Point(x: area.x, y: area.y + 4),
                       style: Style(foreground: .red, attributes: .bold), clip: area)
        }
    }
}

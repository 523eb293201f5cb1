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
/// cause, as SendTaskSuccess / SendTaskFailure would for a task token; optionally after some
/// virtual seconds, with SendTaskHeartbeat every so often.
public struct AnswerForm {
    public enum Field: Int, CaseIterable { case result, error, cause, after, heartbeat }

    public let state: String
    public let waitsForToken: Bool
    public internal(set) var result = TextInput("{}")
    public internal(set) var error = TextInput("")
    public internal(set) var cause = TextInput("")
    /// Virtual seconds the worker takes before it answers.
    public internal(set) var after = TextInput("0")
    /// Seconds between the worker's heartbeats while it works; 0 = none.
    public internal(set) var heartbeat = TextInput("0")
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
            case .after: return after.handle(key)
            case .heartbeat: return heartbeat.handle(key)
            }
        }
        return true
    }

    /// The answer the form describes, or why it cannot be given.
    func response() -> Result<TaskResponse, ProblemText> {
        var answer: TaskResponse
        let errorName = error.text.trimmingWhitespace()
        if !errorName.isEmpty {
            answer = .failed(ExecutionError(errorName, cause: cause.text))
        } else {
            do {
                answer = .succeeded(try JSONParser().parse(result.text))
            } catch {
                return .failure(ProblemText("result: column \(error.location.column): \(error.message)"))
            }
        }
        guard let seconds = Int64(after.text.trimmingWhitespace()), seconds >= 0 else {
            return .failure(ProblemText("after: write a whole number of seconds (0 answers at once)"))
        }
        guard let every = Int64(heartbeat.text.trimmingWhitespace()), every >= 0 else {
            return .failure(ProblemText("heartbeat: write a whole number of seconds between heartbeats (0: none)"))
        }
        guard seconds > 0 else { return .success(answer) }
        guard every > 0, every < seconds else { return .success(.after(seconds: seconds, answer)) }
        // One delay per heartbeat interval: the engine reads nested delays as heartbeats.
        var left = seconds % every == 0 ? every : seconds % every
        answer = .after(seconds: left, answer)
        left = seconds - left
        while left > 0 {
            answer = .after(seconds: every, answer)
            left -= every
        }
        return .success(answer)
    }

    func render(in bounds: Rect, on screen: inout Screen) {
        var copy = self
        let intro = waitsForToken
            ? "\(state) waits for its task token: answer as SendTaskSuccess (result) or SendTaskFailure (error)."
            : "Nothing answers \(state): type the task's result, or an error to make the attempt fail."
        let dialog = Dialog("Answer \(state)", lines: [intro, "An error name, when given, wins over the result. Times are virtual seconds."],
                            hint: "Tab field · Enter answer · Esc cancel", contentHeight: 7, width: min(max(bounds.width - 8, 30), 96))
        let area = dialog.render(in: bounds, on: &screen)
        let fields: [(String, Field)] = [("result", .result), ("error", .error), ("cause", .cause),
                                         ("after s", .after), ("heartbeat every s", .heartbeat)]
        for (i, (name, f)) in fields.enumerated() {
            let style: Style = field == f ? Style(foreground: .cyan, attributes: .bold) : .plain
            let x = screen.put(padded(name, toWidth: 18), at: Point(x: area.x, y: area.y + i), style: style, clip: area)
            let rect = Rect(x: x, y: area.y + i, width: area.maxX - x, height: 1)
            switch f {
            case .result: copy.result.render(in: rect, on: &screen, focused: field == f)
            case .error: copy.error.render(in: rect, on: &screen, focused: field == f)
            case .cause: copy.cause.render(in: rect, on: &screen, focused: field == f)
            case .after: copy.after.render(in: rect, on: &screen, focused: field == f)
            case .heartbeat: copy.heartbeat.render(in: rect, on: &screen, focused: field == f)
            }
        }
        if let problem {
            screen.put(truncated(problem, toWidth: area.width), at: Point(x: area.x, y: area.y + 6),
                       style: Style(foreground: .red, attributes: .bold), clip: area)
        }
    }
}

/// A message saying why a form's content cannot be used.
public struct ProblemText: Error, Sendable {
    public var message: String
    init(_ message: String) { self.message = message }
}

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
        FormDrawing.problem(problem, row: area.y + 6, in: area, on: &screen)
    }
}

/// A message saying why a form's content cannot be used.
public struct ProblemText: Error, Sendable {
    public var message: String
    init(_ message: String) { self.message = message }
}

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
    public internal(set) var attempts: TextInput
    public internal(set) var field = Field.error
    /// Why the last Enter was refused, shown in the dialog.
    public internal(set) var problem: String?
    /// The attempt the state is on at this pause, when it is running; "now" needs one.
    let runningAttempt: Int?
    /// Whether the state's injection is being edited: Enter replaces it.
    public let replacing: Bool

    init(state: String, suggestions: [String], runningAttempt: Int?, attempts: String = "every", cause: String = "",
         replacing: Bool = false) {
        self.state = state
        self.attempts = TextInput(attempts)
        self.cause = TextInput(cause)
        self.replacing = replacing
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
        let dialog = Dialog((replacing ? "Edit the injection into " : "Inject an error into ") + state,
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
        FormDrawing.problem(problem, row: y, in: area, on: &screen)
    }
}


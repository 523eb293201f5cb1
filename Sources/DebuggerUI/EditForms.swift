/// The dialog that edits JSON at a pause: the state input or a variable. The text is checked
/// before anything changes; a parse error is shown in place with its column.
public struct EditForm {
    public enum Target: Hashable {
        case input
        /// Before the first state: the execution's input (the execution starts over with it).
        case executionInput
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
        case .executionInput: return "Edit the execution input"
        case .variable(let name): return "Edit the variable $\(name)"
        }
    }

    func render(in bounds: Rect, on screen: inout Screen) {
        let lines = target == .executionInput
            ? ["JSON; the execution starts with it, with the same seed,", "injections and breakpoints."]
            : ["JSON; the execution continues with it from this pause,", "and the history after this point is dropped."]
        FormDrawing.singleField(Dialog(title, lines: lines,
                                       hint: "Enter apply · Esc cancel", contentHeight: 3, width: min(max(bounds.width - 8, 30), 90)),
                                text, problem: problem, in: bounds, on: &screen)
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
        FormDrawing.singleField(Dialog("Add a breakpoint",
                                       lines: ["enter:STATE  exit:STATE  error  error:NAME  retry  catch",
                                               "if:CONDITION on the state input, e.g. if:$.order.total > 100"],
                                       hint: "Enter add · Esc cancel", contentHeight: 3, width: min(max(bounds.width - 8, 30), 70)),
                                text, problem: problem, in: bounds, on: &screen)
    }
}


/// Drawing shared by the dialogs.
enum FormDrawing {
    /// Why the last Enter was refused, on one row of a dialog's content.
    static func problem(_ problem: String?, row y: Int, in area: Rect, on screen: inout Screen) {
        guard let problem else { return }
        screen.put(truncated(problem, toWidth: area.width), at: Point(x: area.x, y: y),
                   style: Style(foreground: .red, attributes: .bold), clip: area)
    }

    /// A dialog with one text field on its first content row and its problem two rows below.
    static func singleField(_ dialog: Dialog, _ field: TextInput, problem: String?, in bounds: Rect, on screen: inout Screen) {
        var field = field
        let area = dialog.render(in: bounds, on: &screen)
        field.render(in: area.row(0), on: &screen)
        Self.problem(problem, row: area.y + 2, in: area, on: &screen)
    }
}

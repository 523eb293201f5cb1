/// `y` copies what is selected to the system clipboard and `Y` its path: the terminal is asked
/// with OSC 52, which works through tmux (with `set-clipboard on`) and SSH. The app only says
/// what to copy; the front end that owns the terminal writes it (`takeCopiedText`).
extension DebuggerApp {
    /// What is selected in the focused panel, as text to paste, and how to name it on the status line.
    func copyTarget(path: Bool) -> (text: String, what: String)? {
        switch focus {
        case .dataFlow:
            let rows = dataFlowRows()
            guard !rows.isEmpty else { return nil }
            let row = rows[min(dataList.selection ?? 0, rows.count - 1)]
            if let document = row.document, let pointer = row.pointer, let value = Self.part(of: document, under: "#" + pointer) {
                let where_ = Self.jsonPath(pointer, in: document)
                let stage = row.stage.map { " of " + $0 } ?? ""
                if path { return (where_, "the path \(where_)\(stage)") }
                let what = pointer.isEmpty ? "the whole \(row.stage ?? "stage")" : "the value at \(where_)\(stage)"
                return (JSONPrinter.pretty(value), what)
            }
            if path { return nil }
            return (row.text.trimmingWhitespace(), "the row's text")
        case .timeline:
            guard session.cursor > 0 else { return nil }
            let event = session.history[session.cursor - 1]
            if path { return nil }
            return (JSONPrinter.pretty(event.awsJSON), "event \(event.id) \(event.type.rawValue) as AWS prints it")
        case .graph:
            guard let name = targetState else { return nil }
            if path { return (name, "the state name \(name)") }
            guard let state = session.setup.definition.findState(name) else { return nil }
            return (JSONPrinter.pretty(state.raw), "the definition of \(name)")
        case .inspector:
            let rows = inspectorRows()
            guard !rows.isEmpty else { return nil }
            let row = rows[min(inspectorList.selection ?? 0, rows.count - 1)]
            if case .variable(let name)? = row.target {
                if path { return ("$" + name, "the variable name $\(name)") }
                let value = session.current.runningFrames.last?.variables[name]
                    ?? session.visit(at: session.cursor)?.variablesAfter?[name] ?? .null
                return (JSONPrinter.pretty(value), "the value of $\(name)")
            }
            if path { return nil }
            return (row.spans.map(\.text).joined().trimmingWhitespace(), "the row's text")
        }
    }

    /// `y` (value) or `Y` (path): hands the text to the terminal and says what went.
    mutating func copySelection(path: Bool) {
        guard let (text, what) = copyTarget(path: path) else {
            return report(path ? "Y copies a path: select a value in the data flow, a state or a variable"
                               : "nothing to copy here: select a value, a stage, an event or a state", error: true)
        }
        copiedText = text
        let size = text.utf8.count
        report("copied \(what) (\(size) byte\(size == 1 ? "" : "s")) to the clipboard (OSC 52)")
    }

    /// The text `y` copied since the last call, for the front end to send to the terminal.
    public mutating func takeCopiedText() -> String? {
        defer { copiedText = nil }
        return copiedText
    }

    /// A JSON Pointer into `document` as the JSONPath that reads the same value
    /// (`/items/0/sku` → `$.items[0].sku`, `/a b` → `$['a b']`).
    static func jsonPath(_ pointer: String, in document: JSON) -> String {
        guard let tokens = try? JSONPointer.parse(pointer) else { return "$" }
        var path = "$"
        var node: JSON? = document
        for token in tokens {
            let isIndex: Bool
            if case .array? = node { isIndex = true } else { isIndex = false }
            node = node.flatMap { JSONPointerWalk.child($0, token) }
            if isIndex {
                path += "[\(token)]"
            } else if let first = token.first, first.isLetter || first == "_",
                      token.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                path += "." + token
            } else {
                path += "['" + token.replacingAll("\\", with: "\\\\").replacingAll("'", with: "\\'") + "']"
            }
        }
        return path
    }
}

/// One step down a document, as a pointer token reads it.
enum JSONPointerWalk {
    static func child(_ value: JSON, _ token: String) -> JSON? {
        switch value {
        case .object(let members): return members[token]
        case .array(let items): return Int(token).flatMap { $0 >= 0 && $0 < items.count ? items[$0] : nil }
        default: return nil
        }
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation here).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}

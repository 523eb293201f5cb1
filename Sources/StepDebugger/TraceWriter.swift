/// The text account of a whole execution that `asldb trace` prints: every state visit with its
/// stages, the expression behind each, what changed, retries, catches and virtual times.
public struct TraceWriter {
    public var style: TextStyle
    /// Most change lines listed under one stage before the rest are summarised.
    public var maxChanges = 12

    public init(style: TextStyle = .plain) { self.style = style }

    /// Runs the session to the end (ignoring breakpoints) and writes its trace.
    public func trace(_ session: inout DebugSession, title: String) -> String {
        _ = try? session.jump(toEvent: 0)
        var engineProblem: String?
        running: while true {
            switch session.step().reason {
            case .finished: break running
            case .engineError(let message):
                engineProblem = message
                break running
            default: continue
            }
        }
        var out: [String] = []
        let s = style
        out.append(s.bold("asldb trace") + " · " + TextStyle.visible(title))
        out.append("seed \(session.setup.seed) · times are virtual, from the execution's start")
        for position in 1...max(1, session.recordedEvents) where position <= session.recordedEvents {
            _ = try? session.jump(toEvent: position)
            out.append(contentsOf: lines(for: session, at: position))
        }
        let last = session.current
        if !last.isFinished {
            out.append("")
            out.append(s.red("the execution stopped before its end") + (engineProblem.map { ": " + $0 } ?? ""))
        }
        return out.joined(separator: "\n") + "\n"
    }

    func lines(for session: DebugSession, at position: Int) -> [String] {
        let s = style
        let event = session.history[position - 1]
        let level = session.level(at: position)
        let pad = String(repeating: "  ", count: level)
        // Body lines sit under the state names, right of the time column.
        let body = String(repeating: " ", count: 10) + pad
        let time = s.dim(VirtualClockText.offset(event.timestamp - session.setup.options.startTime).padded(9))
        let type = event.type.rawValue
        var out: [String] = []
        switch true {
        case event.type == .executionStarted:
            out.append("")
            out.append(time + " " + s.bold("ExecutionStarted"))
            out += json(event.details?["input"] ?? .null, label: "input", pad: body)
        case type.hasSuffix("StateEntered"):
            let name = TextStyle.visible(event.stateName ?? "?")
            out.append("")
            let kind = String(type.dropLast("StateEntered".count))
            out.append(time + " " + pad + s.bold("▶ " + name) + " (\(kind))" + s.dim("  event \(event.id)"))
            if let visit = session.visit(at: position), !visit.variablesBefore.isEmpty {
                let vars = visit.variablesBefore.sorted { $0.key < $1.key }.map { "$\($0.key) = " + JSONPrinter.compact($0.value) }
                out.append(body + "  " + s.dim("variables: ") + TextStyle.visible(vars.joined(separator: ", ")))
            }
            out += json(event.details?["input"] ?? .null, label: "input", pad: body)
        case type.hasSuffix("Scheduled"):
            let attempt = session.visit(at: position)?.attempts ?? 1
            out.append(time + " " + pad + "  attempt \(attempt): " + type)
        case type.hasSuffix("StateExited"):
            guard let visit = session.visit(at: position) else { break }
            out += stages(visit, pad: body)
            if let assigned = visit.assigned, !assigned.isEmpty {
                for (name, value) in assigned { out.append(body + "  " + s.magenta("Assign $\(name)") + " = " + JSONPrinter.compact(value)) }
            }
            out.append(time + " " + pad + s.green("◀ " + TextStyle.visible(visit.stateName)) + (visit.next.map { " → " + TextStyle.visible($0) } ?? " (end)"))
        case event.type == .mapIterationStarted, event.type == .mapIterationSucceeded, event.type == .mapIterationFailed,
             event.type == .mapStateStarted, event.type == .parallelStateStarted:
            var text = type
            if let index = event.details?["index"]?.intValue { text += " [\(index)]" }
            if let length = event.details?["length"]?.intValue { text += " (\(length) items)" }
            out.append(time + " " + String(repeating: "  ", count: max(0, level)) + s.dim(text))
        case event.type == .executionSucceeded:
            out.append("")
            out.append(time + " " + s.green(s.bold("ExecutionSucceeded")))
            out += json(event.details?["output"] ?? .null, label: "output", pad: String(repeating: " ", count: 10))
        case event.type == .executionFailed, event.type == .executionTimedOut:
            out.append("")
            let error = event.details?["error"]?.stringValue ?? ""
            let cause = event.details?["cause"]?.stringValue ?? ""
            out.append(time + " " + s.red(s.bold(type)) + "  " + TextStyle.visible(error) + (cause.isEmpty ? "" : ": " + TextStyle.visible(cause)))
        default:
            break
        }
        if let details = event.stages?.errorDetails, !type.hasSuffix("StateExited"), let visit = session.visit(at: position) {
            let e = details.error
            out.append(time + " " + pad + "  " + s.red("✗ \(type): " + TextStyle.visible(e.error)) + (e.cause.isEmpty ? "" : " — " + TextStyle.visible(e.cause)))
            for line in session.errorExplanation(for: visit, at: event) {
                out.append(body + "    " + (line.contains("FAILS") ? s.red(line) : details.retryIndex != nil ? s.yellow(line) : line))
            }
            if details.isUnhandled { out += stages(visit, pad: body) }
        }
        return out
    }

    func stages(_ visit: StateVisit, pad: String) -> [String] {
        var out: [String] = []
        // The input was printed when the state was entered.
        for stage in visit.stages where stage.name != "input" {
            var head = pad + s(stage.name)
            if let expression = stage.expression { head += "  " + style.cyan(TextStyle.visible(expression)) }
            if let same = stage.sameAs {
                out.append(head + style.dim("  = " + same))
                continue
            }
            out.append(head)
            out += block(stage.value, pad: pad)
            if let base = stage.comparedWith, !stage.changes.isEmpty { out.append(pad + "  " + style.dim("changes from \(base):")) }
            for change in stage.changes.prefix(maxChanges) { out.append(pad + "  " + describe(change)) }
            if stage.changes.count > maxChanges { out.append(pad + "  … \(stage.changes.count - maxChanges) more changes") }
        }
        return out
    }

    private func s(_ name: String) -> String { style.bold(name) }

    func describe(_ change: JSONChange) -> String {
        let path = change.pointer.isEmpty ? "(whole document)" : TextStyle.visible(change.pointer)
        switch change.kind {
        case .added: return style.green("+ " + path) + " = " + clip(change.newValue)
        case .removed: return style.red("- " + path)
        case .changed: return style.yellow("~ " + path) + " " + clip(change.oldValue) + " → " + clip(change.newValue)
        }
    }

    func clip(_ value: JSON?) -> String {
        guard let value else { return "" }
        let text = TextStyle.visible(JSONPrinter.compact(value))
        return text.count > 60 ? String(text.prefix(57)) + "…" : text
    }

    /// A value printed as indented JSON lines. JSON lets C1 and bidirectional controls through
    /// raw, so they are escaped here; the lines stay valid JSON.
    func block(_ value: JSON, pad: String) -> [String] {
        JSONPrinter.pretty(value).split(separator: "\n", omittingEmptySubsequences: false).map { pad + "    " + TextStyle.visible(String($0)) }
    }

    func json(_ value: JSON, label: String, pad: String) -> [String] {
        [pad + style.bold(label)] + block(value, pad: pad)
    }
}

extension String {
    func padded(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}

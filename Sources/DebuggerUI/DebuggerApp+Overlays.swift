/// Keys while a dialog, the help or the search bar is open.
extension DebuggerApp {
    mutating func handleOverlayKey(_ key: Key) {
        switch overlay {
        case nil: return
        case .help, .messages:
            let bounds = Rect(lastSize)
            let count = overlayRows(width: TextBox.innerWidth(in: bounds)).count
            let page = TextBox.visibleRows(in: bounds)
            var offset = TextBox.clamped(overlayOffset, count: count, in: bounds)
            switch key {
            case .escape, .char("q"), .enter: overlay = nil
            case .char("?") where overlayName == "help": overlay = nil
            case .char("m") where overlayName == "messages": overlay = nil
            case .down, .char("j"): offset += 1
            case .up, .char("k"): offset -= 1
            case .pageDown, .char(" "): offset += page
            case .pageUp: offset -= page
            case .home: offset = 0
            case .end: offset = count
            default: break
            }
            overlayOffset = TextBox.clamped(offset, count: count, in: bounds)
        case .search(var input):
            switch key {
            case .escape: overlay = nil
            case .enter:
                overlay = nil
                find(input.text)
            default:
                _ = input.handle(key)
                overlay = .search(input)
            }
        case .breakpoint(var form):
            switch key {
            case .escape: overlay = nil
            case .enter:
                do {
                    let breakpoint = try session.addBreakpoint(form.text.text.trimmingWhitespace())
                    sessionChanged()
                    overlay = nil
                    report("breakpoint \(breakpoint.id) added: \(breakpoint.spec)")
                } catch {
                    form.problem = error.description
                    overlay = .breakpoint(form)
                }
            default:
                _ = form.text.handle(key)
                form.problem = nil
                overlay = .breakpoint(form)
            }
        case .edit(var form):
            switch key {
            case .escape: overlay = nil
            case .enter:
                do {
                    let pause: Pause
                    switch form.target {
                    case .input: pause = try session.editInput(form.text.text)
                    case .variable(let name): pause = try session.editVariable(name, form.text.text)
                    }
                    sessionChanged()
                    overlay = nil
                    describe(pause)
                    report(form.target == .input ? "state input changed; s steps on with it" : "variable changed; s steps on with it")
                } catch {
                    form.problem = error.description
                    overlay = .edit(form)
                }
            default:
                _ = form.text.handle(key)
                form.problem = nil
                overlay = .edit(form)
            }
        case .answer(var form):
            if form.handle(key) {
                form.problem = nil
                overlay = .answer(form)
                return
            }
            if key == .escape {
                overlay = nil
                return
            }
            let response: TaskResponse
            switch form.response() {
            case .success(let answer): response = answer
            case .failure(let problem):
                form.problem = problem.message
                overlay = .answer(form)
                return
            }
            do {
                let pause = try session.answerTask(response)
                sessionChanged()
                overlay = nil
                followCurrent = true
                describe(pause)
            } catch {
                form.problem = error.description
                overlay = .answer(form)
            }
        case .inject(var form):
            if form.handle(key) {
                form.problem = nil
                overlay = .inject(form)
                return
            }
            if key == .escape {
                overlay = nil
                return
            }
            if let problem = arm(form) {
                form.problem = problem
                overlay = .inject(form)
            } else {
                overlay = nil
            }
        }
    }

    /// The rows of the help or the message log, wrapped to `width`.
    func overlayRows(width: Int) -> [[Span]] {
        overlayName == "messages" ? log.rows(width: width) : KeyBindings.helpRows(width: width)
    }

    /// Arms the injection the form describes; returns why not when it cannot.
    private mutating func arm(_ form: InjectForm) -> String? {
        let error = form.error.text.trimmingWhitespace()
        guard !error.isEmpty else { return "type an error name, or pick one with ↑↓" }
        let cause = form.cause.text
        let attempts = form.attempts.text.trimmingWhitespace().lowercased()
        do {
            if attempts == "now" {
                guard form.runningAttempt != nil else {
                    return "'now' needs the execution paused inside \(form.state): step to it first, or use every / k / j-k"
                }
                let pause = try session.injectNow(error: error, cause: cause)
                sessionChanged()
                describe(pause)
                return nil
            }
            if attempts.hasPrefix("next") {
                guard let count = Int(attempts.dropFirst(4).trimmingWhitespace()), count > 0 else {
                    return "write next N with N a positive number, e.g. next 2"
                }
                try session.armNext(count, state: form.state, error: error, cause: cause)
            } else {
                let suffix = attempts.isEmpty || attempts == "every" || attempts == "all" ? "" : "@" + attempts
                try session.arm(Injection.parse(form.state + "=" + error + suffix, stateNames: session.stateNames)
                    .withCause(cause))
            }
        } catch {
            return error.description
        }
        sessionChanged()
        let when = attempts.isEmpty || attempts == "every" ? "every attempt" : attempts
        report("armed: \(form.state) throws \(error) on \(when) · s or c to watch Retry and Catch")
        return nil
    }

    /// Selects the next data-flow row after the selection that contains `query`.
    mutating func find(_ query: String) {
        let needle = query.lowercased()
        guard !needle.isEmpty else {
            searchQuery = nil
            return report("search cleared")
        }
        searchQuery = query
        if focus == .timeline { return findEvent(query) }
        focus = .dataFlow
        var rows = dataFlowRows()
        let start = dataList.selection ?? 0
        let order = Array(rows.indices.dropFirst(start + 1)) + Array(rows.indices.prefix(start + 1))
        // The next row that shows the text, or a folded row that hides it: opened on the way.
        guard let found = order.first(where: {
            rows[$0].text.lowercased().contains(needle) || (rows[$0].isFolded && Self.folded(rows[$0], contains: needle))
        })
        else {
            return report("\"\(query)\" is not in this state's data", error: true)
        }
        if rows[found].isFolded, let key = rows[found].foldKey { reveal(needle, under: key, in: rows[found].document) }
        rows = dataFlowRows()
        let matches = rows.indices.filter { rows[$0].text.lowercased().contains(needle) }
        let hit = matches.first { $0 >= found } ?? matches.first ?? found
        dataList.selection = hit
        let number = (matches.firstIndex(of: hit) ?? 0) + 1
        report("\"\(query)\": match \(number) of \(matches.count) shown · / Enter finds the next")
    }

    /// Whether the part a folded row hides (a stage, or a container of one) holds the text.
    static func folded(_ row: DataFlowRow, contains needle: String) -> Bool {
        guard let document = row.document, let key = row.foldKey else { return false }
        guard let part = part(of: document, under: key) else { return false }
        return JSONPrinter.compact(part).lowercased().contains(needle)
    }

    /// The value a fold key stands for: a whole stage (`stage:NAME`) or a container (`stage:NAME#/a/0`).
    static func part(of document: JSON, under key: String) -> JSON? {
        guard let hash = key.firstIndex(of: "#") else { return document }
        return try? document.value(atPointer: String(key[key.index(after: hash)...]))
    }

    /// Opens the fold `key` and every container on the way to the first place that holds the text.
    mutating func reveal(_ needle: String, under key: String, in document: JSON?) {
        guard let document, let part = Self.part(of: document, under: key) else { return }
        let stageKey = key.firstIndex(of: "#").map { String(key[..<$0]) } ?? key
        let base = key.firstIndex(of: "#").map { String(key[key.index(after: $0)...]) } ?? ""
        foldOverrides[stageKey] = false
        foldOverrides[key] = false
        guard let path = Self.firstPath(in: part, containing: needle) else { return }
        var pointer = base
        for token in path.dropLast() {
            pointer += "/" + JSONPointer.escape(token)
            foldOverrides[stageKey + "#" + pointer] = false
        }
        // A matching container is opened too, so its text shows.
        if let last = path.last, let value = part.value(at: path) {
            switch value {
            case .object, .array: foldOverrides[stageKey + "#" + pointer + "/" + JSONPointer.escape(last)] = false
            default: break
            }
        }
    }

    /// The path to the first member whose key or printed value holds the text, depth first.
    static func firstPath(in value: JSON, containing needle: String) -> [String]? {
        switch value {
        case .object(let members):
            for (key, member) in members {
                if key.lowercased().contains(needle) { return [key] }
                if JSONPrinter.compact(member).lowercased().contains(needle) {
                    return [key] + (firstPath(in: member, containing: needle) ?? [])
                }
            }
            return nil
        case .array(let items):
            for (index, item) in items.enumerated() where JSONPrinter.compact(item).lowercased().contains(needle) {
                return [String(index)] + (firstPath(in: item, containing: needle) ?? [])
            }
            return nil
        default:
            return nil
        }
    }

    /// In the timeline, `/` finds the next event whose row mentions the text and travels there.
    mutating func findEvent(_ query: String) {
        let needle = query.lowercased()
        let history = session.history
        let start = session.setup.options.startTime
        func text(_ index: Int) -> String {
            TimelineRow.spans(for: history[index], level: 0, start: start).map(\.text).joined().lowercased()
        }
        let count = history.count
        guard count > 0 else { return report("no events yet to search", error: true) }
        let from = session.cursor  // the row after the current event
        guard let hit = (0..<count).lazy.map({ (from + $0) % count }).first(where: { text($0).contains(needle) }) else {
            return report("no event mentions \"\(query)\"", error: true)
        }
        travel(to: hit + 1)
        report("\"\(query)\": event \(hit + 1) · / Enter finds the next")
    }
}

extension Injection {
    /// The same injection with a cause typed separately (kept as parsed when empty).
    func withCause(_ cause: String) -> Injection {
        guard !cause.isEmpty else { return self }
        return Injection(state: state, error: error.error, cause: cause, attempts: attempts)
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}

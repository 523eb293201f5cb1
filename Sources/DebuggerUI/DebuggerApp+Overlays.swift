/// Keys while a dialog, the help or the search bar is open.
extension DebuggerApp {
    mutating func handleOverlayKey(_ key: Key) {
        switch overlay {
        case nil: return
        case .help where helpFilter?.typing == true:
            guard var filter = helpFilter else { return }
            switch key {
            case .escape: helpFilter = nil
            case .enter: helpFilter?.typing = false
            default:
                _ = filter.text.handle(key)
                helpFilter = filter
            }
            overlayOffset = 0
        case .help, .messages:
            let bounds = Rect(lastSize)
            let count = overlayRows(width: TextBox.innerWidth(in: bounds)).count
            let page = TextBox.visibleRows(in: bounds)
            var offset = TextBox.clamped(overlayOffset, count: count, in: bounds)
            switch key {
            case .char("/") where overlayName == "help": helpFilter = (helpFilter?.text ?? TextInput(""), true)
            case .escape where helpFilter != nil: helpFilter = nil
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
        case .search(let bar):
            handleSearchKey(key, bar: bar)
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
                    case .executionInput:
                        session = try session.startedOver(input: form.text.text)
                        pause = session.pause(.start)
                    case .variable(let name): pause = try session.editVariable(name, form.text.text)
                    }
                    sessionChanged()
                    overlay = nil
                    describe(pause)
                    switch form.target {
                    case .input: report("state input changed; s steps on with it")
                    case .executionInput: report("execution input changed; s starts the execution with it")
                    case .variable: report("variable changed; s steps on with it")
                    }
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
        if overlayName == "messages" { return log.rows(width: width) }
        let filter = helpFilter?.text.text ?? ""
        let rows = KeyBindings.helpRows(width: width, filter: filter)
        return rows.isEmpty ? [[Span("no key or description contains \"\(filter)\" · Esc shows every key", style: .dim)]] : rows
    }

    /// Arms the injection the form describes; returns why not when it cannot.
    private mutating func arm(_ form: InjectForm) -> String? {
        let error = form.error.text.trimmingWhitespace()
        guard !error.isEmpty else { return "type an error name, or pick one with ↑↓" }
        let cause = form.cause.text
        let attempts = form.attempts.text.trimmingWhitespace().lowercased()
        // Editing: the new injection replaces the state's old one (kept if the new one is refused).
        let previous = session
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
                if form.replacing { session.disarm(state: form.state) }
                try session.armNext(count, state: form.state, error: error, cause: cause)
            } else {
                let suffix = attempts.isEmpty || attempts == "every" || attempts == "all" ? "" : "@" + attempts
                if form.replacing { session.disarm(state: form.state) }
                try session.arm(Injection.parse(form.state + "=" + error + suffix, stateNames: session.stateNames)
                    .withCause(cause))
            }
        } catch {
            session = previous
            return error.description
        }
        sessionChanged()
        let when = attempts.isEmpty || attempts == "every" ? "every attempt" : attempts
        report("armed: \(form.state) throws \(error) on \(when) · s or c to watch Retry and Catch")
        return nil
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

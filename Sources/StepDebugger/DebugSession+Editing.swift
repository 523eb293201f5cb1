/// Changing the execution at a pause: data edits and error injection. Each drops the recorded
/// future, so stepping on runs the engine again from the changed moment.
extension DebugSession {
    /// Replaces the input of the state about to run (the one just entered, or after an exit the
    /// next one) with JSON text.
    public mutating func editInput(_ text: String) throws(SessionError) -> Pause {
        let value = try parse(text, what: "the new state input")
        var copy = current
        guard copy.editPendingInput(value) else {
            throw .notAtPause("the state input can be changed only when a state has just been entered (step to a …StateEntered event)")
        }
        replaceCurrent(copy)
        return pause(.moved)
    }

    /// The same session started over on another execution input, with its seed, answers,
    /// breakpoints and injections: how the input is edited before the first state.
    public func startedOver(input text: String) throws(SessionError) -> DebugSession {
        started(on: setup.definition, input: try parse(text, what: "the execution input")).session
    }

    /// Sets a variable visible to the current state to a JSON value.
    public mutating func editVariable(_ name: String, _ text: String) throws(SessionError) -> Pause {
        guard !name.isEmpty, name != "states", name.count <= 80 else {
            throw .notAtPause("'\(name)' cannot be a variable name: use 1 to 80 characters, and not 'states'")
        }
        let value = try parse(text, what: "the value of $\(name)")
        var copy = current
        guard copy.editVariable(name, value) else {
            throw .notAtPause("variables can be changed only between states (step to a state entry or exit)")
        }
        replaceCurrent(copy)
        return pause(.moved)
    }

    /// Arms an injection from now on (and for restarts).
    public mutating func arm(_ injection: Injection) throws(SessionError) {
        guard stateNames.contains(injection.state) else {
            throw .unknownState(injection.state, known: stateNames.sorted(), context: "injection")
        }
        guard case .task? = setup.definition.findState(injection.state)?.kind else {
            throw .badInjection(injection.spec, "'\(injection.state)' is not a Task state; armed injections fail Task attempts "
                + "(to fail another state, pause on its entry and inject there)")
        }
        injections.append(injection)
        truncateFuture()
        applyInjections()
    }

    /// Arms an injection written as `STATE=ERROR[:CAUSE][@ATTEMPTS]`.
    public mutating func arm(_ spec: String) throws(SessionError) {
        try arm(Injection.parse(spec, stateNames: stateNames))
    }

    /// Arms an injection for the next `count` attempts of a state, counting from the attempt
    /// the state is on if it is running now.
    public mutating func armNext(_ count: Int, state: String, error: String, cause: String = "") throws(SessionError) {
        let running = current.runningFrames.last.flatMap { $0.stateName == state ? $0.attempt : nil } ?? 0
        try arm(Injection(state: state, error: error, cause: cause, attempts: .range(running...(running + max(1, count) - 1))))
    }

    /// Removes every injection armed for a state (all when nil).
    public mutating func disarm(state: String? = nil) {
        injections.removeAll { state == nil || $0.state == state }
        truncateFuture()
        applyInjections()
    }

    /// Makes the state entered at this pause fail now with the error, through Retry and Catch.
    public mutating func injectNow(error: String, cause: String = "") throws(SessionError) -> Pause {
        if let frame = current.runningFrames.last, frame.entered, !current.hasQueuedEvents, current.status == .running,
           case .task? = frame.machine[frame.stateName]?.kind {
            // A Task fails through its task source, so the history records the failure event and
            // its Retry/Catch details exactly as for a real error.
            let once = Injection(state: frame.stateName, error: error, cause: cause, attempts: .range(frame.attempt...frame.attempt))
            var copy = current
            copy.replaceTaskSource(InjectingTaskSource(base: setup.taskSource, injections: injections + [once], answers: answers))
            replaceCurrent(copy)
            let result = step()
            applyInjections()
            return result
        }
        var copy = current
        let message = cause.isEmpty ? Injection.defaultCause(error) : cause
        guard copy.injectFailure(ExecutionError(error, cause: message)) else {
            throw .notAtPause("an error can be injected only into a state that has been entered and not yet run (step to a …StateEntered event)")
        }
        replaceCurrent(copy)
        return step()
    }

    /// Answers the Task attempt the execution is waiting on (nothing else answered it, or it
    /// waits for a task token) with a result or an error, and steps on.
    public mutating func answerTask(_ response: TaskResponse) throws(SessionError) -> Pause {
        guard let frame = current.runningFrames.last, frame.entered, current.status == .running,
              case .task? = frame.machine[frame.stateName]?.kind else {
            throw .notAtPause("a task can be answered only while a Task state waits for its result (step into one first)")
        }
        let entry = max(0, current.entryCount(of: frame.stateName) - 1)
        answers.append(TaskAnswer(state: frame.stateName, entry: entry, attempt: frame.attempt, response: response))
        truncateFuture()
        applyInjections()
        return step()
    }

    /// The error names worth offering for injection into a state.
    public func suggestedErrors(for state: String) -> [String] {
        setup.definition.findState(state)?.suggestedInjectionErrors ?? []
    }

    mutating func applyInjections() {
        var copy = timeline[cursor]
        copy.replaceTaskSource(InjectingTaskSource(base: setup.taskSource, injections: injections, answers: answers))
        timeline[cursor] = copy
    }

    func parse(_ text: String, what: String) throws(SessionError) -> JSON {
        let value: JSON
        do {
            value = try JSONParser(rejectDuplicateKeys: true).parse(text)
        } catch {
            throw .badJSON(what: what, line: error.location.line, column: error.location.column, error.message)
        }
        // AWS would refuse such a payload with States.DataLimitExceeded; say so before it runs.
        let size = JSONPrinter.compactByteCount(value)
        guard size <= Execution.payloadLimit else {
            throw .notAtPause("\(what) is \(size) bytes; Step Functions allows \(Execution.payloadLimit) (256 KiB); nothing was changed")
        }
        return value
    }
}

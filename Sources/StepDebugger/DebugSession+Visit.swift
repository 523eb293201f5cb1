/// Builds the inspection record of the state visit an event belongs to.
extension DebugSession {
    /// The visit of the state that the event at `position` belongs to (nil before the start).
    public func visit(at position: Int) -> StateVisit? {
        guard position > 0, position <= recordedEvents else { return nil }
        let log = history
        let event = log[position - 1]
        guard event.type != .executionStarted else { return nil }
        let level = self.level(at: position)
        var enteredIndex: Int?
        var i = position - 1
        while i >= 0 {
            let e = log[i]
            if levels[i] == level && e.type.rawValue.hasSuffix("StateEntered")
                && (!event.type.rawValue.hasSuffix("StateExited") || e.stateName == event.stateName) {
                enteredIndex = i
                break
            }
            if levels[i] < level { break }
            i -= 1
        }
        guard let enteredIndex else { return nil }
        let entered = log[enteredIndex]
        let name = entered.stateName ?? "?"
        let state = timeline[enteredIndex + 1].runningFrames.last?.machine[name] ?? setup.definition.findState(name)
        var record = StageRecord(input: entered.details?["input"])
        var errorDetails: ErrorDetails?
        var attempts = 0
        var exit: HistoryEvent?
        for j in (enteredIndex + 1)..<position where levels[j] == level {
            let e = log[j]
            if e.type.rawValue.hasSuffix("Scheduled") { attempts += 1 }
            if let stages = e.stages {
                record = stages
                if let d = stages.errorDetails { errorDetails = d }
            }
            if e.type.rawValue.hasSuffix("StateExited") && e.stateName == name { exit = e }
        }
        if exit == nil, let frame = timeline[position].runningFrames.last, frame.enteredEventId == entered.id {
            record = frame.stages
            if record.errorDetails != nil { errorDetails = record.errorDetails }
        }
        let variables = timeline[enteredIndex + 1].runningFrames.last?.variables ?? [:]
        let assigned = exit?.details?["assignedVariables"]?.objectValue
        var next: String?
        if exit != nil {
            if let c = errorDetails?.catchIndex, let state, c < state.catch.count {
                next = state.catch[c].next
            } else if let state, case .next(let n) = state.transition {
                next = n
            } else if case .choice? = state?.kind {
                next = nextEntered(after: position, level: level)
            }
        }
        var stages = StateVisit.stages(of: record, state: state)
        if case .map(let map)? = state?.kind {
            stages = Self.inserting(mapStages(map, afterInputPath: record.afterInputPath, enteredIndex: enteredIndex,
                                              position: position, level: level), into: stages)
        }
        return StateVisit(stateName: name, stateType: state?.typeName ?? typeName(entered.type), state: state,
                          enteredEventId: entered.id, enteredAt: entered.timestamp, attempts: attempts,
                          stages: stages, variablesBefore: variables,
                          assigned: assigned, errorDetails: errorDetails, next: next,
                          finished: exit != nil || errorDetails?.isUnhandled == true)
    }

    /// The state entered next at this level (how a Choice's decision shows in the history).
    private func nextEntered(after position: Int, level: Int) -> String? {
        let log = history
        var k = position
        while k < log.count && levels[k] >= level {
            if levels[k] == level && log[k].type.rawValue.hasSuffix("StateEntered") { return log[k].stateName }
            k += 1
        }
        return nil
    }

    private func typeName(_ type: EventType) -> String {
        String(type.rawValue.dropLast("StateEntered".count))
    }

    /// The Retry/Catch explanation for the visit at the cursor, if it raised an error.
    public func errorExplanation(for visit: StateVisit, at event: HistoryEvent) -> [String] {
        guard let details = visit.errorDetails else { return [] }
        return ErrorExplanation.lines(details, state: visit.state, at: event.timestamp,
                                      start: setup.options.startTime, nested: level(at: visit.enteredEventId) > 0)
    }
}

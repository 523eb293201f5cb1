/// The context object `$$` as a state sees it.
extension Execution {
    func contextObject() -> JSON {
        let frame = frames[frames.count - 1]
        var state: JSONObject = ["EnteredTime": .string(VirtualTime.iso8601(frame.enteredTime)), "Name": .string(frame.stateName)]
        var execution: JSONObject = [
            "Id": .string(executionArn), "Input": input, "Name": .string(executionName),
            "RoleArn": .string(options.roleArn), "StartTime": .string(VirtualTime.iso8601(options.startTime)),
        ]
        // Express executions cannot be redriven, and their context object has no count.
        if options.type == .standard { execution["RedriveCount"] = 0 }
        var root: JSONObject = [
            "Execution": .object(execution),
            "StateMachine": ["Id": .string(options.stateMachineArn), "Name": .string(options.stateMachineName)],
        ]
        // Only states that can retry carry a retry count (AWS leaves it out of Pass, Choice, ...).
        switch frame.state.kind {
        case .task:
            state["RetryCount"] = .int(frame.attempt)
            root["Task"] = ["Token": .string(taskToken)]
        case .map, .parallel:
            state["RetryCount"] = .int(frame.attempt)
        default:
            break
        }
        root["State"] = .object(state)
        if let item = frame.mapItem {
            root["Map"] = ["Item": ["Index": .int(item.index), "Value": item.value]]
        }
        return .object(root)
    }

    /// A task token derived from the execution and the entered event, stable across re-runs.
    var taskToken: String {
        let frame = frames[frames.count - 1]
        return "\(executionName)-\(frame.enteredEventId)-\(frame.attempt)"
    }
}

extension Execution {
    /// The context object `$$` as the innermost running state sees it now; nil when no state runs.
    public var currentContextObject: JSON? {
        // Spelled out: a bare `nil` here would become JSON's own null literal.
        if frames.isEmpty { return Optional<JSON>.none }
        return contextObject()
    }
}

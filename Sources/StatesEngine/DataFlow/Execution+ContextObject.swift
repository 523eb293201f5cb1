/// The context object `$$` as a state sees it.
extension Execution {
    func contextObject() -> JSON {
        let frame = frames[frames.count - 1]
        var root: JSONObject = [
            "Execution": [
                "Id": .string(executionArn), "Input": input, "Name": .string(executionName),
                "RoleArn": .string(options.roleArn), "StartTime": .string(VirtualTime.iso8601(options.startTime)),
                "RedriveCount": 0,
            ],
            "State": ["EnteredTime": .string(VirtualTime.iso8601(frame.enteredTime)), "Name": .string(frame.stateName)],
            "StateMachine": ["Id": .string(options.stateMachineArn), "Name": .string(options.stateMachineName)],
        ]
        switch frame.state.kind {
        case .task:
            root["State"] = .object(root["State"]!.objectValue!.merging(["RetryCount": .int(frame.attempt)]) { a, _ in a })
            root["Task"] = ["Token": .string(taskToken)]
        case .map, .parallel:
            root["State"] = .object(root["State"]!.objectValue!.merging(["RetryCount": .int(frame.attempt)]) { a, _ in a })
        default: break
        }
        if let item = mapItemInScope {
            root["Map"] = ["Item": ["Index": .int(item.index), "Value": item.value]]
        }
        return .object(root)
    }

    /// `$$.Map.Item` while a Map's ItemSelector is evaluated, or inside an iteration.
    var mapItemInScope: (index: Int, value: JSON)? {
        frames[frames.count - 1].mapItem
    }

    /// A task token derived from the execution and the entered event, stable across re-runs.
    var taskToken: String {
        let frame = frames[frames.count - 1]
        return "\(executionName)-\(frame.enteredEventId)-\(frame.attempt)"
    }
}

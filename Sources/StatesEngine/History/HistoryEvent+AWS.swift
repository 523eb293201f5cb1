/// History events in the shape of the AWS CLI's `get-execution-history` output.
extension HistoryEvent {
    /// Detail members whose values AWS writes as JSON text.
    static let textPayloads: Set<String> = ["input", "output", "parameters"]

    /// The event as AWS prints it: payloads as JSON text, the timestamp as ISO-8601.
    public var awsJSON: JSON {
        var object: JSONObject = [
            "timestamp": .string(VirtualTime.cli(timestamp)),
            "type": .string(type.rawValue),
            "id": .int(id),
            "previousEventId": .int(previousEventId),
        ]
        if let details {
            var out = JSONObject(minimumCapacity: details.count)
            for (key, value) in details {
                if Self.textPayloads.contains(key) {
                    out[key] = .string(JSONPrinter.compact(value))
                } else if key == "assignedVariables", case .object(let variables) = value {
                    out[key] = .object(variables.mapValues { .string(JSONPrinter.compact($0)) })
                } else {
                    out[key] = value
                }
            }
            object[type.detailsKey] = .object(out)
        }
        return .object(object)
    }
}

extension Execution {
    /// `{"events": [...]}` exactly like `aws stepfunctions get-execution-history`.
    public var historyJSON: JSON {
        .object(["events": .array(history.all.map(\.awsJSON))])
    }

    /// `{"status": ..., "output": ...}` or with `error` / `cause` for a failed execution.
    public var resultJSON: JSON {
        var object: JSONObject = ["status": .string(status.rawValue)]
        if let output { object["output"] = output }
        if let failure {
            if !failure.error.isEmpty { object["error"] = .string(failure.error) }
            if !failure.cause.isEmpty { object["cause"] = .string(failure.cause) }
        }
        return .object(object)
    }
}

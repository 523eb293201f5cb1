/// The checks Step Functions makes on an optimized integration's parameters before it starts
/// the task. A task whose parameters fail them never starts: the state fails with
/// States.Runtime, whatever Retry and Catch say.
enum ServiceParameters {
    /// AWS's reason for refusing these parameters, or nil when the task can start.
    static func problem(_ resource: Resource, _ parameters: JSON) -> String? {
        guard case .service(let type, let action) = resource.kind else { return nil }
        if type == "apigateway", action == "invoke" || action.hasPrefix("invoke.") {
            // API Gateway takes every header and query parameter as a list of values
            // (`{"Accept": ["application/json"]}`), never as a single string.
            for field in ["Headers", "QueryParameters"] {
                if let value = parameters[field], !value.isNull, !isListMap(value) {
                    return "The value of the field '\(field)' has an invalid format"
                }
            }
        }
        return nil
    }

    /// AWS's cause for parameters it refuses (without the state prefix).
    static func refusal(_ parameters: JSON, _ problem: String) -> String {
        "The Parameters '\(JSONPrinter.compact(parameters))' could not be used to start the Task: [\(problem)]"
    }

    /// An object whose every member is an array of strings.
    private static func isListMap(_ value: JSON) -> Bool {
        guard case .object(let members) = value else { return false }
        return members.values.allSatisfy { member in
            guard case .array(let items) = member else { return false }
            return items.allSatisfy { $0.stringValue != nil }
        }
    }
}

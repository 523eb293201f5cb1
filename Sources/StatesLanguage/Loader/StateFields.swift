/// Which fields each state type accepts, and which query language each field belongs to.
enum StateFields {
    static let typeNames = ["Pass", "Task", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map"]

    private static let common: Set<String> = ["Type", "Comment", "QueryLanguage"]
    private static let flowing: Set<String> = ["Next", "End", "InputPath", "OutputPath", "Assign", "Output"]
    private static let resulting: Set<String> = ["Parameters", "ResultSelector", "ResultPath", "Retry", "Catch", "Arguments"]

    /// Every field a state of `type` may have in either query language.
    static func allowed(for type: String) -> Set<String> {
        switch type {
        case "Pass": return common.union(flowing).union(["Parameters", "ResultPath", "Result"])
        case "Task":
            return common.union(flowing).union(resulting).union([
                "Resource", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials",
            ])
        case "Choice": return common.union(["InputPath", "OutputPath", "Assign", "Output", "Choices", "Default"])
        case "Wait": return common.union(flowing).union(["Seconds", "SecondsPath", "Timestamp", "TimestampPath"])
        case "Succeed": return common.union(["InputPath", "OutputPath", "Output"])
        case "Fail": return common.union(["Error", "ErrorPath", "Cause", "CausePath"])
        case "Parallel": return common.union(flowing).union(resulting).union(["Branches"])
        case "Map":
            return common.union(flowing).union(resulting).subtracting(["Arguments"]).union([
                "ItemProcessor", "Iterator", "ItemsPath", "Items", "ItemSelector", "MaxConcurrency", "MaxConcurrencyPath",
                "ToleratedFailureCount", "ToleratedFailureCountPath", "ToleratedFailurePercentage",
                "ToleratedFailurePercentagePath", "ItemReader", "ItemBatcher", "ResultWriter", "Label",
            ])
        default: return common
        }
    }

    /// Fields that only mean something in JSONPath states.
    static let jsonPathOnly: Set<String> = [
        "InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath", "Result",
        "TimeoutSecondsPath", "HeartbeatSecondsPath", "SecondsPath", "TimestampPath", "ErrorPath", "CausePath",
        "ItemsPath", "MaxConcurrencyPath", "ToleratedFailureCountPath", "ToleratedFailurePercentagePath",
    ]

    /// Fields that only mean something in JSONata states.
    static let jsonataOnly: Set<String> = ["Arguments", "Output", "Items"]

    /// What to use instead, for the message about a field in the wrong query language.
    static func hint(for field: String, in language: QueryLanguage) -> String {
        switch language {
        case .jsonata:
            switch field {
            case "Parameters": return "; use 'Arguments'"
            case "InputPath", "OutputPath", "ResultSelector", "ResultPath", "Result": return "; use 'Output' and 'Assign'"
            case "ItemsPath": return "; use 'Items'"
            default:
                return field.hasSuffix("Path") ? "; write '\(field.dropLast(4))' as a {% %} expression" : ""
            }
        case .jsonPath:
            return "; set \"QueryLanguage\": \"JSONata\" to use it"
        }
    }

    /// States that end or branch on their own and so take neither `Next` nor `End`.
    static func isTerminalOrChoice(_ type: String) -> Bool {
        type == "Choice" || type == "Succeed" || type == "Fail"
    }
}

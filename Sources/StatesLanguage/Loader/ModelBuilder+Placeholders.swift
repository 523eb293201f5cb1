/// Template placeholders standing where ASL wants a number, a boolean or an array
/// (`"MaxConcurrency": "${max}"`, YAML's `Seconds: ${pause}`): the deployment fills them in, so
/// AWS never sees them. The model takes a stand-in instead, with a warning that says which.
extension ModelBuilder {
    /// The placeholder when `value` is nothing but one: `${Name}` (SAM, Terraform, `Fn::Sub`),
    /// `#{Name}` (Serverless Framework variables) or `{{Name}}` (Jinja, Mustache, dynamic references).
    static func placeholder(_ value: JSON) -> String? {
        guard case .string(let text) = value else { return nil }
        for (open, close) in [("${", "}"), ("#{", "}"), ("{{", "}}")]
        where text.hasPrefix(open) && text.hasSuffix(close) && text.count > open.count + close.count {
            let body = text.dropFirst(open.count).dropLast(close.count)
            if !body.contains(close) { return text }
        }
        return nil
    }

    /// What the model does without the field: said in the warning about a placeholder there.
    static func absence(of key: String) -> String {
        switch key {
        case "TimeoutSeconds": return "runs without a timeout"
        case "HeartbeatSeconds": return "runs the task without a heartbeat"
        case "Seconds", "Timestamp": return "waits 0 seconds"
        case "IntervalSeconds": return "retries after the default interval of 1 second"
        case "MaxAttempts": return "makes the default 3 retries"
        case "BackoffRate": return "uses the default rate of 2.0"
        case "MaxDelaySeconds": return "does not cap the delay"
        case "MaxConcurrency": return "runs the iterations with no limit on concurrency"
        case "ToleratedFailureCount", "ToleratedFailurePercentage": return "tolerates no failed item"
        default: return "reads the field as absent"
        }
    }

    /// Whether `value` is a placeholder; if so, warns that `key` is read as `standIn`, or as if
    /// the optional field were absent.
    mutating func standsIn(_ value: JSON, for key: String, at p: String, as standIn: String? = nil) -> Bool {
        guard let placeholder = Self.placeholder(value) else { return false }
        let reading = standIn.map { "reads it as \($0)" } ?? Self.absence(of: key)
        sink.warning(.placeholderSubstituted, "'\(key)' is the template placeholder \"\(placeholder)\", which is filled in when "
                     + "the template is deployed; asldb \(reading)", at: p)
        return true
    }
}

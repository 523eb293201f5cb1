/// `NAME=COMMAND` from `--handler`: which tasks a command answers. NAME is a state name, a
/// Lambda function name or a resource ARN.
public struct HandlerSpec: Sendable, Hashable {
    public var name: String
    public var command: String

    public init(name: String, command: String) {
        self.name = name
        self.command = command
    }

    /// Parses `NAME=COMMAND`; nil when there is no `=` or either side is empty.
    public init?(argument: String) {
        guard let equals = argument.firstIndex(of: "=") else { return nil }
        let name = String(argument[..<equals])
        let command = String(argument[argument.index(after: equals)...])
        guard !name.isEmpty, !command.isEmpty else { return nil }
        self.init(name: name, command: command)
    }

    /// Whether this handler answers the request.
    public func matches(_ request: TaskRequest) -> Bool {
        name == request.stateName || name == request.resource.arn || name == Self.functionName(request)
    }

    /// The Lambda function a task calls: from a function ARN resource, or `FunctionName` of `lambda:invoke`.
    static func functionName(_ request: TaskRequest) -> String? {
        let reference: String?
        switch request.resource.kind {
        case .lambdaFunction: reference = request.resource.arn
        case .service(let type, let action) where type == "lambda" && action.hasPrefix("invoke"):
            reference = request.input["FunctionName"]?.stringValue
        default: reference = nil
        }
        guard let reference else { return nil }
        // arn:aws:lambda:region:account:function:NAME[:qualifier], or a bare name.
        let parts = reference.split(separator: ":", omittingEmptySubsequences: false)
        if let index = parts.firstIndex(of: "function"), index + 1 < parts.count { return String(parts[index + 1]) }
        return parts.first.map(String.init)
    }

    /// `lambda:invoke` hands the function its `Payload`; every other task its effective input.
    static func isLambdaInvoke(_ request: TaskRequest) -> Bool {
        if case .service(let type, let action) = request.resource.kind, type == "lambda", action.hasPrefix("invoke") { return true }
        return false
    }
}

/// Runs `states:startExecution` tasks against local definitions: the child runs to completion
/// headless (same task sources as the parent, same virtual start time) and answers as AWS does
/// for `.sync` (Input/Output as JSON text), `.sync:2` (as JSON) or a plain start.
public struct NestedExecutionSource: TaskSource {
    /// Child definitions by state machine name (or full ARN).
    public var machines: [String: StateMachine]
    /// What answers the child's own tasks (this source is added, so grandchildren run too).
    public var childSources: [any TaskSource]
    public var options: ExecutionOptions
    /// Guards against a machine that starts itself forever.
    public var depth = 0
    public static let maximumDepth = 16

    public init(machines: [String: StateMachine], childSources: [any TaskSource] = [], options: ExecutionOptions = ExecutionOptions()) {
        self.machines = machines
        self.childSources = childSources
        self.options = options
    }

    public func respond(to request: TaskRequest) -> TaskResponse? {
        guard case .service(let type, let action) = request.resource.kind, type == "states", action.hasPrefix("startExecution"),
              let arn = request.input["StateMachineArn"]?.stringValue else { return nil }
        let name = Self.machineName(arn)
        guard machines[arn] != nil || machines[name] != nil else { return nil }
        guard depth < Self.maximumDepth else {
            return .failed(ExecutionError(StatesErrorName.taskFailed, cause: "nested executions deeper than \(Self.maximumDepth) levels (does '\(name)' start itself?)"))
        }
        guard var child = childExecution(for: request) else { return nil }
        let input = child.input
        let start = VirtualTime.cli(child.now)
        let startOnly = !action.contains(".sync")
        if startOnly {
            return .succeeded(["ExecutionArn": .string(child.executionArn), "StartDate": .string(start)])
        }
        do {
            try child.run()
        } catch {
            return .failed(ExecutionError(StatesErrorName.taskFailed, cause: "child execution of '\(name)' stopped: \(error.description)"))
        }
        let asJSON = action.hasSuffix(".sync:2")
        func payload(_ value: JSON) -> JSON { asJSON ? value : .string(JSONPrinter.compact(value)) }
        var described: JSONObject = [
            "ExecutionArn": .string(child.executionArn), "Input": payload(input), "InputDetails": ["Included": true],
            "Name": .string(child.executionName),
        ]
        if child.status == .succeeded {
            described["Output"] = payload(child.output ?? .null)
            described["OutputDetails"] = ["Included": true]
            described["RedriveCount"] = 0
            described["RedriveStatus"] = "NOT_REDRIVABLE"
            described["RedriveStatusReason"] = "Execution is SUCCEEDED and cannot be redriven"
        } else if let failure = child.failure {
            if !failure.cause.isEmpty { described["Cause"] = .string(failure.cause) }
            described["Error"] = .string(failure.error)
        }
        described["StartDate"] = .string(start)
        described["StateMachineArn"] = .string(child.executionArn.replacingExecution(name))
        // AWS reports a timed-out child as FAILED in the parent's error cause.
        described["Status"] = .string(child.status == .succeeded ? "SUCCEEDED" : "FAILED")
        described["StopDate"] = .string(VirtualTime.cli(child.now))
        if child.status == .succeeded { return .succeeded(.object(described)) }
        return .failed(ExecutionError(StatesErrorName.taskFailed, cause: JSONPrinter.compact(.object(Self.sorted(described)))))
    }

    /// `arn:aws:states:region:account:stateMachine:NAME[:version]` → NAME.
    static func machineName(_ arn: String) -> String {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        if let index = parts.firstIndex(of: "stateMachine"), index + 1 < parts.count { return String(parts[index + 1]) }
        return arn
    }

    /// `Input` may be JSON text or a JSON value; absent means `{}`.
    static func childInput(_ value: JSON?) -> JSON {
        guard let value else { return .object([:]) }
        if let text = value.stringValue, let parsed = try? JSONParser().parse(text) { return parsed }
        return value
    }

    static func sorted(_ object: JSONObject) -> JSONObject {
        var out = JSONObject()
        for key in object.keys.sorted() { out[key] = object[key] }
        return out
    }
}

extension String {
    /// The state machine ARN of an execution ARN.
    func replacingExecution(_ name: String) -> String {
        let parts = split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 7 else { return self }
        return parts[0..<5].joined(separator: ":") + ":stateMachine:" + name
    }
}

/// A task source that can hand out the child execution a `states:startExecution` task starts,
/// before it runs, so a debugger can step into it.
public protocol ChildExecutionProviding {
    /// The child execution for this request, not yet started; nil when this source does not run it.
    func childExecution(for request: TaskRequest) -> Execution?
}

extension NestedExecutionSource: ChildExecutionProviding {
    public func childExecution(for request: TaskRequest) -> Execution? {
        guard case .service(let type, let action) = request.resource.kind, type == "states", action.hasPrefix("startExecution"),
              let arn = request.input["StateMachineArn"]?.stringValue, depth < Self.maximumDepth else { return nil }
        let name = Self.machineName(arn)
        guard let machine = machines[arn] ?? machines[name] else { return nil }
        var childOptions = options
        childOptions.stateMachineName = name
        // The child's type is its own machine's, which asldb is not told: Standard, the default.
        childOptions.type = .standard
        childOptions.executionName = request.input["Name"]?.stringValue
        var nested = self
        nested.depth += 1
        childOptions.taskSource = CompositeTaskSource(childSources + [nested])
        return Execution(definition: machine, input: Self.childInput(request.input["Input"]), options: childOptions)
    }
}

extension CompositeTaskSource: ChildExecutionProviding {
    public func childExecution(for request: TaskRequest) -> Execution? {
        for case let source as any ChildExecutionProviding in sources {
            if let child = source.childExecution(for: request) { return child }
        }
        return nil
    }
}

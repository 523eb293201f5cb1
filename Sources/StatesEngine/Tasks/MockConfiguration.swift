/// A Step Functions Local mock configuration file: test cases map state names to mocked
/// responses, and each response lists what successive attempts return or throw.
public struct MockConfiguration: Sendable {
    /// Why a mock configuration cannot be used; the message names the offending member.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// One attempt range of a mocked response (`"0"`, `"1-2"`).
    struct AttemptRange: Sendable {
        var first: Int
        var last: Int
        var response: TaskResponse
    }

    /// state machine name → test case name → state name → mocked response name.
    let stateMachines: [String: [String: [String: String]]]
    let responses: [String: [AttemptRange]]

    public init(json: JSON) throws(Problem) {
        guard case .object(let root) = json else { throw Problem(message: "the mock configuration must be a JSON object") }
        for member in ["StateMachines", "MockedResponses"] where root[member] != nil && root[member]?.objectValue == nil {
            throw Problem(message: "\(member) must be an object (\(member == "StateMachines" ? "state machine name → {\"TestCases\": ...}" : "mocked response name → attempts"))")
        }
        var machines: [String: [String: [String: String]]] = [:]
        for (machineName, machine) in root["StateMachines"]?.objectValue ?? [:] {
            if machine["TestCases"] != nil && machine["TestCases"]?.objectValue == nil {
                throw Problem(message: "StateMachines.\(machineName).TestCases must be an object of test case name → {state name: mocked response name}")
            }
            var cases: [String: [String: String]] = [:]
            for (caseName, mapping) in machine["TestCases"]?.objectValue ?? [:] {
                guard case .object(let states) = mapping else {
                    throw Problem(message: "StateMachines.\(machineName).TestCases.\(caseName) must be an object of state name → mocked response name")
                }
                var byState: [String: String] = [:]
                for (state, response) in states {
                    guard let name = response.stringValue else {
                        throw Problem(message: "StateMachines.\(machineName).TestCases.\(caseName).\(state) must name a mocked response")
                    }
                    byState[state] = name
                }
                cases[caseName] = byState
            }
            machines[machineName] = cases
        }
        var responses: [String: [AttemptRange]] = [:]
        for (name, value) in root["MockedResponses"]?.objectValue ?? [:] {
            var ranges: [AttemptRange] = []
            for (key, entry) in value.objectValue ?? [:] {
                let bounds = key.split(separator: "-").map { Int($0.trimmingSpaces) }
                guard (1...2).contains(bounds.count), let first = bounds.first ?? nil, let last = bounds.last ?? nil, first <= last else {
                    throw Problem(message: "MockedResponses.\(name): \"\(key)\" is not an attempt number or range like \"0\" or \"1-2\"")
                }
                ranges.append(AttemptRange(first: first, last: last, response: try Self.response(entry, at: "MockedResponses.\(name).\(key)")))
            }
            responses[name] = ranges
        }
        stateMachines = machines
        self.responses = responses
    }

    private static func response(_ entry: JSON, at place: String) throws(Problem) -> TaskResponse {
        if let value = entry["Return"] { return .succeeded(value) }
        if let thrown = entry["Throw"] {
            let error = thrown["Error"]?.stringValue
            let cause = thrown["Cause"]?.stringValue
            // A mock writes a failure that reported neither an error nor a cause (SendTaskFailure
            // without fields) as the generic task failure: AWS matches such a failure as
            // States.TaskFailed and leaves both members out of its events and error output.
            if error == StatesErrorName.taskFailed && cause == nil {
                return .failed(.reported(error: nil, cause: nil))
            }
            return .failed(.reported(error: error, cause: cause))
        }
        throw Problem(message: "\(place) must have a \"Return\" or a \"Throw\" member")
    }

    /// The state machine names the file defines, for messages.
    public var stateMachineNames: [String] { stateMachines.keys.sorted() }

    /// The task source for one test case, or a problem naming what is missing.
    public func source(stateMachine: String?, testCase: String) throws(Problem) -> MockTaskSource {
        let machineName: String
        if let stateMachine {
            machineName = stateMachine
        } else if stateMachines.count == 1, let only = stateMachines.keys.first {
            machineName = only
        } else if stateMachines.isEmpty {
            throw Problem(message: "the mock configuration defines no state machine; it needs \"StateMachines\": {\"NAME\": {\"TestCases\": {...}}}")
        } else {
            throw Problem(message: "the mock configuration defines several state machines (\(stateMachineNames.joined(separator: ", "))); choose one with --state-machine")
        }
        guard let cases = stateMachines[machineName] else {
            throw Problem(message: "the mock configuration has no state machine \"\(machineName)\" (it has: \(stateMachineNames.joined(separator: ", ")))")
        }
        guard let mapping = cases[testCase] else {
            throw Problem(message: "state machine \"\(machineName)\" has no test case \"\(testCase)\" (it has: \(cases.keys.sorted().joined(separator: ", ")))")
        }
        for (state, response) in mapping where responses[response] == nil {
            throw Problem(message: "test case \"\(testCase)\" maps state \"\(state)\" to \"\(response)\", which MockedResponses does not define")
        }
        return MockTaskSource(stateMachine: machineName, testCase: testCase, mapping: mapping, responses: responses)
    }
}

/// The task source of one mock test case.
public struct MockTaskSource: TaskSource {
    /// The state machine and test case this source answers for.
    public let stateMachine: String
    public let testCase: String
    let mapping: [String: String]
    let responses: [String: [MockConfiguration.AttemptRange]]

    public func respond(to request: TaskRequest) -> TaskResponse? {
        guard let name = mapping[request.stateName], let ranges = responses[name] else {
            // Activities live inside Step Functions: as in Step Functions Local, where a mock
            // configuration creates none, an activity the test case does not mock does not exist.
            // (Other resources are outside services, which asldb cannot call.)
            if request.resource.kind == .activity { return .cannotStart(cause: "The activity \(request.resource.arn) does not exist.") }
            return nil
        }
        // Past the last range, Step Functions Local keeps answering with the last one.
        let range = ranges.first { $0.first <= request.attempt && request.attempt <= $0.last } ?? ranges.max { $0.last < $1.last }
        guard let response = range?.response else { return nil }
        // A mocked Lambda function ARN returns the Invoke response; the state's result is its payload.
        if case .lambdaFunction = request.resource.kind, case .succeeded(let value) = response, let payload = value["Payload"] {
            return .succeeded(payload)
        }
        return response
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s
    }
}

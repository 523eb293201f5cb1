#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Runs real task code: each attempt runs the matching handler command with the task's input as
/// JSON on stdin and takes its stdout as the result. Answers are remembered per attempt, so
/// stepping an execution again (the debugger going back) gives the same answer without rerunning.
public final class HandlerTaskSource: TaskSource, @unchecked Sendable {
    /// One finished run, kept for the debugger (stderr is shown there).
    public struct Run: Sendable {
        public var stateName: String
        public var attempt: Int
        public var command: String
        public var ending: HandlerProcess.Ending
        public var stderr: String
        public var response: TaskResponse
    }

    public let handlers: [HandlerSpec]
    /// Used when the state has no TimeoutSeconds: a handler is never waited on forever.
    public let defaultTimeoutSeconds: Int64
    private var lock = pthread_mutex_t()
    private var answers: [String: TaskResponse] = [:]
    private var finished: [Run] = []

    public init(handlers: [HandlerSpec], defaultTimeoutSeconds: Int64 = 60) {
        self.handlers = handlers
        self.defaultTimeoutSeconds = defaultTimeoutSeconds
        pthread_mutex_init(&lock, nil)
    }

    deinit { pthread_mutex_destroy(&lock) }

    /// Every handler run so far, oldest first.
    public var runs: [Run] { locked { finished } }

    public func respond(to request: TaskRequest) -> TaskResponse? {
        guard let handler = handlers.first(where: { $0.matches(request) }) else { return nil }
        let key = "\(request.stateName)\u{0}\(request.entry)\u{0}\(request.attempt)\u{0}\(JSONPrinter.compact(request.input))"
        if let known = locked({ answers[key] }) { return known }
        let run = execute(handler, request)
        locked {
            answers[key] = run.response
            finished.append(run)
        }
        return run.response
    }

    func execute(_ handler: HandlerSpec, _ request: TaskRequest) -> Run {
        let timeout = request.timeoutSeconds ?? defaultTimeoutSeconds
        var process = HandlerProcess(command: handler.command, timeoutMilliseconds: VirtualTime.milliseconds(seconds: timeout),
                                     heartbeatMilliseconds: request.heartbeatSeconds.map(VirtualTime.milliseconds(seconds:)))
        process.environment = ["ASLDB_STATE_NAME": request.stateName, "ASLDB_ATTEMPT": String(request.attempt),
                               "ASLDB_RESOURCE": request.resource.arn]
        if let token = request.taskToken { process.environment["ASLDB_TASK_TOKEN"] = token }
        let lambdaInvoke = HandlerSpec.isLambdaInvoke(request)
        let stdin = lambdaInvoke ? (request.input["Payload"] ?? .object([:])) : request.input
        let result = process.run(stdin: Array(JSONPrinter.compact(stdin).utf8))
        let stderr = String(decoding: result.stderr, as: UTF8.self)
        let response = Self.response(result, handler: handler, timeout: timeout, heartbeat: request.heartbeatSeconds,
                                     stderr: stderr, lambdaInvoke: lambdaInvoke)
        return Run(stateName: request.stateName, attempt: request.attempt, command: handler.command,
                   ending: result.ending, stderr: stderr, response: response)
    }

    static func response(_ result: HandlerProcess.Result, handler: HandlerSpec, timeout: Int64, heartbeat: Int64?,
                         stderr: String, lambdaInvoke: Bool) -> TaskResponse {
        let who = "handler `\(handler.command)`"
        let hint = stderr.isEmpty ? "" : "; its stderr ends: " + lastLine(stderr)
        func failed(_ name: String, _ cause: String) -> TaskResponse { .failed(ExecutionError(name, cause: cause + hint)) }
        switch result.ending {
        case .timedOut:
            return failed(StatesErrorName.timeout, "\(who) did not answer within \(timeout) seconds; asldb killed it")
        case .heartbeatTimedOut:
            return failed(StatesErrorName.heartbeatTimeout, "\(who) wrote nothing for \(heartbeat ?? 0) seconds (HeartbeatSeconds); asldb killed it")
        case .tooMuchOutput:
            return failed(StatesErrorName.taskFailed, "\(who) printed more than \(8 << 20) bytes")
        case .couldNotStart(let why):
            return failed(StatesErrorName.taskFailed, "\(who) could not start: \(why)")
        case .signaled(let signal):
            return failed(StatesErrorName.taskFailed, "\(who) was killed by signal \(signal)")
        case .exited(let status) where status != 0:
            // A Lambda-style error document becomes that error, as AWS reports Lambda errors.
            if let document = try? JSONParser().parse(result.stdout), let type = document["errorType"]?.stringValue {
                return .failed(ExecutionError(type, cause: JSONPrinter.compact(document)))
            }
            return failed(StatesErrorName.taskFailed, "\(who) exited with status \(status)")
        case .exited:
            let text = String(decoding: result.stdout, as: UTF8.self)
            guard text.contains(where: { !$0.isWhitespace }) else {
                return failed(StatesErrorName.taskFailed, "\(who) exited 0 but printed nothing; print the task result as JSON on stdout")
            }
            do {
                let value = try JSONParser().parse(result.stdout)
                return .succeeded(lambdaInvoke ? ["ExecutedVersion": "$LATEST", "Payload": value, "StatusCode": 200] : value)
            } catch {
                return failed(StatesErrorName.taskFailed, "\(who) printed something that is not JSON (\(error.location): \(error.message))")
            }
        }
    }

    static func lastLine(_ text: String) -> String {
        let lines = text.split(whereSeparator: \.isNewline)
        return String((lines.last ?? "").prefix(500))
    }

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        return body()
    }
}

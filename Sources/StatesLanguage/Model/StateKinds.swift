/// `Type: Pass`.
public struct PassState: Sendable {
    public var result: JSON?
    public init(result: JSON? = nil) { self.result = result }
}

/// `Type: Task`.
public struct TaskState: Sendable {
    /// The `Resource` ARN as written (a template placeholder stays a string).
    public var resource: String
    public var timeoutSeconds: ValueSource?
    public var heartbeatSeconds: ValueSource?
    public var credentials: JSON?

    public init(resource: String, timeoutSeconds: ValueSource? = nil, heartbeatSeconds: ValueSource? = nil, credentials: JSON? = nil) {
        self.resource = resource
        self.timeoutSeconds = timeoutSeconds
        self.heartbeatSeconds = heartbeatSeconds
        self.credentials = credentials
    }
}

/// `Type: Wait`: exactly one of Seconds, SecondsPath, Timestamp, TimestampPath.
public struct WaitState: Sendable {
    public enum Duration: Sendable, Hashable {
        case seconds(ValueSource)
        case timestamp(ValueSource)
    }
    public var duration: Duration
    public init(duration: Duration) { self.duration = duration }
}

/// `Type: Fail`.
public struct FailState: Sendable {
    public var error: ValueSource?
    public var cause: ValueSource?
    public init(error: ValueSource? = nil, cause: ValueSource? = nil) {
        self.error = error
        self.cause = cause
    }
}

/// `Type: Parallel`.
public struct ParallelState: Sendable {
    public var branches: [StateMachine]
    public init(branches: [StateMachine]) { self.branches = branches }
}

/// `Type: Map`, inline or distributed.
public struct MapState: Sendable {
    public enum ProcessorMode: String, Sendable, Hashable {
        case inline = "INLINE"
        case distributed = "DISTRIBUTED"
    }

    public var itemsPath: PathSetting = .absent
    /// JSONata `Items` (an array or a `{% %}` expression).
    public var items: JSON?
    /// `ItemSelector`, or the legacy `Parameters` (see `usesLegacyParameters`).
    public var itemSelector: JSON?
    public var usesLegacyParameters = false
    /// `ItemProcessor`, or the legacy `Iterator` (see `usesLegacyIterator`).
    public var processor: StateMachine
    public var usesLegacyIterator = false
    public var mode: ProcessorMode = .inline
    /// `ProcessorConfig.ExecutionType` of a distributed Map (`STANDARD` / `EXPRESS`).
    public var executionType: String?
    public var maxConcurrency: ValueSource?
    public var toleratedFailureCount: ValueSource?
    public var toleratedFailurePercentage: ValueSource?
    public var itemReader: JSON?
    public var itemBatcher: JSON?
    public var resultWriter: JSON?
    public var label: String?

    public init(processor: StateMachine) { self.processor = processor }
}

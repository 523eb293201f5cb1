/// One entry of `Retry`.
public struct Retrier: Sendable, Hashable {
    public enum Jitter: String, Sendable, Hashable {
        case full = "FULL"
        case none = "NONE"
    }

    public var errorEquals: [String]
    public var intervalSeconds: Int64 = 1
    /// Retries allowed (3 means four attempts in all; 0 never retries).
    public var maxAttempts: Int64 = 3
    public var backoffRate: Double = 2.0
    public var maxDelaySeconds: Int64?
    public var jitterStrategy: Jitter = .none
    public var comment: String?
    /// JSON Pointer of this retrier (`/States/Pay/Retry/0`).
    public var pointer: String

    public init(errorEquals: [String], pointer: String) {
        self.errorEquals = errorEquals
        self.pointer = pointer
    }
}

/// One entry of `Catch`.
public struct Catcher: Sendable {
    public var errorEquals: [String]
    public var next: String
    public var resultPath: PathSetting = .absent
    public var assign: JSON?
    /// JSONata `Output` of the catcher.
    public var output: JSON?
    public var comment: String?
    /// JSON Pointer of this catcher (`/States/Pay/Catch/0`).
    public var pointer: String

    public init(errorEquals: [String], next: String, pointer: String) {
        self.errorEquals = errorEquals
        self.next = next
        self.pointer = pointer
    }
}

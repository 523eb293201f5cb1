import ArgumentParser

/// `--handler-timeout SECONDS`, the same in every command that runs handlers.
enum HandlerTimeout {
    static let help = ArgumentHelp("Seconds a handler may run when its state has no TimeoutSeconds (1 to 99999999).")

    /// It stands in for a Task's TimeoutSeconds, so it takes the same range.
    static let range: ClosedRange<Int64> = 1...99_999_999

    static func validate(_ seconds: Int64) throws {
        guard range.contains(seconds) else {
            throw ValidationError("--handler-timeout must be a whole number of seconds from 1 to 99999999 (the range of a Task's TimeoutSeconds), not \(seconds)")
        }
    }
}

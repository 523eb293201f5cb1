/// Arithmetic on virtual time. Seconds come from definitions, inputs, task answers and command
/// lines, so any of them may be huge: every conversion and sum here saturates at the ends of
/// Int64 instead of trapping, and a moment pushed that far only meets the execution's deadline.
extension VirtualTime {
    /// Milliseconds in a whole number of seconds.
    public static func milliseconds(seconds: Int64) -> Int64 {
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        guard overflow else { return product }
        return seconds < 0 ? .min : .max
    }

    /// Milliseconds in a number of seconds (a back-off, a recorded timestamp), rounded to the
    /// nearest; NaN counts as 0.
    public static func milliseconds(seconds: Double) -> Int64 {
        let millis = (seconds * 1000).rounded()
        guard !millis.isNaN else { return 0 }
        // 2^63 is the first double past Int64.max.
        if millis >= 9_223_372_036_854_775_808.0 { return .max }
        if millis <= -9_223_372_036_854_775_808.0 { return .min }
        return Int64(millis)
    }

    /// `moment` moved by `millis` (either may be negative; a span of seconds moves by seconds alike).
    public static func moving(_ moment: Int64, by millis: Int64) -> Int64 {
        let (sum, overflow) = moment.addingReportingOverflow(millis)
        guard overflow else { return sum }
        return millis < 0 ? .min : .max
    }

    /// Milliseconds from `start` to `end`.
    public static func span(from start: Int64, to end: Int64) -> Int64 {
        let (difference, overflow) = end.subtractingReportingOverflow(start)
        guard overflow else { return difference }
        return end < start ? .min : .max
    }
}

extension StateMachineType {
    /// How long AWS lets an execution of this type run before it ends it with States.Timeout
    /// (TIMED_OUT): one year for Standard workflows, five minutes for Express ones.
    public var maximumDuration: Int64 {
        switch self {
        case .standard: return 365 * 86_400_000
        case .express: return 5 * 60_000
        }
    }
}

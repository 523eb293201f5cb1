/// Says in words what Retry and Catch do with an error, which is the lesson a user stepping
/// through a failure came for.
public enum ErrorExplanation {
    /// Lines such as `Retry[0] matches [PaymentProcessingError, …]` and
    /// `retry 2 of 3 · 5 s × 2^1 = 10 s · next try at +15.000s`.
    /// `at` is when the error happened, `start` the execution's start (both virtual ms).
    public static func lines(_ details: ErrorDetails, state: State?, at: Int64, start: Int64, nested: Bool) -> [String] {
        var out: [String] = []
        let retriers = state?.retry ?? []
        let catchers = state?.catch ?? []
        if let i = details.retrierIndex, i < retriers.count {
            let r = retriers[i]
            out.append("Retry[\(i)] matches \(list(r.errorEquals))")
            if let k = details.retryIndex, let delay = details.delayMilliseconds {
                let product = r.uncappedBackoffSeconds(retry: k - 1)
                // Past 10^15 s (far beyond any deadline) milliseconds no longer say it exactly.
                let shown = product < 1e15 ? seconds(VirtualTime.milliseconds(seconds: product)) : number(product) + " s"
                var math = "\(r.intervalSeconds) s × \(number(r.backoffRate))^\(k - 1) = \(shown)"
                if let cap = r.maxDelaySeconds, product > Double(cap) {
                    math += ", capped by MaxDelaySeconds to \(cap) s"
                }
                if r.jitterStrategy == .full { math += ", FULL jitter (seeded) → \(seconds(delay))" }
                out.append("retry \(k) of \(r.maxAttempts) · \(math) · next try at \(VirtualClockText.offset(VirtualTime.span(from: start, to: VirtualTime.moving(at, by: delay))))")
            } else {
                out.append("its \(r.maxAttempts) \(r.maxAttempts == 1 ? "retry is" : "retries are") used up (MaxAttempts \(r.maxAttempts) counts retries: \(r.maxAttempts + 1) attempts in all)")
            }
        } else if !retriers.isEmpty {
            out.append("no retrier matches \(details.error.error)")
        }
        let catcherIndex = details.catchIndex ?? catchers.firstIndex { Execution.errorEquals($0.errorEquals, match: details.error) }
        let prefix = details.retryIndex != nil ? "if it keeps failing: " : ""
        if let c = catcherIndex, c < catchers.count {
            let catcher = catchers[c]
            let path = StateVisit.describe(catcher.resultPath)
            let effect = catcher.resultPath == .absent
                ? "the error output replaces the state's input (no ResultPath)"
                : "ResultPath \(path) puts the error output into the state's input"
            out.append(prefix + "Catch[\(c)] \(list(catcher.errorEquals)) catches it → \(catcher.next); \(effect)")
        } else {
            var line = prefix + "no catcher matches \(details.error.error)"
            if !catchers.isEmpty {
                line += " (" + catchers.enumerated().map { "Catch[\($0.offset)] wants \(list($0.element.errorEquals))" }.joined(separator: ", ") + ")"
            }
            out.append(line)
            out.append((prefix.isEmpty ? "" : "then ") + (nested ? "→ the branch or iteration FAILS" : "→ the execution FAILS"))
        }
        return out
    }

    static func list(_ names: [String]) -> String { "[" + names.joined(separator: ", ") + "]" }

    static func number(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    }

    static func seconds(_ ms: Int64) -> String {
        ms % 1000 == 0 ? "\(ms / 1000) s" : VirtualClockText.decimal(ms) + " s"
    }
}

/// Virtual times as the debugger prints them.
public enum VirtualClockText {
    /// `+5.000s`: milliseconds since the execution started.
    public static func offset(_ ms: Int64) -> String { "+" + decimal(ms) + "s" }

    static func decimal(_ ms: Int64) -> String {
        let whole = ms / 1000
        let frac = abs(ms % 1000)
        let padded = String(repeating: "0", count: 3 - String(frac).count) + String(frac)
        return "\(whole).\(padded)"
    }
}

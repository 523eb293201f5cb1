/// `Wait`: advances the virtual clock by Seconds / SecondsPath or to Timestamp / TimestampPath.
extension Execution {
    mutating func runWait(_ state: StatePlan, _ wait: WaitState) {
        let index = frames.count - 1
        let raw = frames[index].input
        do throws(ExecutionError) {
            let effective = try applyInputPath(state, raw)
            frames[index].stages.afterInputPath = effective
            let until: Int64
            let absolute: Bool
            switch wait.duration {
            case .seconds(let source):
                until = try waitEnd(seconds: try waitSeconds(source, input: effective))
                absolute = false
            case .timestamp(let source):
                until = try waitEnd(timestamp: try waitTimestamp(source, input: effective))
                absolute = true
            }
            let assigned = try evaluateAssign(state.assign, document: effective)
            let output = try applyOutputPath(state, effective)
            finishWait(state, until: until, absolute: absolute, output: output, assigned: assigned)
        } catch {
            failState(locatedIfNeeded(error))
        }
    }

    /// Leaves a Wait state at `until` (a Timestamp when `absolute`), unless the execution's
    /// deadline comes first.
    mutating func finishWait(_ state: StatePlan, until: Int64, absolute: Bool, output: JSON, assigned: JSONObject?) {
        if absolute, until > now { skippedToTimestamps = VirtualTime.moving(skippedToTimestamps, by: VirtualTime.span(from: now, to: until)) }
        if timeOutIfPast(until) { return }
        now = max(now, until)
        exitState(state, output: output, next: state.nextName, nextNode: state.nextNode, assigned: assigned)
    }

    /// When a wait of `seconds` from now ends. AWS keeps a wait's delay in whole seconds of
    /// 32 bits: a longer one fails the state (a shorter one past the execution's year times it out).
    func waitEnd(seconds: Int64) throws(ExecutionError) -> Int64 {
        guard seconds <= Int64(Int32.max) else { throw runtimeError("Wait state delay is too long.") }
        return VirtualTime.moving(now, by: VirtualTime.milliseconds(seconds: seconds))
    }

    /// When a wait until the moment `millis` ends (a moment already past ends it at once).
    func waitEnd(timestamp millis: Int64) throws(ExecutionError) -> Int64 {
        guard VirtualTime.span(from: now, to: millis) / 1000 <= Int64(Int32.max) else {
            throw runtimeError("Wait state delay is too long.")
        }
        return millis
    }

    private mutating func waitSeconds(_ source: ValueSource, input: JSON) throws(ExecutionError) -> Int64 {
        guard case .path(let path) = source else {
            // A literal the loader refused never gets here: it is not run (see LoadedDefinition.runBlockers).
            let value = try resolve(source, field: "Seconds", input: input)
            return value.intValue ?? 0
        }
        let value: JSON
        do throws(ExecutionError) {
            value = try resolve(source, field: "SecondsPath", input: input)
        } catch {
            throw runtimeError("The SecondsPath parameter does not reference an input value: \(path)")
        }
        guard case .number(let n) = value, let seconds = n.intValue else {
            throw runtimeError("The SecondsPath parameter cannot be parsed as a long value: \(path) == \(DataFlow.describe(value))")
        }
        guard seconds >= 0 else {
            throw runtimeError("The SecondsPath parameter references a negative value: \(path) == \(seconds)")
        }
        return seconds
    }

    private mutating func waitTimestamp(_ source: ValueSource, input: JSON) throws(ExecutionError) -> Int64 {
        let value: JSON
        let path: String
        switch source {
        case .path(let p):
            path = p
            do throws(ExecutionError) {
                value = try resolve(source, field: "TimestampPath", input: input)
            } catch {
                throw runtimeError("The TimestampPath parameter does not reference an input value: \(p)")
            }
        default:
            path = ""
            value = try resolve(source, field: "Timestamp", input: input)
        }
        guard let text = value.stringValue, let millis = VirtualTime.parse(text) else {
            throw runtimeError("The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: \(path) == \(DataFlow.describe(value))")
        }
        return millis
    }
}

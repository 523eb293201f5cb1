/// `Wait`: advances the virtual clock by Seconds / SecondsPath or to Timestamp / TimestampPath.
extension Execution {
    mutating func runWait(_ state: StatePlan, _ wait: WaitState) {
        let index = frames.count - 1
        let raw = frames[index].input
        do throws(ExecutionError) {
            let effective = try applyInputPath(state, raw)
            frames[index].stages.afterInputPath = effective
            let until: Int64
            switch wait.duration {
            case .seconds(let source):
                until = now + (try waitSeconds(source, input: effective)) * 1000
            case .timestamp(let source):
                until = try waitTimestamp(source, input: effective)
            }
            let assigned = try evaluateAssign(state.assign, document: effective)
            let output = try applyOutputPath(state, effective)
            if timeOutIfPast(until) { return }
            now = max(now, until)
            exitState(state, output: output, next: state.nextName, nextNode: state.nextNode, assigned: assigned)
        } catch {
            failState(locatedIfNeeded(error))
        }
    }

    private mutating func waitSeconds(_ source: ValueSource, input: JSON) throws(ExecutionError) -> Int64 {
        guard case .path(let path) = source else {
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
        if (millis - now) / 1000 > Int64(Int32.max) {
            throw runtimeError("Wait state delay is too long.")
        }
        return millis
    }
}

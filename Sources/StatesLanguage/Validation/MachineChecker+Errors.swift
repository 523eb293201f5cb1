extension MachineChecker {
    /// Retry and Catch: `States.ALL` alone and last, `States.` names that exist, fields of the right language.
    mutating func checkErrorHandling(_ state: State) {
        let entries: [(what: String, pointer: String, names: [String])] =
            state.retry.map { ("Retry", $0.pointer, $0.errorEquals) } + state.catch.map { ("Catch", $0.pointer, $0.errorEquals) }
        for field in ["Retry", "Catch"] {
            let list = entries.filter { $0.what == field }
            for (index, entry) in list.enumerated() {
                let ep = pointer(entry.pointer, "ErrorEquals")
                for (i, name) in entry.names.enumerated() {
                    if name == StatesErrorName.all {
                        if entry.names.count > 1 {
                            sink.error(.statesAllNotLast, "'States.ALL' must be the only error name in its 'ErrorEquals'", at: pointer(ep, i))
                        } else if index != list.count - 1 {
                            sink.error(.statesAllNotLast, "'States.ALL' must be in the last \(field) entry; later entries can never match",
                                       at: pointer(ep, i))
                        }
                    } else if name.hasPrefix("States."), !StatesErrorName.known.contains(name) {
                        // A warning: AWS itself accepts such names (deployed samples use them).
                        sink.warning(.invalidErrorName, "'\(name)' is not a Step Functions error; names starting with 'States.' are reserved",
                                   at: pointer(ep, i))
                    }
                }
            }
        }
        for catcher in state.catch {
            guard case .object(let o)? = node(at: catcher.pointer) else { continue }
            if state.queryLanguage == .jsonata, o["ResultPath"] != nil {
                sink.error(.schemaValidationFailed, "'ResultPath' is a JSONPath field, but this state uses JSONata; use 'Output' and 'Assign'",
                           at: pointer(catcher.pointer, "ResultPath"))
            }
            if state.queryLanguage == .jsonPath, o["Output"] != nil {
                sink.error(.schemaValidationFailed,
                           "'Output' is a JSONata field, but this state uses JSONPath; set \"QueryLanguage\": \"JSONata\" to use it",
                           at: pointer(catcher.pointer, "Output"))
            }
        }
    }
}

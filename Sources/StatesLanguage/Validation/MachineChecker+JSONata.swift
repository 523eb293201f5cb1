extension MachineChecker {
    /// In a JSONata state, a string that opens `{%` but does not close with `%}` is almost
    /// certainly a broken expression: Step Functions would take it as literal text.
    mutating func checkExpressions(_ state: State) {
        guard state.queryLanguage == .jsonata, case .object(let fields) = state.raw else { return }
        for (key, value) in fields where !["ItemProcessor", "Iterator", "Branches"].contains(key) {
            checkExpressions(in: value, at: pointer(state.pointer, key))
        }
    }

    private mutating func checkExpressions(in value: JSON, at p: String) {
        switch value {
        case .string(let text):
            let trimmed = text.trimmingSpaces()
            if trimmed.hasPrefix("{%") != trimmed.hasSuffix("%}") {
                sink.error(.schemaValidationFailed, "a JSONata expression must be written as {% … %}, with both delimiters", at: p)
            }
        case .array(let elements):
            for (i, element) in elements.enumerated() { checkExpressions(in: element, at: pointer(p, i)) }
        case .object(let members):
            for (key, member) in members { checkExpressions(in: member, at: pointer(p, key)) }
        default:
            break
        }
    }
}

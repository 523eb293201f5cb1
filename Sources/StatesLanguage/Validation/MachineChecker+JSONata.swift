import JSONata
import StatesJSON

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
            } else if jsonataExpression(value) != nil {
                checkSyntax(of: text, at: p)
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

extension MachineChecker {
    /// Parses a `{% … %}` field as Step Functions' JSONata: a syntax error, or an operator Step
    /// Functions leaves out (`??`, `?:`), makes the definition invalid, as AWS refuses it when the
    /// state machine is created. The diagnostic points at the offending character when the field
    /// is written on one line without escapes, at the field otherwise.
    private mutating func checkSyntax(of text: String, at p: String) {
        let opening = text.utf16.firstIndex(of: UInt16(UInt8(ascii: "%")))!
        let start = text.utf16.index(after: opening)
        let body = String(text[start...].dropLast(2))
        do {
            _ = try JSONataExpression(body, dialect: .stepFunctions)
        } catch {
            let hint = body.contains("??") || body.contains("?:")
                ? "; Step Functions' JSONata has no ?? or ?: operators, write a condition ? a : b instead" : ""
            sink.add(.error, .schemaValidationFailed,
                     "the JSONata expression does not parse: \(error.code): \(error.message)\(hint)", at: p)
            if var precise = sink.document.sourceMap.values[p], Self.columnsMatchTheSource(text, fileName: sink.document.fileName) {
                // The value's column is its opening quote's; JSONata's position counts from 1.
                precise.column += text.utf16.distance(from: text.utf16.startIndex, to: start) + (error.position ?? 0)
                sink.relocateLast(to: precise)
            }
        }
    }

    /// Whether a string's columns in its file are its characters' columns plus the opening quote:
    /// JSON text on one line, in ASCII, with nothing escaped.
    private static func columnsMatchTheSource(_ text: String, fileName: String) -> Bool {
        if fileName.hasSuffix(".yaml") || fileName.hasSuffix(".yml") { return false }
        return text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: "\"") }
    }
}

/// `aws stepfunctions describe-state-machine` output (`{"stateMachineArn": ..., "definition":
/// "{\"StartAt\": ...}", "type": ...}`) given where a definition is wanted: the definition is the
/// JSON text in its `definition` member, and what is wrong with it is reported at its place
/// inside that string in the file.
extension DefinitionLoader {
    /// The definition `document` describes, when it is such output; nil for any other document.
    static func described(_ document: JSONDocument, bytes: [UInt8]) -> FileContents? {
        guard case .object(let object) = document.value, object["States"] == nil, object["stateMachineArn"]?.stringValue != nil,
              let embedded = EmbeddedJSONText(document, member: "definition", bytes: bytes) else { return nil }
        let reading = parseText(Array(embedded.text.utf8), fileName: document.fileName)
        switch reading.result {
        case .failure(let error):
            var diagnostic = diagnostic(for: error)
            diagnostic.location = embedded.map(error.location)
            diagnostic.message += " (in the \"definition\" text, line \(error.location.line), column \(error.location.column))"
            return .unreadable(diagnostic)
        case .success(let parsed):
            let warnings = reading.warnings.map { warning in
                var moved = warning
                moved.location = warning.location.map(embedded.map)
                return moved
            }
            return definition(embedded.relocated(parsed), warnings: warnings)
        }
    }
}

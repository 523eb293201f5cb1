/// Collects diagnostics against one document, giving each its line:column and ASL path.
struct DiagnosticSink {
    let document: JSONDocument
    private(set) var diagnostics: [Diagnostic] = []

    init(document: JSONDocument) {
        self.document = document
    }

    mutating func error(_ code: DiagnosticCode, _ message: String, at pointer: String, replacesValue: Bool = false) {
        add(.error, code, message, at: pointer, replacesValue: replacesValue)
    }

    mutating func warning(_ code: DiagnosticCode, _ message: String, at pointer: String) {
        add(.warning, code, message, at: pointer)
    }

    mutating func add(_ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String, at pointer: String,
                      replacesValue: Bool = false) {
        diagnostics.append(Diagnostic(
            severity: severity, code: code, message: message, pointer: pointer,
            path: ASLPath.path(of: pointer, in: document.value),
            location: document.sourceMap.location(of: pointer), replacesValue: replacesValue))
    }

    /// Moves the last diagnostic to a more precise place inside its field.
    mutating func relocateLast(to location: SourceLocation) {
        guard !diagnostics.isEmpty else { return }
        diagnostics[diagnostics.count - 1].location = location
    }

    mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }
}

/// Builds child pointers without forgetting RFC 6901 escaping.
func pointer(_ base: String, _ key: String) -> String {
    base + "/" + JSONPointer.escape(key)
}

func pointer(_ base: String, _ index: Int) -> String {
    base + "/" + String(index)
}

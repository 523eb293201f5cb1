/// What a path field may contain.
enum PathKind {
    /// `ResultPath`: a single node under `$`; no wildcards, filters, variables or context.
    case resultPath
    /// `InputPath` and `OutputPath`: any JSONPath, or `null`.
    case input
    /// `ItemsPath` and the `…Path` twins of fields (`SecondsPath`, `TimeoutSecondsPath`): a single
    /// node, which may start at a variable or the context object.
    case reference
    /// `Variable`, comparison operands and `.$` template values: any JSONPath, context or variable path.
    case value

    var allowsNull: Bool { self == .resultPath || self == .input }
    var noun: String { self == .resultPath || self == .reference ? "reference path" : "path" }
}

/// Checks path text with the same parser the engine evaluates it with, then the rules of the field.
enum PathSyntax {
    /// Why `text` is not a valid path of `kind`, or nil when it is.
    static func problem(in text: String, kind: PathKind) -> String? {
        let path: JSONPath
        do {
            path = try JSONPath(text)
        } catch {
            return "\(error.message) at column \(error.column)"
        }
        switch kind {
        case .resultPath:
            if case .context = path.root { return "'ResultPath' cannot refer to the context object ('$$')" }
            if case .variable = path.root { return "'ResultPath' cannot refer to a variable" }
            if !path.isReferencePath { return manyNodes }
        case .reference:
            if !path.isReferencePath { return manyNodes }
        case .input, .value:
            break
        }
        return nil
    }

    /// The words a filter in `text` compares with unquoted, which Step Functions reads as strings.
    static func unquotedWords(in text: String) -> [JSONPathParser.UnquotedWord] {
        var parser = JSONPathParser(text)
        guard (try? parser.parsePath()) != nil else { return [] }
        return parser.unquotedWords
    }

    static let manyNodes = "it can select many nodes; a reference path names one node through member names and single indexes"

    /// Why `text` is not a valid intrinsic function call, or nil when it is.
    static func intrinsicProblem(in text: String) -> String? {
        do {
            _ = try IntrinsicCall(text)
            return nil
        } catch {
            return "\(error.message) at column \(error.column)"
        }
    }
}

extension DiagnosticSink {
    /// Reports path text that is not a valid path of `kind` for `field`, and warns of each word a
    /// filter compares with unquoted.
    mutating func checkPath(_ text: String, kind: PathKind, field: String, at p: String) {
        if let problem = PathSyntax.problem(in: text, kind: kind) {
            error(.invalidPath, "'\(field)' is not a valid \(kind.noun): \(problem)", at: p)
            return
        }
        for unquoted in PathSyntax.unquotedWords(in: text) {
            warning(.unquotedFilterWord, "'\(field)' compares with the unquoted word \(unquoted.word) (column \(unquoted.column)), "
                    + "which Step Functions reads as the string '\(unquoted.word)'; quote it ('\(unquoted.word)'), as other JSONPath "
                    + "tools refuse it", at: p)
        }
    }
}

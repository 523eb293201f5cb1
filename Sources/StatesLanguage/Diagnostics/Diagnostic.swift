/// A problem found in a state machine definition: what, how bad, and where.
public struct Diagnostic: Sendable, Hashable {
    /// Errors make a definition invalid; warnings point at likely mistakes AWS accepts.
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    /// Whether the problem makes the definition invalid.
    public var severity: Severity
    /// The kind of problem, for filtering and for tools.
    public var code: DiagnosticCode
    /// What is wrong, phrased for people, without the place.
    public var message: String
    /// JSON Pointer of the offending value or member (`/States/Pay/Retry/0/BackoffRate`).
    public var pointer: String
    /// The same place in ASL style (`$.States.Pay.Retry[0].BackoffRate`).
    public var path: String
    /// Line and column in the source text; nil when the text was not available.
    public var location: SourceLocation?
    /// Whether the model could not keep the value this is about and holds a stand-in (the
    /// field's default, or nothing) instead: running the model would not run what is written.
    public var replacesValue: Bool

    /// A diagnostic whose path and location are already known.
    public init(severity: Severity, code: DiagnosticCode, message: String, pointer: String,
                path: String, location: SourceLocation?, replacesValue: Bool = false) {
        self.severity = severity
        self.code = code
        self.message = message
        self.pointer = pointer
        self.path = path
        self.location = location
        self.replacesValue = replacesValue
    }

    /// True for errors, false for warnings.
    public var isError: Bool { severity == .error }

    /// One line in the compiler style editors understand:
    /// `file:line:col: error CODE: message (at $.States.X.Next)`.
    public func formatted(fileName: String) -> String {
        let place = location.map { "\(fileName):\($0.line):\($0.column)" } ?? fileName
        return "\(place): \(severity.rawValue) \(code.rawValue): \(message) (at \(Self.shortened(path.description)))"
    }

    /// A path of hundreds of levels (a document nested too deep) keeps its two ends.
    static func shortened(_ path: String, limit: Int = 160) -> String {
        guard path.count > limit else { return path }
        return String(path.prefix(limit / 2)) + "…" + String(path.suffix(limit / 2))
    }
}

/// A diagnostic's code, modelled on the codes of AWS `ValidateStateMachineDefinition`.
public struct DiagnosticCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The code as printed (`MISSING_END_STATE`).
    public var rawValue: String
    /// A code by its printed name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The code as printed.
    public var description: String { rawValue }

    /// The text is not JSON (or, for a YAML file, not YAML).
    public static let invalidJSONDescription = DiagnosticCode(rawValue: "INVALID_JSON_DESCRIPTION")
    /// A field is missing, has the wrong type or value, or is not allowed where it is.
    public static let schemaValidationFailed = DiagnosticCode(rawValue: "SCHEMA_VALIDATION_FAILED")
    /// A state neither ends the machine nor names a next state, or no state ends it.
    public static let missingEndState = DiagnosticCode(rawValue: "MISSING_END_STATE")
    /// `StartAt`, `Next`, `Default` or a rule's `Next` names a state that does not exist (here).
    public static let missingTransitionTarget = DiagnosticCode(rawValue: "MISSING_TRANSITION_TARGET")
    /// Two states share a name somewhere in the machine, nested branches included.
    public static let duplicateStateName = DiagnosticCode(rawValue: "DUPLICATE_STATE_NAME")
    /// A state name that is empty or longer than 80 characters.
    public static let invalidStateName = DiagnosticCode(rawValue: "INVALID_STATE_NAME")
    /// A path field whose text is not a valid path of the kind it must be.
    public static let invalidPath = DiagnosticCode(rawValue: "INVALID_PATH")
    /// An error name starting with `States.` that Step Functions does not define.
    public static let invalidErrorName = DiagnosticCode(rawValue: "INVALID_ERROR_NAME")
    /// `States.ALL` shares its `ErrorEquals` or is not in the last retrier or catcher.
    public static let statesAllNotLast = DiagnosticCode(rawValue: "STATES_ALL_NOT_LAST")
    /// A state no transition leads to.
    public static let unreachableState = DiagnosticCode(rawValue: "UNREACHABLE_STATE")
    /// A payload template key and value that disagree about being a path (`.$` suffix).
    public static let noDollar = DiagnosticCode(rawValue: "NO_DOLLAR")
    /// asldb's own: what a deployment fills in was read as a stand-in so the definition loads: a
    /// template placeholder outside a JSON string (`"TimeoutSeconds": ${timeout}`) or where a
    /// number belongs (`"MaxConcurrency": "${max}"`), a CloudFormation intrinsic (`{"Ref": "Queue"}`).
    public static let placeholderSubstituted = DiagnosticCode(rawValue: "PLACEHOLDER_SUBSTITUTED")
    /// asldb's own: a JSONPath filter compares with a word written without quotes
    /// (`[?(@.Type==Receipt)]`), which Step Functions reads as a string but other tools refuse.
    public static let unquotedFilterWord = DiagnosticCode(rawValue: "UNQUOTED_FILTER_WORD")
    /// asldb's own: a template's state machine whose definition cannot be had (none given, in
    /// S3, an unreadable `DefinitionUri`, a `DefinitionString` that is not text).
    public static let templateDefinition = DiagnosticCode(rawValue: "TEMPLATE_DEFINITION")
}

extension Diagnostic {
    /// Diagnostics in source order; ties keep the order they were found in.
    public static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            switch (la, lb) {
            case let (x?, y?) where x != y:
                return (x.line, x.column) < (y.line, y.column)
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }
}

/// One state of a state machine, with the fields every kind may have kept here so that the
/// engine applies the data-flow pipeline (InputPath → Parameters → … → OutputPath) in one place.
public struct State: Sendable {
    public var name: String
    /// JSON Pointer of the state's object in the source document (`/States/ProcessPayment`).
    public var pointer: String
    public var comment: String?
    /// The effective query language (the state's own, else its machine's).
    public var queryLanguage: QueryLanguage
    /// Where execution goes after this state.
    public var transition: Transition

    // Data flow (JSONPath mode). Absent fields keep their ASL defaults.
    public var inputPath: PathSetting = .absent
    /// `Parameters` of Pass, Task and Parallel (Map's legacy `Parameters` is `MapState.itemSelector`).
    public var parameters: JSON?
    public var resultSelector: JSON?
    public var resultPath: PathSetting = .absent
    public var outputPath: PathSetting = .absent

    // Data flow (JSONata mode).
    public var arguments: JSON?
    public var output: JSON?

    /// `Assign` (both modes): variables set when the state completes.
    public var assign: JSON?

    /// Task, Parallel and Map only.
    public var retry: [Retrier] = []
    public var `catch`: [Catcher] = []

    public var kind: Kind
    /// The state's object as written, for display.
    public var raw: JSON

    public init(name: String, pointer: String, queryLanguage: QueryLanguage = .jsonPath,
                transition: Transition, kind: Kind, raw: JSON = .object([:])) {
        self.name = name
        self.pointer = pointer
        self.queryLanguage = queryLanguage
        self.transition = transition
        self.kind = kind
        self.raw = raw
    }

    /// The kind of state, with the fields only that kind has.
    public enum Kind: Sendable {
        case pass(PassState)
        case task(TaskState)
        case choice(ChoiceState)
        case wait(WaitState)
        case succeed
        case fail(FailState)
        case parallel(ParallelState)
        case map(MapState)
    }

    /// The `Type` name as written in ASL.
    public var typeName: String {
        switch kind {
        case .pass: return "Pass"
        case .task: return "Task"
        case .choice: return "Choice"
        case .wait: return "Wait"
        case .succeed: return "Succeed"
        case .fail: return "Fail"
        case .parallel: return "Parallel"
        case .map: return "Map"
        }
    }
}

/// Where execution goes when a state completes.
public enum Transition: Sendable, Hashable {
    case next(String)
    case end
    /// Choice (its rules decide), Succeed and Fail.
    case none
}

/// A path field (`InputPath`, `ResultPath`, `OutputPath`, `ItemsPath`) as written.
public enum PathSetting: Sendable, Hashable {
    /// Not written: the default `$`.
    case absent
    /// Written as JSON `null`.
    case null
    case path(String)

    /// The path in force: `$` when absent, nil when null.
    public var effectivePath: String? {
        switch self {
        case .absent: return "$"
        case .null: return nil
        case .path(let p): return p
        }
    }
}

/// A field that can be written as a literal, as its `…Path` twin, or as a JSONata expression:
/// `Seconds`/`SecondsPath`, `TimeoutSeconds`/`TimeoutSecondsPath`, `Error`/`ErrorPath`, ...
public enum ValueSource: Sendable, Hashable {
    case literal(JSON)
    /// A JSONPath (`$.wait`), context path (`$$.…`) or variable (`$x`) from the `…Path` field.
    case path(String)
    /// A JSONata expression `{% … %}` (the text between the delimiters).
    case jsonata(String)
}

/// The four panels of the debugger's screen, in Tab order.
public enum PanelID: Int, CaseIterable, Sendable, Hashable {
    case graph, dataFlow, timeline, inspector

    /// The name in the panel's border and in the help.
    public var title: String {
        switch self {
        case .graph: return "Graph"
        case .dataFlow: return "Data flow"
        case .timeline: return "Timeline"
        case .inspector: return "Variables & context"
        }
    }
}

/// The full-screen debugger as a value: `update(_:)` takes an input event and changes the model,
/// `view(_:)` draws it. No terminal, clock or file inside, so tests drive it with a list of keys.
public struct DebuggerApp {
    /// The debugging session: the execution's timeline, breakpoints and injections.
    public internal(set) var session: DebugSession
    /// What the header names: the definition's file name and Comment.
    public let title: String
    var graph: GraphCanvas
    /// Whether the graph is laid out small (`-`), so a wide machine fits the panel.
    public internal(set) var compactGraph = false
    /// JSON Pointers of the Parallel and Map states whose bodies are folded (Enter on the graph).
    public internal(set) var foldedStates: Set<String> = []
    /// States inside a folded body, by name, and the folded box that stands for them.
    var hiddenStates: [String: String] = [:]
    public internal(set) var focus: PanelID = .graph
    /// Whether the focused panel fills the whole body (`z`).
    public internal(set) var zoomed = false
    /// The left panels' share of the width in percent, set with `H` and `L`; nil: chosen by
    /// the window width, and the graph panel no wider than its graph.
    var graphShare: Int?
    var graphScroll = ScrollState()
    /// Whether the graph scrolls to keep the current state in view; panning by hand stops it.
    var followCurrent = true
    /// The state picked in the graph with the arrows or the mouse: `b`, `e` and `g` act on it.
    public internal(set) var selectedState: String?
    var timelineList = ListState(selection: nil)
    var dataList = ListState(selection: 0)
    var inspectorList = ListState(selection: 0)
    /// Folds the user changed in the data-flow panel, by `DataFlowRow.foldKey` (true: folded).
    var foldOverrides: [String: Bool] = [:]
    /// Columns the data-flow panel is scrolled to the right (`h`/`l`).
    var dataOffsetX = 0
    public internal(set) var overlay: Overlay?
    /// The first row shown of the help or the message log when it does not fit the window.
    var overlayOffset = 0
    /// What `/` in the help narrows it to, and whether it is still being typed.
    var helpFilter: (text: TextInput, typing: Bool)?
    /// The last search, highlighted in the data-flow panel and repeated by `/` Enter.
    public internal(set) var searchQuery: String?
    /// Where `n` and `N` look while a search is active; nil when `n` steps over.
    public internal(set) var activeSearch: SearchScope?
    /// Shows only the timeline events whose state name or type contains this (`f` in the timeline).
    public internal(set) var timelineFilter: String?
    /// The line on the right of the status bar: what the last command did.
    public internal(set) var message: String
    public internal(set) var messageIsError = false
    /// What `y` copied, until the front end sends it to the terminal.
    var copiedText: String?
    /// Every message shown so far, for `m`.
    var log = MessageLog()
    /// The Task the last step could not run because nothing answers it.
    var blocked: BlockedTask?
    /// Where `w` saves the session (`--session FILE`), nil for the default name.
    public var sessionPath: String?
    /// Set when the session replays a recorded AWS execution.
    public var replay: ReplayContext?
    /// Writes the session as a mock test case (`x`); nil where no file system is at hand.
    public var exporter: Exporter?
    /// Reads the definition again after the user edited it (`R`); nil where there is no file.
    public var reloader: Reloader?
    /// The debuggers of the parent executions while stepping through a child execution (`>`),
    /// outermost first; `<` goes back to the last one as it was.
    var parents: [DebuggerApp] = []
    /// The size of the last frame drawn, for page-sized scrolling and mouse hit tests.
    var lastSize = Size(width: 80, height: 24)
    let cache = DataFlowCache()
    /// Counts changes to the session, so caches know when to rebuild.
    var generation = 0

    /// A debugger over `session`, paused before the first state.
    public init(session: DebugSession, title: String, sessionPath: String? = nil) {
        self.session = session
        self.title = title
        self.sessionPath = sessionPath
        graph = GraphLayout.layout(session.setup.definition)
        message = "paused before the first state · s step · c continue · ? help"
        selectedState = session.setup.definition.startAt
        log.append(message, isError: false, event: 0)
    }

    /// Something drawn over the panels that takes the keys until it closes.
    public enum Overlay {
        case help
        case inject(InjectForm)
        case edit(EditForm)
        case breakpoint(BreakpointForm)
        case answer(AnswerForm)
        case search(SearchBar)
        /// The message log (`m`).
        case messages
    }

    /// The name of the visible overlay, for tests and the status line.
    public var overlayName: String? {
        switch overlay {
        case nil: return nil
        case .help: return "help"
        case .inject: return "inject"
        case .edit: return "edit"
        case .breakpoint: return "breakpoint"
        case .answer: return "answer"
        case .search: return "search"
        case .messages: return "messages"
        }
    }

    /// The state the execution is in at the cursor (the latest state visit's state).
    public var currentState: String? {
        session.visit(at: session.cursor)?.stateName
    }

    /// The state that `b`, `e` and `g` act on: the graph's selection, else the current state.
    var targetState: String? {
        selectedState ?? currentState
    }

    /// The graph view for the cursor's moment.
    func graphView(colors: Bool = true) -> GraphView {
        var marks = cache.marks(generation: generation, selected: selectedState) {
            GraphMarks(session: session, selected: selectedState)
        }
        if !hiddenStates.isEmpty { marks = marks.folded(into: hiddenStates) }
        return GraphView(canvas: graph, marks: marks, colors: colors)
    }

    /// The graph's layout options as the user chose them.
    var graphOptions: GraphLayout.Options {
        compactGraph ? .compact(folded: foldedStates) : GraphLayout.Options(folded: foldedStates)
    }

    /// Lays the graph out again after the definition, the zoom or the folds changed.
    mutating func relayoutGraph() {
        let machine = session.setup.definition
        let all = Self.statesWithPointers(machine)
        foldedStates = foldedStates.filter { pointer in all.contains { $0.pointer == pointer } }
        graph = GraphLayout.layout(machine, options: graphOptions)
        hiddenStates = [:]
        // The outermost fold stands for everything under it.
        for container in foldedStates.sorted(by: { $0.count < $1.count }) {
            guard let name = all.first(where: { $0.pointer == container })?.name else { continue }
            for state in all where state.pointer.hasPrefix(container + "/") && hiddenStates[state.name] == nil {
                hiddenStates[state.name] = name
            }
        }
    }

    /// Every state of the machine, nested ones included, with its JSON Pointer.
    static func statesWithPointers(_ machine: StateMachine) -> [(name: String, pointer: String)] {
        var result: [(name: String, pointer: String)] = []
        for state in machine.states.values {
            result.append((state.name, state.pointer))
            switch state.kind {
            case .parallel(let p): for branch in p.branches { result += statesWithPointers(branch) }
            case .map(let m): result += statesWithPointers(m.processor)
            default: break
            }
        }
        return result
    }

    /// Shows a note on the status line, such as which files the debugger picked.
    public mutating func note(_ text: String) {
        report(text + " · s step · ? help")
    }

    mutating func report(_ text: String, error: Bool = false) {
        message = text
        messageIsError = error
        log.append(text, isError: error, event: session.cursor)
    }
}

/// What the app wants after handling an event.
public enum LoopAction: Hashable, Sendable {
    case `continue`
    /// Leave the loop with this exit code.
    case quit(Int32)
}

/// The smallest app loop: draw `view(size)`, wait for an event, hand it to `update`, repeat.
///
/// `update` receives nil when nothing happened within `tick`, which lets an app animate or
/// poll. Resizes redraw from scratch, since the terminal's contents are then unknown.
/// `.terminate` quits with 143 unless `update` handles it first by returning `.quit`.
@MainActor
public func runEventLoop(
    on terminal: any Terminal,
    tick: Duration = .milliseconds(100),
    view: (Size) -> Screen,
    update: (Event?) -> LoopAction
) -> Int32 {
    let renderer = Renderer(terminal: terminal)
    while true {
        renderer.render(view(terminal.size))
        let event = terminal.readEvent(timeout: tick)
        if case .resize = event { renderer.invalidate() }
        if case .quit(let code) = update(event) { return code }
        if event == .terminate { return 143 }
    }
}

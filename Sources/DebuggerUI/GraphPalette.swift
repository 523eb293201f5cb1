import TerminalUI

/// The styles the graph is drawn with, in colour or in attributes only.
///
/// The monochrome set is written out rather than left to `Style.degraded`, because degrading
/// turns every coloured background into reverse video, and the graph needs the current box
/// (reverse) to stay distinct from the selected name (underline).
struct GraphPalette: Sendable {
    var edge: Style
    var catchEdge: Style
    var choiceLabel: Style
    var catchLabel: Style
    var takenEdge: Style
    var frame: Style
    var typeTag: Style
    var retryMark: Style
    var retryProgress: Style
    var visitedBorder: Style
    var failedBorder: Style
    var currentBox: Style
    /// The current box when its latest attempt failed.
    var currentFailedBox: Style
    var selectedName: Style
    var currentMarker: Style
    var visitedMarker: Style
    var failedMarker: Style
    var breakpointMarker: Style

    static let color = GraphPalette(
        edge: .plain,
        catchEdge: .fg(.magenta),
        choiceLabel: .fg(.cyan),
        catchLabel: .fg(.magenta),
        takenEdge: Style(foreground: .green, attributes: .bold),
        frame: .dim,
        typeTag: .dim,
        retryMark: .fg(.yellow),
        retryProgress: Style(foreground: .yellow, attributes: .bold),
        visitedBorder: .fg(.green),
        failedBorder: .fg(.red),
        currentBox: Style(foreground: .black, background: .yellow, attributes: .bold),
        currentFailedBox: Style(foreground: .brightWhite, background: .red, attributes: .bold),
        selectedName: Style(foreground: .black, background: .cyan, attributes: .bold),
        currentMarker: Style(foreground: .yellow, attributes: .bold),
        visitedMarker: .fg(.green),
        failedMarker: Style(foreground: .red, attributes: .bold),
        breakpointMarker: .fg(.red))

    static let monochrome = GraphPalette(
        edge: .plain,
        catchEdge: .plain,
        choiceLabel: .plain,
        catchLabel: Style(attributes: .italic),
        takenEdge: .bold,
        frame: .dim,
        typeTag: .dim,
        retryMark: .plain,
        retryProgress: .bold,
        visitedBorder: .plain,
        failedBorder: .bold,
        currentBox: Style(attributes: [.reverse, .bold]),
        currentFailedBox: Style(attributes: [.reverse, .bold]),
        selectedName: Style(attributes: [.underline, .bold]),
        currentMarker: .bold,
        visitedMarker: .plain,
        failedMarker: .bold,
        breakpointMarker: .bold)
}


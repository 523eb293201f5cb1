import StateGraph
import Testing

/// Compares rendered rows with the expected text; on a mismatch prints the actual rows ready to
/// paste, since reading a diff of box-drawing characters is hopeless.
func expectRows(_ canvas: GraphCanvas, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let actual = canvas.render()
    var wanted = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    while wanted.last?.isEmpty == true { wanted.removeLast() }
    if actual != wanted {
        print("---- actual layout ----\n" + actual.joined(separator: "\n") + "\n-----------------------")
    }
    #expect(actual == wanted, sourceLocation: sourceLocation)
}

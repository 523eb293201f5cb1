import Testing
@testable import DebuggerUI

/// Whatever a user presses, clicks or resizes to, the debugger never crashes and every frame
/// fills the window exactly: random sessions of keys, mouse events and resizes, seeded.
@Suite struct RandomKeysTests {
    static let keys: [Key] = [
        .char("s"), .char("n"), .char("o"), .char("c"), .char("u"), .char("r"), .char("g"), .char("b"), .char("B"),
        .char("e"), .char("i"), .char("a"), .char("z"), .char("f"), .char("/"), .char("?"), .char("["), .char("]"),
        .char("h"), .char("j"), .char("k"), .char("l"), .char("d"), .char("x"), .char("R"), .char(">"), .char("<"),
        .char("7"), .char("$"), .char(" "), .left, .right, .up, .down, .pageUp, .pageDown, .home, .end,
        .enter, .escape, .tab, .backTab, .backspace, .delete, .function(5), .function(9), .function(10), .function(11),
    ]

    /// A small deterministic generator (SplitMix64), so a failing seed can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    @Test(arguments: [("order-processing", "PaymentRetriesThenSucceeds"), ("map", nil), ("parallel", nil),
                      ("variables", nil), ("catch-resultpath", "Declined")] as [(String, String?)])
    func randomSessionsNeverBreakAFrame(sample: String, testCase: String?) throws {
        for seed in 1...3 {
            var random = Generator(state: UInt64(seed) &* 7919 &+ UInt64(sample.count))
            var app = try AppHarness.app(sample, testCase: testCase)
            var size = Size(width: 80, height: 24)
            for step in 0..<120 {
                let roll = random.next(100)
                if roll < 4 {
                    size = Size(width: 40 + random.next(120), height: 10 + random.next(40))
                    _ = app.update(.resize(size))
                } else if roll < 10 {
                    let kind: MouseEvent.Kind = [.click, .wheelUp, .wheelDown][random.next(3)]
                    _ = app.update(.mouse(MouseEvent(kind, at: Point(x: random.next(size.width), y: random.next(size.height)))))
                } else {
                    _ = app.update(.key(Self.keys[random.next(Self.keys.count)]))
                }
                let screen = app.view(size)
                for row in screen.rows() where cellWidth(row) != size.width {
                    Issue.record("\(sample) seed \(seed) step \(step): a row is \(cellWidth(row)) cells at \(size)")
                    return
                }
            }
        }
    }
}

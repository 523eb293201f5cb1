import Testing
import StatesJSON

/// The one Base64 codec both the States.Base64 intrinsics and JSONata use.
@Suite struct Base64Tests {
    @Test(arguments: [0, 1, 2, 3])
    func bytesRoundTripThroughBothDecoders(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for count in 0..<70 {
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let text = Base64.encode(bytes)
            #expect(text.utf8.count == (count + 2) / 3 * 4)
            #expect(Base64.decode(text) == bytes)
            #expect(Base64.decodeForgiving(text.utf8) == bytes)
        }
    }

    @Test func strictDecodingRejectsWhatIsNotBase64() {
        for text in ["***", "QUJD=QUJD", "QUJD===", "Q", "QUJDR", "-_-_", "QU JD"] {
            #expect(Base64.decode(text) == nil, "\(text)")
        }
        #expect(Base64.decode("QUI=") == Array("AB".utf8))
        #expect(Base64.decode("QUI") == Array("AB".utf8))
    }

    @Test func forgivingDecodingSkipsAndStopsAsNodeDoes() {
        #expect(Base64.decodeForgiving("-_-_".utf8) == [0xFB, 0xFF, 0xBF])
        #expect(Base64.decodeForgiving("QU JD\n".utf8) == Array("ABC".utf8))
        #expect(Base64.decodeForgiving("QQ==QUJD".utf8) == Array("A".utf8))
        #expect(Base64.decodeForgiving("QUJDR".utf8) == Array("ABC".utf8))
    }
}

import CCurses
import Glibc
import Testing
import TerminalUI

@Suite struct CellWidthTests {
    @Test func asciiCJKEmojiAndMarksHaveTheirTerminalWidths() {
        #expect(cellWidth("abc") == 3)
        #expect(cellWidth("出荷") == 4)
        #expect(cellWidth("😀") == 2)
        #expect(cellWidth("e\u{301}") == 1)
        #expect(cellWidth("❤\u{FE0F}") == 2)
        #expect(cellWidth("👩‍💻") == 2)
        #expect(cellWidth("\u{200B}") == 0)
    }

    @Test func controlCharactersCountAsTheirVisibleEscape() {
        #expect(cellWidth("\n") == 2)
        #expect(cellWidth("\u{1B}") == 6)
        #expect(sanitizedForDisplay("a\u{1B}[31mb\tc\r\n") == "a\\u001B[31mb\\tc\\r\\n")
        #expect(sanitizedForDisplay("\u{85}\u{2028}") == "\\u0085\\u2028")
    }

    /// Every BMP scalar that glibc's wcwidth knows (in a UTF-8 locale) gets the same width,
    /// except the documented differences: controls are escaped, so they are not compared.
    @Test func agreesWithWcwidthOnTheWholeBMP() throws {
        try #require(setlocale(LC_ALL, "C.UTF-8") != nil)
        var differences: [String] = []
        for value in UInt32(0x20)...0xFFFF {
            guard let scalar = Unicode.Scalar(value), visibleEscape(scalar) == nil else { continue }
            let system = wcwidth(wchar_t(bitPattern: value))
            guard system >= 0 else { continue }
            if scalarCellWidth(scalar) != Int(system) {
                differences.append("U+\(String(value, radix: 16, uppercase: true)) ours \(scalarCellWidth(scalar)) wcwidth \(system)")
            }
        }
        #expect(differences.isEmpty, "\(differences.count) differences: \(differences.prefix(40))")
    }
}

import Testing
import StatesJSON

/// Places in JSON text held in a JSON string, found again in the file holding that string.
@Suite struct EmbeddedJSONTextTests {
    func embedded(_ file: String) throws -> EmbeddedJSONText {
        let bytes = Array(file.utf8)
        let document = try JSONParser(recordLocations: true).parseDocument(bytes, fileName: "f.json")
        return try #require(EmbeddedJSONText(document, member: "text", bytes: bytes))
    }

    @Test func everyCharacterOfTheTextHasItsPlaceInTheString() throws {
        // Column 11 opens the string: \" is two columns, é one, \u00e9 six, a surrogate pair twelve.
        let text = try embedded(#"{"a": 1,"# + "\n" + #"  "text": "{\"é\": \u00e9,\n \"\ud83d\ude00\": 2}"}"#)
        #expect(text.text == "{\"é\": é,\n \"😀\": 2}")
        #expect(text.map(SourceLocation(line: 1, column: 1)) == SourceLocation(line: 2, column: 12))
        #expect(text.map(SourceLocation(line: 1, column: 2)) == SourceLocation(line: 2, column: 13))
        #expect(text.map(SourceLocation(line: 1, column: 3)) == SourceLocation(line: 2, column: 15))
        #expect(text.map(SourceLocation(line: 1, column: 7)) == SourceLocation(line: 2, column: 20))
        // Line 2 starts after the \n escape.
        #expect(text.map(SourceLocation(line: 2, column: 1)) == SourceLocation(line: 2, column: 29))
        #expect(text.map(SourceLocation(line: 2, column: 3)) == SourceLocation(line: 2, column: 32))
        #expect(text.map(SourceLocation(line: 2, column: 4)) == SourceLocation(line: 2, column: 44))
        // Past the end: the closing quote.
        #expect(text.map(SourceLocation(line: 9, column: 99)) == SourceLocation(line: 2, column: 50))
    }

    @Test func onlyAStringMemberIsEmbeddedText() throws {
        let bytes = Array(#"{"text": 1}"#.utf8)
        let document = try JSONParser(recordLocations: true).parseDocument(bytes, fileName: "f.json")
        #expect(EmbeddedJSONText(document, member: "text", bytes: bytes) == nil)
        #expect(EmbeddedJSONText(document, member: "other", bytes: bytes) == nil)
    }
}

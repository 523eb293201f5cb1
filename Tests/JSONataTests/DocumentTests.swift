import StatesJSON
import Testing
@testable import JSONata

/// The compact input reader gives the same values as the JSON parser, so an expression sees
/// the same data whichever way its input was read.
@Suite struct DocumentTests {
    /// A random document with deep and wide parts, escapes, non-ASCII text and awkward numbers.
    static func randomJSON(_ rng: inout some RandomNumberGenerator, depth: Int = 0) -> String {
        let pick = Int.random(in: 0..<10, using: &rng)
        if depth > 5 || pick < 5 {
            let scalars = ["0", "-0", "12", "-7", "3.25", "1e21", "1.5E-7", "123456789012345678901234", "0.1",
                           "9007199254740993", "true", "false", "null", #""""#, #""plain""#, #""é日本\n\t\"\\\/""#,
                           #""\u00e9\ud83d\ude00""#, "2.2250738585072014e-308"]
            return scalars[Int.random(in: 0..<scalars.count, using: &rng)]
        }
        let n = Int.random(in: 0..<5, using: &rng)
        if pick < 8 {
            return "[" + (0..<n).map { _ in randomJSON(&rng, depth: depth + 1) }.joined(separator: ", ") + "]"
        }
        return "{" + (0..<n).map { i in "\"k\(i)\": " + randomJSON(&rng, depth: depth + 1) }.joined(separator: ",\n ") + "}"
    }

    @Test func readsWhatTheParserReads() throws {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let text = Self.randomJSON(&rng)
            let bytes = Array(text.utf8)
            let document = try JSONataDocument(parsing: bytes)
            let parsed = try JSONParser().parse(bytes)
            #expect(Stringify.text(document.value(document.root)) == Stringify.text(Value(parsed)), "\(text)")
        }
    }

    @Test func numbersAreTheNearestDouble() throws {
        for text in ["0.1", "1.7976931348623157e308", "5e-324", "123.456e-5", "-0.000001", "9007199254740993",
                     "2.2250738585072011e-308", "1e23", "8.589973e9", "0.3e-22"]
        {
            let document = try JSONataDocument(parsing: Array(text.utf8))
            #expect(document.number(0) == Double(text)!, "\(text)")
        }
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "[1 2]", "01", "1.", "-", "\"abc", "\"\\x\"", "tru", "[1]]", "{\"a\":1,}", "\"\u{01}\""])
    func refusesWhatTheParserRefusesAndSaysWhere(text: String) {
        let bytes = Array(text.utf8)
        var expected: JSONParseError?
        do { _ = try JSONParser().parse(bytes) } catch { expected = error }
        #expect(expected != nil)
        #expect(throws: expected!) { try JSONataDocument(parsing: bytes) }
    }

    @Test func aLoneSurrogateIsKeptAsJSONParseKeepsIt() throws {
        let document = try JSONataDocument(parsing: Array(#"["\ud800x", "\ud83d\ude00"]"#.utf8))
        #expect(Stringify.text(document.value(document.root)) == #"["\ud800x","😀"]"#)
        #expect(throws: JSONataError.self) {
            try JSONataExpression("$encodeUrl($[0])").evaluateToText(document: document)
        }
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let document = try JSONataDocument(parsing: [0xEF, 0xBB, 0xBF] + Array(#"{"a": 1}"#.utf8))
        #expect(document.json(document.root) == ["a": 1])
    }

    @Test func nestingIsBoundedWithoutRecursion() {
        let deep = Array((String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)).utf8)
        #expect(throws: JSONParseError.self) { try JSONataDocument(parsing: deep) }
        #expect(throws: JSONParseError(message: "the document nests arrays and objects more than 1000 levels deep",
                                       location: SourceLocation(line: 1, column: 1001))) { try JSONataDocument(parsing: deep) }
        let ok = Array((String(repeating: "[", count: 1_000) + String(repeating: "]", count: 1_000)).utf8)
        #expect(throws: Never.self) { try JSONataDocument(parsing: ok) }
    }

    @Test func expressionsReadADocumentAsTheyReadJSON() throws {
        let text = #"{"orders": [{"id": "a", "items": [{"p": 2, "q": 3}]}, {"id": "b", "items": [{"p": 1.5, "q": 2}, {"p": 1, "q": 1}]}]}"#
        let document = try JSONataDocument(parsing: Array(text.utf8))
        let json = try JSONParser().parse(text)
        for source in ["orders.id", "$sum(orders.items.(p * q))", "orders[$max(items.p) > 1.5].id", "orders{id: $count(items)}",
                       "orders.items[0]", "**.p", "$keys(orders[1])", "orders ~> |items| {'z': p}|", "$string(orders[0])",
                       "orders^(>id).id", "$ = $", "orders[0] = orders[0]", "orders[0] in orders"]
        {
            let e = try JSONataExpression(source)
            #expect(try e.evaluateToText(document: document) == e.evaluateToText(input: json), "\(source)")
        }
    }
}

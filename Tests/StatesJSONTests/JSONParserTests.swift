import Testing
import StatesJSON

@Suite struct JSONParserTests {
    @Test func keepsKeyOrderAndExactIntegers() throws {
        let v = try JSON.parse(#"{"b": 9007199254740993, "a": [1.5, true, null, "x"]}"#)
        #expect(JSONPrinter.compact(v) == #"{"b":9007199254740993,"a":[1.5,true,null,"x"]}"#)
    }

    @Test func reportsLineAndColumn() {
        do {
            _ = try JSON.parse("{\n  \"a\": 1,\n}")
            Issue.record("expected an error")
        } catch {
            #expect(error.location == SourceLocation(line: 3, column: 1))
            #expect(error.message.contains("trailing comma"))
        }
    }
}

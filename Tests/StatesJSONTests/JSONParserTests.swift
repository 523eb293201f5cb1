import Testing
import StatesJSON

/// The error a parse gives, as `line:column: message`, or nil when it parses.
func parseFailure(_ text: String, _ parser: JSONParser = JSONParser()) -> String? {
    parseFailure(Array(text.utf8), parser)
}

func parseFailure(_ bytes: [UInt8], _ parser: JSONParser = JSONParser()) -> String? {
    do {
        _ = try parser.parse(bytes)
        return nil
    } catch {
        return error.description
    }
}

@Suite struct JSONParserTests {
    @Test func keepsKeyOrderAndExactIntegers() throws {
        let v = try JSON.parse(#"{"b": 9007199254740993, "a": [1.5, true, null, "x"]}"#)
        #expect(JSONPrinter.compact(v) == #"{"b":9007199254740993,"a":[1.5,true,null,"x"]}"#)
    }

    @Test func decodesEscapesAndUnicode() throws {
        let v = try JSON.parse(#"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u20AC\ud83d\ude00", "héllo 😀"]"#)
        #expect(v == ["a\"b\\c/d\u{8}\u{C}\n\r\t", "é€😀", "héllo 😀"])
    }

    @Test func unterminatedString() {
        #expect(parseFailure(#"{"a": "abc"#) == #"1:7: unterminated string; add the closing '"'"#)
        #expect(parseFailure("[\"ab\ncd\"]") == #"1:2: unterminated string; a line break cannot appear inside a string (write \n)"#)
        #expect(parseFailure(#"["ab\"#) == #"1:5: unterminated string; add the closing '"'"#)
    }

    @Test func trailingCommaPointsAtTheComma() {
        #expect(parseFailure("[1, 2,]") == "1:6: trailing comma before ']'; remove the ','")
        #expect(parseFailure("{\n  \"a\": 1,\n}") == "2:9: trailing comma before '}'; remove the ','")
    }

    @Test func badEscape() {
        let advice = #"use \" \\ \/ \b \f \n \r \t or \uXXXX"#
        #expect(parseFailure(#"["ab\x"]"#) == #"1:5: invalid escape sequence '\x'; "# + advice)
        #expect(parseFailure(#"["\u12G4"]"#) == #"1:3: invalid \u escape; expected four hex digits"#)
    }

    @Test func invalidUTF8PointsAtTheByte() {
        let open = Array(#"["a"#.utf8)
        let close = Array(#""]"#.utf8)
        let message = "invalid UTF-8 (byte 0x%@) in a string; save the file as UTF-8"
        func failure(_ bad: [UInt8]) -> String? { parseFailure(open + bad + close) }
        #expect(failure([0xFF]) == "1:4: " + message.replacingPercent("FF"))
        #expect(failure([0xC3]) == "1:4: " + message.replacingPercent("C3"))  // truncated sequence
        #expect(failure([0xC0, 0x80]) == "1:4: " + message.replacingPercent("C0"))  // overlong NUL
        #expect(failure([0xED, 0xA0, 0x80]) == "1:4: " + message.replacingPercent("ED"))  // encoded surrogate
        #expect(failure(Array("é".utf8) + [0xF5, 0x80, 0x80, 0x80]) == "1:5: " + message.replacingPercent("F5"))
        // After an escape the slow path must still find the exact byte.
        #expect(parseFailure(Array(#"["\n"#.utf8) + [0x80] + close) == "1:5: " + message.replacingPercent("80"))
        #expect(parseFailure([0xFE]) == "1:1: unexpected byte 0xFE; expected a JSON value")
    }

    @Test func loneSurrogates() {
        #expect(parseFailure(#""\uD800""#) == #"1:2: lone surrogate \uD800; a high surrogate must be followed by a low one (\uDC00-\uDFFF)"#)
        #expect(parseFailure(#""x\uDC00""#) == #"1:3: lone surrogate \uDC00; a low surrogate must follow a high one"#)
        #expect(parseFailure(#""\uD800\u0041""#) == #"1:2: lone surrogate \uD800; it is followed by \u0041, not a low surrogate"#)
    }

    @Test func duplicateKeysInADefinition() throws {
        let text = "{\"a\": 1,\n \"a\": 2}"
        #expect(parseFailure(text, JSONParser(rejectDuplicateKeys: true))
            == #"2:2: duplicate key "a"; a key may appear only once in an object"#)
        // State data is lenient, as AWS is: the last value wins and keeps the first one's place.
        #expect(JSONPrinter.compact(try JSON.parse(#"{"a":1,"b":2,"a":3}"#)) == #"{"a":3,"b":2}"#)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(parseFailure(deep) == "1:513: nesting is deeper than 512 levels; flatten the document")
        let objects = String(repeating: #"{"a":"#, count: 100_000)
        #expect(parseFailure(objects, JSONParser(maxDepth: 10)) == "1:51: nesting is deeper than 10 levels; flatten the document")
        #expect(parseFailure(String(repeating: "[", count: 512) + String(repeating: "]", count: 512)) == nil)
    }

    @Test func errorCarriesThePointerOfTheBadValue() {
        do {
            _ = try JSON.parse(#"{"States": {"A": {"Next": [1, }}}"#)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "1:31: unexpected '}'; expected a JSON value")
            #expect(error.pointer == "/States/A/Next/1")
        }
    }

    @Test func unterminatedContainersNameTheirOpening() {
        #expect(parseFailure("{\"a\": [1,\n 2") == "2:3: unterminated array; the '[' at 1:7 has no matching ']'")
        #expect(parseFailure("{\"a\": 1") == "1:8: unterminated object; the '{' at 1:1 has no matching '}'")
    }

    @Test func otherMalformedDocuments() {
        #expect(parseFailure("") == "1:1: the document is empty; expected a JSON value")
        #expect(parseFailure("  \n ") == "2:2: the document is empty; expected a JSON value")
        #expect(parseFailure("{} x") == "1:4: unexpected 'x' after the end of the JSON value; a document holds one value")
        #expect(parseFailure("{'a': 1}") == "1:2: unexpected '''; object keys must be strings in double quotes")
        #expect(parseFailure("['a']") == "1:2: unexpected \"'\"; JSON strings use double quotes")
        #expect(parseFailure(#"{"a" 1}"#) == #"1:6: expected ':' after the key "a""#)
        #expect(parseFailure("[1 2]") == "1:4: unexpected '2' in array; expected ',' or ']'")
        #expect(parseFailure("[True]") == "1:2: unexpected 'T'; expected a JSON value")
        #expect(parseFailure("[tru]") == "1:2: invalid literal; expected 'true' (true, false and null are lowercase)")
        #expect(parseFailure("\"a\tb\"") == "1:3: control character U+0009 must be escaped inside a string")
    }

    @Test func malformedNumbers() {
        #expect(parseFailure("[01]") == "1:2: invalid number; leading zeros are not allowed")
        #expect(parseFailure("1.") == "1:3: invalid number; expected a digit after '.'")
        #expect(parseFailure("-x") == "1:2: invalid number; expected a digit after '-'")
        #expect(parseFailure("1e+") == "1:4: invalid number; expected a digit in the exponent")
        #expect(parseFailure("[1e400]") == "1:2: number 1e400 is too large for a 64-bit double")
        #expect(parseFailure("+1") == "1:1: unexpected '+'; expected a JSON value")
    }

    @Test func columnsCountCharactersAndSkipTheByteOrderMark() {
        #expect(parseFailure(#"{"é😀": x}"#) == "1:8: unexpected 'x'; expected a JSON value")
        #expect(parseFailure("\u{FEFF}[1,]") == "1:3: trailing comma before ']'; remove the ','")
        #expect(parseFailure("{\r\n\"a\": tru}") == "2:6: invalid literal; expected 'true' (true, false and null are lowercase)")
    }

    @Test func sourceMapLocatesKeysAndValues() throws {
        let text = "{\n  \"States\": {\n    \"A\": {\"Type\": \"Pass\"}\n  }\n}"
        let doc = try JSONParser(recordLocations: true).parseDocument(Array(text.utf8), fileName: "m.json")
        #expect(doc.sourceMap.keys["/States/A"] == SourceLocation(line: 3, column: 5))
        #expect(doc.sourceMap.values["/States/A/Type"] == SourceLocation(line: 3, column: 19))
        #expect(doc.sourceMap.location(of: "/States/A/Missing") == SourceLocation(line: 3, column: 5))
    }
}

extension String {
    fileprivate func replacingPercent(_ s: String) -> String {
        var out = ""
        var rest = Substring(self)
        while let r = rest.firstRange(of: "%@") {
            out += rest[..<r.lowerBound] + s
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}

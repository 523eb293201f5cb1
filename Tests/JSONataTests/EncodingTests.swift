import Testing
@testable import JSONata

/// The URL functions behave as JavaScript's encodeURI/decodeURI family, and the Base64
/// functions as the reference's Node `Buffer` calls; expected values are Node's.
@Suite struct EncodingTests {
    @Test(arguments: [
        ("?x=test", "%3Fx%3Dtest", "?x=test"),
        ("https://mozilla.org/?x=шеллы", "https%3A%2F%2Fmozilla.org%2F%3Fx%3D%D1%88%D0%B5%D0%BB%D0%BB%D1%8B",
         "https://mozilla.org/?x=%D1%88%D0%B5%D0%BB%D0%BB%D1%8B"),
        ("A-Z_a.z!~*()'", "A-Z_a.z!~*()'", "A-Z_a.z!~*()'"),
        (";/?:@&=+$,#", "%3B%2F%3F%3A%40%26%3D%2B%24%2C%23", ";/?:@&=+$,#"),
        ("é€😀", "%C3%A9%E2%82%AC%F0%9F%98%80", "%C3%A9%E2%82%AC%F0%9F%98%80"),
        ("a b\n", "a%20b%0A", "a%20b%0A"), ("\u{0}", "%00", "%00"), ("%", "%25", "%25"), ("", "", ""),
    ] as [(String, String, String)])
    func encode(text: String, component: String, uri: String) {
        #expect(URLFunctions.encodeUrlComponent(text) == component)
        #expect(URLFunctions.encodeUrl(text) == uri)
    }

    /// Only JavaScript's UTF-16 text can hold a lone surrogate; there it is D3140.
    @Test func loneSurrogatesAreMalformed() throws {
        #expect(throws: JSONataError("D3140", token: "encodeUrl", value: .string("\u{FFFD}"))) {
            try URLFunctions.encodeUrl(utf16: [0xD800])
        }
        #expect(throws: JSONataError("D3140", token: "encodeUrlComponent", value: .string("\u{FFFD}x"))) {
            try URLFunctions.encodeUrlComponent(utf16: [0xDC00, 0x78])
        }
        #expect(try URLFunctions.encodeUrlComponent(utf16: [0xD83D, 0xDE00]) == "%F0%9F%98%80")
        #expect(JSONataError("D3140", token: "encodeUrl", value: .string("x")).message == "Malformed URL passed to $encodeUrl(): \"x\"")
    }

    @Test(arguments: [
        ("%3Fx%3Dtest", "?x=test", "%3Fx%3Dtest"), ("%E2%82%AC", "€", "€"), ("%e2%82%ac", "€", "€"), ("%F0%9F%98%80", "😀", "😀"),
        ("%3B%2F%3F%3A%40%26%3D%2B%24%2C%23", ";/?:@&=+$,#", "%3B%2F%3F%3A%40%26%3D%2B%24%2C%23"),
        ("%41%20", "A ", "A "), ("caf%C3%A9 ok", "café ok", "café ok"), ("%2f%2F", "//", "%2f%2F"), ("%25", "%", "%"),
        ("no escapes é", "no escapes é", "no escapes é"),
    ] as [(String, String, String)])
    func decode(text: String, component: String, uri: String) throws {
        #expect(try URLFunctions.decodeUrlComponent(text) == component)
        #expect(try URLFunctions.decodeUrl(text) == uri)
    }

    /// Cut short, not hex, a stray continuation byte, overlong, a surrogate, beyond U+10FFFF.
    @Test(arguments: ["%", "%4", "%G1", "%C3", "%C3%28", "%C0%AF", "%E0%80%AF", "%ED%A0%80", "%F4%90%80%80",
                      "%F8%80%80%80%80", "%80", "%E0%A4%A", "%E2%82", "ok%E2%82ok"])
    func malformedEscapes(text: String) {
        #expect(throws: JSONataError("D3140", token: "decodeUrl", value: .string(text))) { try URLFunctions.decodeUrl(text) }
        #expect(throws: JSONataError("D3140", token: "decodeUrlComponent", value: .string(text))) {
            try URLFunctions.decodeUrlComponent(text)
        }
    }

    @Test func decodeUrlMessageMatchesTheSuite() {
        let error = #expect(throws: JSONataError.self) { try URLFunctions.decodeUrl("%E0%A4%A") }
        #expect(error?.message == "Malformed URL passed to $decodeUrl(): \"%E0%A4%A\"")
    }

    /// Latin-1, one byte per UTF-16 code unit, not UTF-8.
    @Test(arguments: [
        ("hello:world", "aGVsbG86d29ybGQ="), ("", ""), ("a", "YQ=="), ("ab", "YWI="), ("abc", "YWJj"),
        ("é", "6Q=="), ("€", "rA=="), ("😀", "PQA="), ("\u{100}", "AA=="), ("héllo", "aOlsbG8="),
    ] as [(String, String)])
    func base64encode(text: String, encoded: String) {
        #expect(Base64Functions.base64encode(text) == encoded)
    }

    /// Node skips what is not Base64 (either alphabet), stops at the first `=`, drops loose bits,
    /// reads a character by its code unit's low byte, and gives one character per byte.
    @Test(arguments: [
        ("aGVsbG86d29ybGQ=", "hello:world"), ("aGVsbG8=", "hello"), ("aGVs bG8=", "hello"), ("aGVsbG8", "hello"),
        ("aGVsbG", "hell"), ("aGVsb", "hel"), ("a", ""), ("ab", "i"), ("abc", "i\u{B7}"), ("ab=c", "i"), ("a=bc", ""),
        ("QQ==QUJD", "A"), ("-_-_", "\u{FB}\u{FF}\u{BF}"), ("+/+/", "\u{FB}\u{FF}\u{BF}"), ("QUJDŁ", "ABC"),
        ("ŁŁŁŁ", "\u{0}\u{0}\u{0}"), ("QUéJD", "ABC"), ("Q\nU\nJ\nD", "ABC"), ("====", ""), ("=QUJD", ""),
        ("QUJD===", "ABC"), ("QUJDR", "ABC"), ("QUJDRA", "ABCD"), ("%%QUJD", "ABC"), ("w6k=", "Ã©"),
        ("8J+YgA==", "\u{F0}\u{9F}\u{98}\u{80}"),
    ] as [(String, String)])
    func base64decode(text: String, decoded: String) {
        #expect(Base64Functions.base64decode(text) == decoded)
    }
}

/// `$encodeUrlComponent`, `$encodeUrl`, `$decodeUrlComponent` and `$decodeUrl`: JavaScript's
/// URI functions, with a malformed input reported as D3140 naming the function
/// (`Malformed URL passed to $decodeUrl(): "%E0%A4%A"`). Undefined arguments are the evaluator's.
enum URLFunctions {
    static func encodeUrlComponent(_ s: String) -> String { URIEncoding.encode(s, .component) }

    static func encodeUrl(_ s: String) -> String { URIEncoding.encode(s, .uri) }

    /// For a caller holding JavaScript's UTF-16 text, where a lone surrogate is D3140.
    static func encodeUrlComponent(utf16 units: [UInt16]) throws(JSONataError) -> String {
        guard let text = URIEncoding.encode(utf16: units, .component) else { throw malformed("encodeUrlComponent", units.string) }
        return text
    }

    static func encodeUrl(utf16 units: [UInt16]) throws(JSONataError) -> String {
        guard let text = URIEncoding.encode(utf16: units, .uri) else { throw malformed("encodeUrl", units.string) }
        return text
    }

    static func decodeUrlComponent(_ s: String) throws(JSONataError) -> String {
        guard let text = URIEncoding.decode(s, .component) else { throw malformed("decodeUrlComponent", s) }
        return text
    }

    static func decodeUrl(_ s: String) throws(JSONataError) -> String {
        guard let text = URIEncoding.decode(s, .uri) else { throw malformed("decodeUrl", s) }
        return text
    }

    private static func malformed(_ function: String, _ value: String) -> JSONataError {
        JSONataError("D3140", token: function, value: .string(value))
    }
}

// Stand-ins until the number, encoding and date/time branches land.
enum NumberPicture {
    static func format(_ value: Double, picture: String, options: [String: String]) throws(JSONataError) -> String { JSNumber.string(value) }
}
enum NumberText {
    static func round(_ value: Double, precision: Int) -> Double {
        var p = 1.0
        for _ in 0..<abs(precision) { p *= 10 }
        let shifted = precision >= 0 ? value * p : value / p
        var r = shifted.rounded(.toNearestOrEven)
        if r == 0 { r = 0 }
        return precision >= 0 ? r / p : r * p
    }
    static func formatBase(_ value: Double, radix: Int) -> String {
        let v = Int64(round(value, precision: 0))
        return String(v, radix: radix)
    }
    static func number(from s: String) -> Double? {
        Double(s)
    }
}
enum Base64Text {
    static func encode(_ s: String) -> String { s }
    static func decode(_ s: String) -> String { s }
}
enum URIText {
    static func encodeComponent(_ s: String) -> String? { s }
    static func encode(_ s: String) -> String? { s }
    static func decodeComponent(_ s: String) -> String? { s }
    static func decode(_ s: String) -> String? { s }
}
enum IntegerPicture {
    static func format(_ value: Double, picture: String) throws(JSONataError) -> String { JSNumber.string(value) }
    static func parse(_ text: String, picture: String) throws(JSONataError) -> Double? { Double(text) }
}
enum DateTimePicture {
    static func format(millis: Double, picture: String?, timezone: String?) throws(JSONataError) -> String { JSNumber.string(millis) }
    static func parse(_ text: String, picture: String?) throws(JSONataError) -> Double? { nil }
}

// Stand-ins until the date/time branch lands.
enum DateTimePicture {
    static func format(millis: Double, picture: String?, timezone: String?) throws(JSONataError) -> String {
        ISO8601.format(millis: millis, zone: TimeZoneOffset(timezone))
    }
    static func parse(_ text: String, picture: String?) throws(JSONataError) -> Double? {
        guard picture == nil else { return nil }
        return try ISO8601.millis(text)
    }
}

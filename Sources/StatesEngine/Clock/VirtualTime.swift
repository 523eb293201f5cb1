import StatesJSON

/// Virtual time (milliseconds since the Unix epoch) and the ISO-8601 text that ASL (Wait
/// `Timestamp`, the context object) and AWS history use.
public enum VirtualTime {
    /// `2024-01-01T00:00:00.000Z`, as the context object writes times.
    public static func iso8601(_ millis: Int64) -> String {
        let (date, time, ms) = split(millis)
        return "\(date)T\(time).\(pad(ms, 3))Z"
    }

    /// `2024-01-01T00:00:00.000000+00:00`, as the AWS CLI prints event timestamps.
    public static func cli(_ millis: Int64) -> String {
        let (date, time, ms) = split(millis)
        return "\(date)T\(time).\(pad(ms, 3))000+00:00"
    }

    /// Parses the timestamps ASL accepts into virtual time (sub-millisecond digits dropped).
    public static func parse(_ text: String) -> Int64? {
        guard let t = Timestamp(text) else { return nil }
        return t.epochSeconds * 1000 + Int64(t.nanoseconds / 1_000_000)
    }

    private static func split(_ millis: Int64) -> (String, String, Int64) {
        var days = millis / 86_400_000
        var rest = millis % 86_400_000
        if rest < 0 { rest += 86_400_000; days -= 1 }
        let (y, m, d) = CivilDate.date(dayNumber: Int(days))
        let seconds = rest / 1000
        let date = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
        let time = "\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
        return (date, time, rest % 1000)
    }

    private static func pad(_ v: some BinaryInteger, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

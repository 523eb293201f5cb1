/// A JSON number: an exact 64-bit integer when the text was an integer that fits, else a double.
///
/// The two cases print differently (`3` and `3.0`, as Jackson does) but compare by value, so
/// `.int(3) == .double(3.0)`. Comparisons between the cases are exact, never through a lossy
/// conversion of the integer to a double, so equality stays transitive above 2^53.
public enum JSONNumber: Sendable {
    case int(Int64)
    case double(Double)

    /// The value as a double (integers convert exactly up to 2^53).
    public var doubleValue: Double {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        }
    }

    /// The value as an exact integer, when it is one (`3.0` counts; `3.5` does not).
    public var intValue: Int64? {
        switch self {
        case .int(let i): return i
        case .double(let d): return Self.exactInteger(d)
        }
    }

    /// Builds the most exact number for a double: an integer when it has no fraction.
    ///
    /// Arithmetic results go through here, so a sum of `1.5` and `1.5` prints `3` like AWS.
    public static func normalized(_ d: Double) -> JSONNumber {
        if d.isFinite, d.rounded() == d, abs(d) < 9.007_199_254_740_992e15 { return .int(Int64(d)) }
        return .double(d)
    }

    /// `d` as an `Int64` when it is a whole number in range, else nil.
    static func exactInteger(_ d: Double) -> Int64? {
        // 2^63 is exact as a double; every double below it in magnitude converts without trapping.
        guard d.isFinite, d.rounded(.towardZero) == d, d >= -9.223_372_036_854_775_808e18,
            d < 9.223_372_036_854_775_808e18
        else { return nil }
        return Int64(d)
    }

    /// Exactly how an integer compares with a double: -1, 0 or 1 (NaN counts as unordered, 2).
    static func compare(_ i: Int64, _ d: Double) -> Int {
        if d.isNaN { return 2 }
        if d >= 9.223_372_036_854_775_808e18 { return -1 }
        if d < -9.223_372_036_854_775_808e18 { return 1 }
        let floor = d.rounded(.down)
        let whole = Int64(floor)
        if i < whole { return -1 }
        if i > whole { return 1 }
        return d > floor ? -1 : 0
    }
}

extension JSONNumber: Hashable {
    public static func == (a: JSONNumber, b: JSONNumber) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.double(let x), .double(let y)): return x == y
        case (.int(let x), .double(let y)), (.double(let y), .int(let x)): return compare(x, y) == 0
        }
    }

    public func hash(into hasher: inout Hasher) {
        // Equal values must hash alike across the cases: whole numbers hash as integers.
        if let i = intValue { hasher.combine(i) } else { hasher.combine(doubleValue) }
    }
}

extension JSONNumber: Comparable {
    public static func < (a: JSONNumber, b: JSONNumber) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y
        case (.double(let x), .double(let y)): return x < y
        case (.int(let x), .double(let y)): return compare(x, y) == -1
        case (.double(let x), .int(let y)): return compare(y, x) == 1
        }
    }
}

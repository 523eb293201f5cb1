/// What a sub-picture asks of the number (F&O §4.7.4 "analysing the picture string"), as the
/// reference works it out.
struct SubPicture: Sendable, Hashable {
    var prefix: UTF16Text
    var suffix: UTF16Text
    /// The whole sub-picture, searched for the percent, per-mille and decimal separator.
    var picture: UTF16Text
    /// Digits to the right of each grouping separator in the integer part, left to right.
    var integerGroupingPositions: [Int]
    /// The interval when those positions are regular (every multiple of one step), else 0.
    var regularGrouping: Int
    /// Digits to the left of each grouping separator in the fractional part.
    var fractionalGroupingPositions: [Int]
    var minimumIntegerPartSize: Int
    var scalingFactor: Int
    var minimumFractionalPartSize: Int
    var maximumFractionalPartSize: Int
    /// 0 when the picture has no exponent.
    var minimumExponentSize: Int

    init(_ parts: PictureParts, _ p: DecimalFormat) {
        let family = p.digitFamily
        func isDigit(_ u: UInt16) -> Bool { family.contains(u) || [u] == p.digit }
        func familyCount(_ text: UTF16Text) -> Int { text.count { family.contains($0) } }

        // The reference looks for every separator after the first in the integer part, even
        // when it is reading the fractional part's.
        func groupingPositions(_ part: UTF16Text, countingLeft: Bool) -> [Int] {
            var positions: [Int] = []
            var at = part.jsIndex(of: p.groupingSeparator)
            while at != -1 {
                let side = countingLeft ? part.jsSubstring(0, at) : part.jsSubstring(at)
                positions.append(side.count(where: isDigit))
                at = parts.integerPart.jsIndex(of: p.groupingSeparator, from: at + 1)
            }
            return positions
        }

        prefix = parts.prefix
        suffix = parts.suffix
        picture = parts.subpicture
        integerGroupingPositions = groupingPositions(parts.integerPart, countingLeft: false)
        regularGrouping = Self.regularInterval(integerGroupingPositions)
        fractionalGroupingPositions = groupingPositions(parts.fractionalPart, countingLeft: true)

        var minimumInteger = familyCount(parts.integerPart)
        scalingFactor = minimumInteger
        var minimumFraction = familyCount(parts.fractionalPart)
        var maximumFraction = parts.fractionalPart.count(where: isDigit)
        let exponentPresent = parts.exponentPart != nil
        if minimumInteger == 0 && maximumFraction == 0 {
            if exponentPresent {
                minimumFraction = 1
                maximumFraction = 1
            } else {
                minimumInteger = 1
            }
        }
        if exponentPresent && minimumInteger == 0 && parts.integerPart.jsContains(p.digit) {
            minimumInteger = 1
        }
        if minimumInteger == 0 && minimumFraction == 0 { minimumFraction = 1 }
        minimumIntegerPartSize = minimumInteger
        minimumFractionalPartSize = minimumFraction
        maximumFractionalPartSize = maximumFraction
        minimumExponentSize = parts.exponentPart.map(familyCount) ?? 0
    }

    /// The greatest common divisor of the positions if every multiple of it up to their count
    /// is among them (`[3, 6, 9]` is 3; `[3, 2]` is 0).
    static func regularInterval(_ positions: [Int]) -> Int {
        guard let first = positions.first else { return 0 }
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
        let factor = positions.dropFirst().reduce(first, gcd)
        for k in 1...positions.count where !positions.contains(k * factor) { return 0 }
        return factor
    }
}

/// Text as JavaScript holds it: UTF-16 code units, with JavaScript's string operations.
///
/// `$formatNumber` is specified by what the reference's string calls do (`indexOf` of a
/// property that may be several characters or empty, `substring` that swaps its bounds,
/// `slice` that counts negative positions from the end, `charAt` of one code unit), so it is
/// written over these rather than over Swift's characters.
typealias UTF16Text = [UInt16]

extension Array where Element == UInt16 {
    /// The text back as a String; a lone surrogate, which a String cannot hold, becomes U+FFFD.
    var string: String { String(decoding: self, as: UTF16.self) }

    /// `indexOf(needle, from)`; -1 when absent. An empty needle is found at `from` (clamped).
    func jsIndex(of needle: UTF16Text, from: Int = 0) -> Int {
        let start = Swift.min(Swift.max(from, 0), count)
        guard needle.count <= count - start else { return -1 }
        guard !needle.isEmpty else { return start }
        for i in start...(count - needle.count) where self[i] == needle[0] {
            if self[i..<(i + needle.count)].elementsEqual(needle) { return i }
        }
        return -1
    }

    /// `lastIndexOf(needle)`; an empty needle is found at the end.
    func jsLastIndex(of needle: UTF16Text) -> Int {
        guard needle.count <= count else { return -1 }
        for i in stride(from: count - needle.count, through: 0, by: -1) {
            if self[i..<(i + needle.count)].elementsEqual(needle) { return i }
        }
        return -1
    }

    func jsContains(_ needle: UTF16Text) -> Bool { jsIndex(of: needle) != -1 }

    /// `substring(start, end)`: bounds clamped to the text and swapped when reversed.
    func jsSubstring(_ start: Int, _ end: Int? = nil) -> UTF16Text {
        let a = Swift.min(Swift.max(start, 0), count)
        let b = Swift.min(Swift.max(end ?? count, 0), count)
        return Array(self[Swift.min(a, b)..<Swift.max(a, b)])
    }

    /// `slice(start, end)`: negative bounds count from the end; a reversed range is empty.
    func jsSlice(_ start: Int, _ end: Int? = nil) -> UTF16Text {
        func bound(_ i: Int) -> Int { i < 0 ? Swift.max(count + i, 0) : Swift.min(i, count) }
        let a = bound(start), b = bound(end ?? count)
        return a < b ? Array(self[a..<b]) : []
    }

    /// `charAt(i)`: one code unit, or empty outside the text.
    func jsCharAt(_ i: Int) -> UTF16Text { i >= 0 && i < count ? [self[i]] : [] }

    /// `split(separator)`: an empty separator splits into code units; an empty text split by
    /// an empty separator gives no parts.
    func jsSplit(_ separator: UTF16Text) -> [UTF16Text] {
        guard !separator.isEmpty else { return map { [$0] } }
        var parts: [UTF16Text] = []
        var start = 0
        while case let i = jsIndex(of: separator, from: start), i != -1 {
            parts.append(Array(self[start..<i]))
            start = i + separator.count
        }
        parts.append(Array(self[start...]))
        return parts
    }

    /// `replace(pattern, replacement)` with a string pattern: the first occurrence only, and
    /// the replacement's `$$`, `$&`, `` $` `` and `$'` patterns expanded.
    func jsReplacingFirst(_ pattern: UTF16Text, with replacement: UTF16Text) -> UTF16Text {
        let at = jsIndex(of: pattern)
        guard at != -1 else { return self }
        let end = at + pattern.count
        var expanded: UTF16Text = []
        var i = 0
        let dollar: UInt16 = 0x24
        while i < replacement.count {
            let c = replacement[i]
            if c == dollar && i + 1 < replacement.count {
                switch replacement[i + 1] {
                case dollar: expanded.append(dollar); i += 2; continue
                case 0x26: expanded += pattern; i += 2; continue
                case 0x60: expanded += self[..<at]; i += 2; continue
                case 0x27: expanded += self[end...]; i += 2; continue
                default: break
                }
            }
            expanded.append(c)
            i += 1
        }
        return Array(self[..<at]) + expanded + Array(self[end...])
    }
}

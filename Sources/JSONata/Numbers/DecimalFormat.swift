/// The decimal-format properties `$formatNumber` reads (XPath F&O 3.1 §4.7.1), with the
/// reference's defaults; the function's third argument overrides any of them by name.
///
/// Each property is text, not a character: the reference compares single characters of the
/// picture with them (so a property of several characters never matches one), but searches
/// the picture for them as substrings (so a `per-mille` of `"pm"` works as a suffix). `infinity`
/// and `NaN` are accepted and, as in the reference, never used: NaN prints as `NaN` and
/// infinity as `Infinity`.
struct DecimalFormat: Sendable, Hashable {
    var decimalSeparator: UTF16Text = [0x2E]
    var groupingSeparator: UTF16Text = [0x2C]
    var exponentSeparator: UTF16Text = [0x65]
    var infinity = Array("Infinity".utf16)
    var nan = Array("NaN".utf16)
    var minusSign: UTF16Text = [0x2D]
    var percent: UTF16Text = [0x25]
    var perMille: UTF16Text = [0x2030]
    var zeroDigit: UTF16Text = [0x30]
    var digit: UTF16Text = [0x23]
    var patternSeparator: UTF16Text = [0x3B]

    /// The defaults with `options` laid over them; unknown names are ignored.
    init(options: [String: String] = [:]) {
        for (name, value) in options {
            let text = Array(value.utf16)
            switch name {
            case "decimal-separator": decimalSeparator = text
            case "grouping-separator": groupingSeparator = text
            case "exponent-separator": exponentSeparator = text
            case "infinity": infinity = text
            case "NaN": nan = text
            case "minus-sign": minusSign = text
            case "percent": percent = text
            case "per-mille": perMille = text
            case "zero-digit": zeroDigit = text
            case "digit": digit = text
            case "pattern-separator": patternSeparator = text
            default: break
            }
        }
    }

    /// The ten digits counted up from the first code unit of `zero-digit` (wrapping past
    /// U+FFFF as `String.fromCharCode` does); none when `zero-digit` is empty.
    var digitFamily: [UInt16] {
        guard let zero = zeroDigit.first else { return [] }
        return (0..<10).map { zero &+ UInt16($0) }
    }
}

/// The Unicode decimal digit families a digit pattern may be written in, as the reference
/// knows them (Basic Multilingual Plane only).
enum DecimalDigitFamily {
    /// The code point of each family's zero; its digits are the ten code points from there.
    static let zeros: [UInt32] = [
        0x30, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
        0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
        0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
        0xFF10,
    ]

    /// The zero of the family `scalar` is a digit of, if it is one.
    static func zero(of scalar: Unicode.Scalar) -> UInt32? {
        zeros.first { scalar.value >= $0 && scalar.value <= $0 + 9 }
    }

    /// `text` with each character moved from ASCII digits to the family starting at `zero`,
    /// as the reference shifts every character (so only digits land on digits).
    static func shift(_ text: String, from: UInt32, to: UInt32) -> String {
        guard from != to else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let moved = Int64(scalar.value) - Int64(from) + Int64(to)
            out.append(moved >= 0 && moved <= 0x10FFFF ? Unicode.Scalar(UInt32(moved)) ?? "\u{FFFD}" : "\u{FFFD}")
        }
        return String(out)
    }
}

/// JavaScript's `encodeURIComponent`, `encodeURI`, `decodeURIComponent` and `decodeURI`
/// (ECMA-262 §19.2.6), behind `$encodeUrlComponent`, `$encodeUrl`, `$decodeUrlComponent` and
/// `$decodeUrl`.
///
/// The work is done on UTF-16 code units, as in JavaScript. A Swift String cannot hold a lone
/// surrogate, so encoding a String never fails; the UTF-16 entry points exist for a caller
/// that keeps JavaScript's strings (the suite's `$encodeUrl('\uD800')` expects D3140), and
/// there a lone surrogate fails as in JavaScript.
enum URIEncoding {
    /// Which characters pass through unescaped.
    enum Kind: Sendable {
        /// `encodeURIComponent`: letters, digits and `-_.!~*'()`.
        case component
        /// `encodeURI`: those and the URI's own punctuation `;/?:@&=+$,#`.
        case uri
    }

    /// The text with every other character written as the `%XX` escapes of its UTF-8 bytes
    /// (upper-case hex); nil when the text holds a lone surrogate.
    static func encode(utf16 units: some Collection<UInt16>, _ kind: Kind) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(units.count)
        var i = units.startIndex
        while i != units.endIndex {
            let u = units[i]
            units.formIndex(after: &i)
            if u < 0x80, isUnescaped(UInt8(u), kind) {
                out.append(UInt8(u))
                continue
            }
            var scalar = UInt32(u)
            if (0xD800...0xDBFF).contains(u) {
                guard i != units.endIndex, case let low = units[i], (0xDC00...0xDFFF).contains(low) else { return nil }
                units.formIndex(after: &i)
                scalar = 0x10000 + (UInt32(u) - 0xD800) << 10 + (UInt32(low) - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(u) {
                return nil
            }
            for byte in UTF8.encode(Unicode.Scalar(scalar)!)! { appendEscape(byte, to: &out) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func encode(_ s: String, _ kind: Kind) -> String {
        // A String's UTF-16 view has no lone surrogates.
        encode(utf16: s.utf16, kind) ?? ""
    }

    /// The text with its `%XX` escapes decoded as UTF-8; with `.uri`, an escape of one of
    /// `;/?:@&=+$,#` stays as written. nil when an escape is cut short, not hex, or its bytes are
    /// not one whole, shortest, non-surrogate UTF-8 sequence.
    static func decode(utf16 units: some Collection<UInt16>, _ kind: Kind) -> String? {
        let text = Array(units)
        var out: UTF16Text = []
        out.reserveCapacity(text.count)
        var k = 0
        func octet(at k: Int) -> UInt8? {
            guard k + 3 <= text.count, text[k] == 0x25,
                  let high = JSNumber.hexDigitValue(UInt32(text[k + 1])), let low = JSNumber.hexDigitValue(UInt32(text[k + 2])) else { return nil }
            return high << 4 | low
        }
        while k < text.count {
            guard text[k] == 0x25 else {
                out.append(text[k])
                k += 1
                continue
            }
            guard let first = octet(at: k) else { return nil }
            let length = (~first).leadingZeroBitCount
            if length == 0 {
                if kind == .uri && isReserved(first) {
                    out += text[k..<(k + 3)]
                } else {
                    out.append(UInt16(first))
                }
                k += 3
                continue
            }
            guard length >= 2 && length <= 4 else { return nil }
            var octets = [first]
            for j in 1..<length {
                guard let next = octet(at: k + 3 * j) else { return nil }
                octets.append(next)
            }
            var iterator = octets.makeIterator()
            var decoder = UTF8()
            guard case .scalarValue(let scalar) = decoder.decode(&iterator), iterator.next() == nil else { return nil }
            out += UTF16.encode(scalar)!
            k += 3 * length
        }
        return out.string
    }

    static func decode(_ s: String, _ kind: Kind) -> String? { decode(utf16: s.utf16, kind) }

    private static func isUnescaped(_ c: UInt8, _ kind: Kind) -> Bool {
        switch c {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-_.!~*'()".utf8.contains(c) || (kind == .uri && isReserved(c))
        }
    }

    /// `;/?:@&=+$,` and `#`: what `encodeURI` leaves and `decodeURI` keeps escaped.
    private static func isReserved(_ c: UInt8) -> Bool { ";/?:@&=+$,#".utf8.contains(c) }

    private static func appendEscape(_ byte: UInt8, to out: inout [UInt8]) {
        let hex = Array("0123456789ABCDEF".utf8)
        out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
    }
}

/// Base64 (RFC 4648, standard alphabet, with padding), shared by the `States.Base64Encode`
/// intrinsic and JSONata's `$base64encode`: one encoder, and two decoders for the two
/// policies the callers need (strict for the intrinsic, Node's forgiving one for JSONata).
public enum Base64 {
    static let alphabet: StaticString = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

    /// Three bytes at a time straight into the string's storage: this runs on every
    /// Base64Encode of up to 10 000 characters.
    public static func encode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let count = (bytes.count + 2) / 3 * 4
        guard count > 0 else { return "" }
        let table = alphabet.utf8Start
        return String(unsafeUninitializedCapacity: count) { out in
            var i = 0, o = 0
            while i + 3 <= bytes.count {
                let v = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
                out[o] = table[Int(v >> 18)]
                out[o + 1] = table[Int(v >> 12 & 0x3F)]
                out[o + 2] = table[Int(v >> 6 & 0x3F)]
                out[o + 3] = table[Int(v & 0x3F)]
                i += 3
                o += 4
            }
            let rest = bytes.count - i
            if rest > 0 {
                let b0 = bytes[i], b1 = rest > 1 ? bytes[i + 1] : 0
                out[o] = table[Int(b0 >> 2)]
                out[o + 1] = table[Int((b0 & 0x03) << 4 | b1 >> 4)]
                out[o + 2] = rest > 1 ? table[Int((b1 & 0x0F) << 2)] : UInt8(ascii: "=")
                out[o + 3] = UInt8(ascii: "=")
            }
            return count
        }
    }

    public static func encode(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { encode($0) }
    }

    /// Strict decoding: only the standard alphabet, at most two `=` and only at the end, and
    /// no lone final character; nil otherwise.
    public static func decode(_ s: String) -> [UInt8]? {
        var values: [UInt8] = []
        var padding = 0
        for c in s.utf8 {
            if c == UInt8(ascii: "=") {
                padding += 1
                continue
            }
            guard padding == 0, let v = value(of: c, urlSafe: false) else { return nil }
            values.append(v)
        }
        guard padding <= 2, values.count % 4 != 1 else { return nil }
        return bytes(from: values)
    }

    /// Decoding as Node's `Buffer.from(text, "base64")` does: characters outside both the
    /// standard and the URL-safe alphabet (`-`, `_`) are skipped, the first `=` ends the
    /// data, and bits that do not fill a byte are dropped. Never fails.
    public static func decodeForgiving(_ characters: some Sequence<UInt8>) -> [UInt8] {
        var values: [UInt8] = []
        for c in characters {
            if c == UInt8(ascii: "=") { break }
            if let v = value(of: c, urlSafe: true) { values.append(v) }
        }
        return bytes(from: values)
    }

    private static func value(of c: UInt8, urlSafe: Bool) -> UInt8? {
        switch c {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return c - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return c - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): return 62
        case UInt8(ascii: "/"): return 63
        case UInt8(ascii: "-") where urlSafe: return 62
        case UInt8(ascii: "_") where urlSafe: return 63
        default: return nil
        }
    }

    /// Four sextets to three bytes; a final group of two or three gives one or two bytes, a
    /// final single sextet none.
    private static func bytes(from values: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(values.count / 4 * 3 + 2)
        var i = 0
        while i < values.count {
            let chunk = values[i..<min(i + 4, values.count)]
            let v = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << UInt32(18 - 6 * $1.offset) }
            if chunk.count > 1 { out.append(UInt8(truncatingIfNeeded: v >> 16)) }
            if chunk.count > 2 { out.append(UInt8(truncatingIfNeeded: v >> 8)) }
            if chunk.count > 3 { out.append(UInt8(truncatingIfNeeded: v)) }
            i += 4
        }
        return out
    }
}

/// States.Base64Encode and States.Base64Decode (standard alphabet, with padding).
enum IntrinsicBase64 {
    static let alphabet: StaticString = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

    static func encode(_ args: IntrinsicArguments) throws(ExecutionError) -> JSON {
        try args.expectCount(1)
        let s = try args.string(0)
        guard !IntrinsicArguments.isLonger(s, than: 10_000) else {
            throw args.failure("Invalid arguments in States.Base64Encode: the input string must not be longer than 10000 characters")
        }
        var text = s
        return .string(text.withUTF8 { encode($0) })
    }

    /// Three bytes at a time straight into the string's storage: this runs on every
    /// Base64Encode of up to 10 000 characters.
    static func encode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
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

    static func decode(_ args: IntrinsicArguments) throws(ExecutionError) -> JSON {
        try args.expectCount(1)
        let s = try args.string(0)
        guard !IntrinsicArguments.isLonger(s, than: 10_000) else {
            throw args.failure("Invalid arguments in States.Base64Decode: the input string must not be longer than 10000 characters")
        }
        guard let bytes = decode(s) else {
            throw args.failure("Invalid arguments in States.Base64Decode: the input is not valid Base64")
        }
        return .string(String(decoding: bytes, as: UTF8.self))
    }

    static func decode(_ s: String) -> [UInt8]? {
        var values: [UInt8] = []
        var padding = 0
        for c in s.utf8 {
            if c == UInt8(ascii: "=") {
                padding += 1
                continue
            }
            guard padding == 0 else { return nil }
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): values.append(c - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): values.append(c - UInt8(ascii: "a") + 26)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): values.append(c - UInt8(ascii: "0") + 52)
            case UInt8(ascii: "+"): values.append(62)
            case UInt8(ascii: "/"): values.append(63)
            default: return nil
            }
        }
        guard padding <= 2, values.count % 4 != 1 else { return nil }
        var out: [UInt8] = []
        var i = 0
        while i < values.count {
            let chunk = values[i..<min(i + 4, values.count)]
            let v = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << UInt32(18 - 6 * $1.offset) }
            out.append(UInt8(truncatingIfNeeded: v >> 16))
            if chunk.count > 2 { out.append(UInt8(truncatingIfNeeded: v >> 8)) }
            if chunk.count > 3 { out.append(UInt8(truncatingIfNeeded: v)) }
            i += 4
        }
        return out
    }
}

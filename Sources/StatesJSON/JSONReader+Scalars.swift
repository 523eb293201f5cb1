extension JSONReader {
    // MARK: Strings

    mutating func readString() throws(JSONParseError) -> String {
        let start = index
        var i = index + 1
        var high: UInt8 = 0
        while i < end {
            let b = base[i]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 { break }
            high |= b
            i += 1
        }
        if i < end && base[i] == UInt8(ascii: "\"") {
            let bytes = UnsafeBufferPointer(start: base + start + 1, count: i - start - 1)
            if high >= 0x80, let bad = firstInvalidUTF8(start + 1, i) {
                throw error("invalid UTF-8 (byte 0x\(hexByte(base[bad]))) in a string; save the file as UTF-8", at: bad)
            }
            index = i + 1
            return String(decoding: bytes, as: UTF8.self)
        }
        return try readEscapedString(start: start, scanned: i)
    }

    /// The slow path: a string with escapes (or an error), built in the reusable scratch buffer.
    private mutating func readEscapedString(start: Int, scanned: Int) throws(JSONParseError) -> String {
        scratch.removeAll(keepingCapacity: true)
        var segment = start + 1
        index = scanned
        while true {
            guard index < end else { throw error("unterminated string; add the closing '\"'", at: start) }
            let b = base[index]
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                // An escape starts with ASCII, which can never continue a multi-byte sequence, so
                // each raw run between escapes must be valid UTF-8 on its own.
                if let bad = firstInvalidUTF8(segment, index) {
                    throw error("invalid UTF-8 (byte 0x\(hexByte(base[bad]))) in a string; save the file as UTF-8", at: bad)
                }
                scratch.append(contentsOf: UnsafeBufferPointer(start: base + segment, count: index - segment))
                if b == UInt8(ascii: "\"") {
                    index += 1
                    return String(decoding: scratch, as: UTF8.self)
                }
                try readEscape()
                segment = index
            case 0x0A, 0x0D:
                throw error("unterminated string; a line break cannot appear inside a string (write \\n)", at: start)
            case ..<0x20:
                throw error("control character U+\(hex4(UInt32(b))) must be escaped inside a string")
            default:
                index += 1
            }
        }
    }

    /// The offset of the first byte that does not start a well-formed UTF-8 sequence, if any.
    func firstInvalidUTF8(_ from: Int, _ to: Int) -> Int? {
        var i = from
        while i < to {
            let b = base[i]
            if b < 0x80 {
                i += 1
                continue
            }
            var need = 1
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; low = 0xA0  // overlong
            case 0xED: need = 2; high = 0x9F  // UTF-16 surrogates
            case 0xE1...0xEF: need = 2
            case 0xF0: need = 3; low = 0x90  // overlong
            case 0xF4: need = 3; high = 0x8F  // beyond U+10FFFF
            case 0xF1...0xF3: need = 3
            default: return i
            }
            guard i + need < to, base[i + 1] >= low, base[i + 1] <= high else { return i }
            var k = 2
            while k <= need {
                guard base[i + k] & 0xC0 == 0x80 else { return i }
                k += 1
            }
            i += need + 1
        }
        return nil
    }

    private mutating func readEscape() throws(JSONParseError) {
        let escapeStart = index
        index += 1
        guard index < end else { throw error("unterminated string; add the closing '\"'", at: escapeStart) }
        let c = base[index]
        index += 1
        switch c {
        case UInt8(ascii: "\""): scratch.append(0x22)
        case UInt8(ascii: "\\"): scratch.append(0x5C)
        case UInt8(ascii: "/"): scratch.append(0x2F)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try readHex4(escapeStart: escapeStart)
            if (0xD800...0xDBFF).contains(scalar) {
                guard index + 1 < end, base[index] == UInt8(ascii: "\\"), base[index + 1] == UInt8(ascii: "u") else {
                    throw error("lone surrogate \\u\(hex4(scalar)); a high surrogate must be followed by a low one (\\uDC00-\\uDFFF)", at: escapeStart)
                }
                index += 2
                let low = try readHex4(escapeStart: index - 2)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw error("lone surrogate \\u\(hex4(scalar)); it is followed by \\u\(hex4(low)), not a low surrogate", at: escapeStart)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw error("lone surrogate \\u\(hex4(scalar)); a low surrogate must follow a high one", at: escapeStart)
            }
            appendUTF8(scalar)
        default:
            let shown = c >= 0x20 && c < 0x7F ? "'\\\(Character(Unicode.Scalar(c)))'" : "'\\' followed by \(describe(c))"
            throw error("invalid escape sequence \(shown); use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX", at: escapeStart)
        }
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case ..<0x80:
            scratch.append(UInt8(scalar))
        case ..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    private mutating func readHex4(escapeStart: Int) throws(JSONParseError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard index < end else { throw error("invalid \\u escape; expected four hex digits", at: escapeStart) }
            let b = base[index]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b &- UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b &- UInt8(ascii: "a") &+ 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b &- UInt8(ascii: "A") &+ 10)
            default: throw error("invalid \\u escape; expected four hex digits", at: escapeStart)
            }
            v = v << 4 | d
            index += 1
        }
        return v
    }
}

func hex4(_ v: UInt32) -> String {
    let s = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - s.count)) + s
}

func hexByte(_ b: UInt8) -> String {
    let s = String(b, radix: 16, uppercase: true)
    return s.count == 1 ? "0" + s : s
}

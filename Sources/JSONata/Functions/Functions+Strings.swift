extension Functions {
    static let strings: [Builtin] = [
        Builtin("string", "<x-b?:s>", arity: 1) { (_, args) throws(JSONataError) in
            if args[0].isUndefined { return .undefined }
            let prettify: Bool
            if case .bool(let b) = args[1] { prettify = b } else { prettify = false }
            return .string(try string(args[0], prettify: prettify))
        },
        Builtin("substring", "<s-nn?:s>", arity: 3) { (_, args) throws(JSONataError) in
            guard case .string(let s) = args[0] else { return .undefined }
            return .string(substring(s, args[1], args[2]))
        },
        Builtin("substringBefore", "<s-s:s>", arity: 2) { (_, args) throws(JSONataError) in
            guard case .string(let s) = args[0] else { return .undefined }
            guard case .string(let chars) = args[1], let r = Text.firstRange(of: chars, in: s) else { return .string(s) }
            return .string(Text.utf16Slice(s, 0..<r.lowerBound))
        },
        Builtin("substringAfter", "<s-s:s>", arity: 2) { (_, args) throws(JSONataError) in
            guard case .string(let s) = args[0] else { return .undefined }
            guard case .string(let chars) = args[1], let r = Text.firstRange(of: chars, in: s) else { return .string(s) }
            return .string(Text.utf16Slice(s, r.upperBound..<s.utf16.count))
        },
        Builtin("lowercase", "<s-:s>", arity: 1) { (_, args) throws(JSONataError) in
            guard case .string(let s) = args[0] else { return .undefined }
            return .string(s.lowercased())
        },
        Builtin("uppercase", "<s-:s>", arity: 1) { (_, args) throws(JSONataError) in
            guard case .string(let s) = args[0] else { return .undefined }
            return .string(s.uppercased())
        },
        Builtin("length", "<s-:n>", arity: 1) { (_, args) throws(JSONataError) in
            guard case .string(let s) = args[0] else { return .undefined }
            return .number(Double(s.unicodeScalars.count))
        },
        Builtin("trim", "<s-:s>", arity: 1) { (_, args) throws(JSONataError) in
            guard case .string(let s) = args[0] else { return .undefined }
            return .string(trim(s))
        },
        Builtin("pad", "<s-ns?:s>", arity: 3) { (_, args) throws(JSONataError) in
            guard case .string(let s) = args[0] else { return .undefined }
            var pad = " "
            if case .string(let p) = args[2], !p.isEmpty { pad = p }
            let width = integer(args[1]) ?? 0
            let padLength = abs(width) - s.unicodeScalars.count
            guard padLength > 0 else { return .string(s) }
            var padding = String.UnicodeScalarView()
            let padScalars = Array(pad.unicodeScalars)
            for i in 0..<padLength { padding.append(padScalars[i % padScalars.count]) }
            return .string(width > 0 ? s + String(padding) : String(padding) + s)
        },
        Builtin("join", "<a<s>s?:s>", arity: 2) { (_, args) throws(JSONataError) in
            guard let items = args[0].arrayElements else { return .undefined }
            var separator = ""
            if case .string(let sep) = args[1] { separator = sep }
            var out = ""
            for (i, item) in items.enumerated() {
                if i > 0 { out += separator }
                if case .string(let s) = item { out += s }
            }
            return .string(out)
        },
    ]

    /// `$substring` by code points, with JavaScript's `slice` rules for negative and
    /// fractional positions.
    static func substring(_ s: String, _ startValue: Value, _ lengthValue: Value) -> String {
        let chars = Array(s.unicodeScalars)
        let count = Double(chars.count)
        guard case .number(var start) = startValue else { return s }
        if count + start < 0 { start = 0 }
        var end = count
        if case .number(let length) = lengthValue {
            if length <= 0 { return "" }
            end = start >= 0 ? start + length : count + start + length
        }
        func position(_ x: Double) -> Int {
            if x.isNaN { return 0 }
            let t = x.rounded(.towardZero)
            return Int(t < 0 ? max(count + t, 0) : min(t, count))
        }
        let from = position(start)
        let to = position(end)
        guard from < to else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: chars[from..<to])
        return String(view)
    }

    /// `$trim`: runs of spaces, tabs and line breaks become one space, then a space at either
    /// end goes.
    static func trim(_ s: String) -> String {
        var out: [UInt8] = []
        var inSpace = false
        for b in s.utf8 {
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                if !inSpace { out.append(0x20) }
                inSpace = true
            } else {
                out.append(b)
                inSpace = false
            }
        }
        if out.first == 0x20 { out.removeFirst() }
        if out.last == 0x20 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Text helpers that follow JavaScript's UTF-16 view of strings.
enum Text {
    /// Where `needle` first occurs in `haystack`, in UTF-16 offsets (JavaScript's `indexOf`).
    static func firstRange(of needle: String, in haystack: String, from: Int = 0) -> Range<Int>? {
        let n = Array(needle.utf16)
        let h = Array(haystack.utf16)
        return firstRange(of: n, in: h, from: from)
    }

    static func firstRange(of n: [UInt16], in h: [UInt16], from: Int = 0) -> Range<Int>? {
        if n.isEmpty { return min(from, h.count)..<min(from, h.count) }
        guard h.count >= n.count, from <= h.count - n.count else { return nil }
        let first = n[0]
        var i = from
        let last = h.count - n.count
        while i <= last {
            if h[i] == first {
                var k = 1
                while k < n.count && h[i + k] == n[k] { k += 1 }
                if k == n.count { return i..<(i + n.count) }
            }
            i += 1
        }
        return nil
    }

    static func utf16Slice(_ s: String, _ range: Range<Int>) -> String {
        let units = Array(s.utf16)
        return String(decoding: units[range.clamped(to: 0..<units.count)], as: UTF16.self)
    }
}

/// JavaScript strings may hold a lone surrogate (`'\uD800'`), which a Swift string cannot. The
/// lexer keeps one as a code point of a private-use range instead, and the places where the
/// difference shows (JSON text, the URL functions) turn it back.
enum LoneSurrogate {
    static let base: UInt32 = 0xF0000

    /// UTF-16 code units as a string, each unpaired surrogate kept as its stand-in.
    static func string(_ units: [UInt16]) -> String {
        var scalars = String.UnicodeScalarView()
        var i = 0
        while i < units.count {
            let u = units[i]
            if u >= 0xD800 && u < 0xDC00, i + 1 < units.count, units[i + 1] >= 0xDC00 && units[i + 1] < 0xE000 {
                let code = 0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(units[i + 1]) - 0xDC00)
                scalars.append(Unicode.Scalar(code)!)
                i += 2
                continue
            }
            if u >= 0xD800 && u < 0xE000 {
                scalars.append(Unicode.Scalar(base + UInt32(u) - 0xD800)!)
            } else {
                scalars.append(Unicode.Scalar(u)!)
            }
            i += 1
        }
        return String(scalars)
    }

    /// The surrogate a stand-in holds, else nil.
    @inline(__always)
    static func surrogate(_ scalar: Unicode.Scalar) -> UInt16? {
        let v = scalar.value
        guard v >= base && v < base + 0x800 else { return nil }
        return UInt16(v - base + 0xD800)
    }

    /// A string's UTF-16 code units as JavaScript has them (stand-ins turned back).
    static func utf16(_ s: String) -> [UInt16] {
        var out: [UInt16] = []
        for scalar in s.unicodeScalars {
            if let u = surrogate(scalar) { out.append(u) } else { out.append(contentsOf: UTF16.encode(scalar)!) }
        }
        return out
    }
}

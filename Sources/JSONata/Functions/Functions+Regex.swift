extension Functions {
    static let regexFunctions: [Builtin] = [
        Builtin("contains", "<s-(sf):b>", arity: 2) { (call, args) throws(JSONataError) in
            guard case .string(let s) = args[0], !args[1].isUndefined else { return .undefined }
            if case .string(let token) = args[1] { return .bool(Text.firstRange(of: token, in: s) != nil) }
            return .bool(!(try call.evaluator.matches(args[1], in: s, limit: 1)).isEmpty)
        },
        Builtin("match", "<s-f<s:o>n?:a<o>>", arity: 3) { (call, args) throws(JSONataError) in
            guard case .string(let s) = args[0] else { return .undefined }
            let limit = try limitArgument(args[2], code: "D3040", index: 3)
            var out: [Value] = []
            for hit in try call.evaluator.matches(args[1], in: s, limit: limit) {
                let o = ObjectValue(capacity: 3)
                o.set("match", .string(hit.match))
                o.set("index", .number(Double(hit.start)))
                o.set("groups", .array(Seq(hit.groups)))
                out.append(.object(o))
            }
            return .array(.sequence(out))
        },
        Builtin("replace", "<s-(sf)(sf)n?:s>", arity: 4) { (call, args) throws(JSONataError) in
            guard case .string(let s) = args[0] else { return .undefined }
            if case .string(let p) = args[1], p.isEmpty {
                throw JSONataError("D3010", value: .string(p), index: 2)
            }
            let limit = try limitArgument(args[3], code: "D3011", index: 4)
            return .string(try replace(s, args[1], args[2], limit: limit, call))
        },
        Builtin("split", "<s-(sf)n?:a<s>>", arity: 3) { (call, args) throws(JSONataError) in
            guard case .string(let s) = args[0] else { return .undefined }
            let limit = try limitArgument(args[2], code: "D3020", index: 3)
            if let limit, limit == 0 { return .array(Seq()) }
            var parts: [Value] = []
            if case .string(let separator) = args[1] {
                // String.prototype.split reads its limit as an unsigned 32-bit integer.
                var most = Int.max
                if case .number(let n) = args[2], n.isFinite { most = Int(UInt32(truncatingIfNeeded: Int64(n.rounded(.towardZero)))) }
                for part in splitString(s, separator) {
                    if parts.count >= most { break }
                    parts.append(.string(part))
                }
                return .array(Seq(parts))
            }
            let units = Array(s.utf16)
            let hits = try call.evaluator.matches(args[1], in: s, limit: limit)
            if hits.isEmpty { return .array(Seq([.string(s)])) }
            var start = 0
            for hit in hits {
                // Negative positions from a custom matcher count as 0, as in JavaScript's substring.
                parts.append(.string(String(decoding: units[start..<max(start, min(max(0, hit.start), units.count))], as: UTF16.self)))
                start = max(0, min(hit.end, units.count))
            }
            if limit == nil || hits.count < limit! {
                parts.append(.string(String(decoding: units[start...], as: UTF16.self)))
            }
            return .array(Seq(parts))
        },
    ]

    /// A count limit: undefined for none; negative is an error.
    private static func limitArgument(_ value: Value, code: String, index: Int) throws(JSONataError) -> Int? {
        guard case .number(let n) = value else { return nil }
        if n < 0 { throw JSONataError(code, value: .number(n), index: index) }
        return n.isFinite ? Int(n.rounded(.up)) : Int.max
    }

    /// JavaScript's `String.prototype.split` with a string separator.
    static func splitString(_ s: String, _ separator: String) -> [String] {
        let units = Array(s.utf16)
        let sep = Array(separator.utf16)
        if sep.isEmpty { return units.map { String(decoding: [$0], as: UTF16.self) } }
        var parts: [String] = []
        var start = 0
        while let r = Text.firstRange(of: sep, in: units, from: start) {
            parts.append(String(decoding: units[start..<r.lowerBound], as: UTF16.self))
            start = r.upperBound
        }
        parts.append(String(decoding: units[start...], as: UTF16.self))
        return parts
    }

    private static func replace(_ s: String, _ pattern: Value, _ replacement: Value, limit: Int?, _ call: Call) throws(JSONataError) -> String {
        let units = Array(s.utf16)
        if let limit, limit == 0 { return s }
        if case .string(let p) = pattern {
            // A plain-text pattern: each occurrence becomes the replacement as written.
            let needle = Array(p.utf16)
            let text: String
            if case .string(let r) = replacement { text = r } else { text = "" }
            var out: [UInt16] = []
            var position = 0
            var count = 0
            while let r = Text.firstRange(of: needle, in: units, from: position), limit == nil || count < limit! {
                out.append(contentsOf: units[position..<r.lowerBound])
                out.append(contentsOf: text.utf16)
                position = r.upperBound
                count += 1
            }
            out.append(contentsOf: units[position...])
            return String(decoding: out, as: UTF16.self)
        }
        let hits = try call.evaluator.matches(pattern, in: s, limit: limit)
        if hits.isEmpty { return s }
        var out: [UInt16] = []
        var position = 0
        for hit in hits {
            if hit.start > position { out.append(contentsOf: units[position..<min(hit.start, units.count)]) }
            let substitute: String
            if case .string(let template) = replacement {
                substitute = expand(template, hit)
            } else {
                let o = ObjectValue(capacity: 4)
                o.set("match", .string(hit.match))
                o.set("start", .number(Double(hit.start)))
                o.set("end", .number(Double(hit.end)))
                o.set("groups", .array(Seq(hit.groups)))
                let r = try call.apply(replacement, [.object(o)])
                guard case .string(let text) = r else { throw JSONataError("D3012", value: r.insert) }
                substitute = text
            }
            out.append(contentsOf: substitute.utf16)
            position = max(position, hit.start + hit.match.utf16.count)
        }
        if position < units.count { out.append(contentsOf: units[position...]) }
        return String(decoding: out, as: UTF16.self)
    }

    /// A replacement text with `$0` (the match), `$1`… (groups) and `$$` filled in; a group
    /// number takes as many digits as the count of groups has, fewer if that is too many.
    private static func expand(_ template: String, _ hit: MatchHit) -> String {
        let t = Array(template.unicodeScalars)
        var out = String.UnicodeScalarView()
        var position = 0
        while position < t.count {
            guard let dollar = t[position...].firstIndex(of: "$") else { break }
            out.append(contentsOf: t[position..<dollar])
            position = dollar + 1
            guard position < t.count else {
                out.append("$")
                break
            }
            let next = t[position]
            if next == "$" {
                out.append("$")
                position += 1
                continue
            }
            if next == "0" {
                out.append(contentsOf: hit.match.unicodeScalars)
                position += 1
                continue
            }
            let groups = hit.groups.count
            let maxDigits = groups == 0 ? 1 : String(groups).count
            func number(_ digits: Int) -> Int? {
                var value = 0
                var seen = 0
                for k in 0..<digits where position + k < t.count {
                    let c = t[position + k].value
                    guard c >= 0x30 && c <= 0x39 else { break }
                    value = value * 10 + Int(c - 0x30)
                    seen += 1
                }
                return seen > 0 ? value : nil
            }
            var index = number(maxDigits)
            if maxDigits > 1, let i = index, i > groups { index = number(maxDigits - 1) }
            if let index {
                if groups > 0, index >= 1, index <= groups, case .string(let g) = hit.groups[index - 1] {
                    out.append(contentsOf: g.unicodeScalars)
                }
                position += String(index).count
            } else {
                out.append("$")
            }
        }
        if position < t.count { out.append(contentsOf: t[position...]) }
        return String(out)
    }
}

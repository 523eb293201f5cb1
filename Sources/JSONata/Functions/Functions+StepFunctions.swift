import StatesJSON

extension Functions {
    /// The functions Step Functions adds to JSONata. Their errors carry codes of their own, D317x.
    static let stepFunctions: [Builtin] = [
        Builtin("partition", "<an:a>", arity: 2) { (_, args) throws(JSONataError) in
            guard let items = args[0].arrayElements else { return .undefined }
            guard case .number(let n) = args[1], n.isFinite, n >= 1, n.rounded(.towardZero) == n else {
                throw JSONataError("D3170", value: args[1].insert, detail: "The second argument of $partition must be a positive integer")
            }
            let size = Int(min(n, Double(Int32.max)))
            var chunks: [Value] = []
            var start = 0
            while start < items.count {
                chunks.append(.array(Seq(Array(items[start..<min(start + size, items.count)]))))
                start += size
            }
            return .array(Seq(chunks))
        },
        Builtin("range", "<nnn?:a<n>>", arity: 3) { (_, args) throws(JSONataError) in
            guard case .number(let start) = args[0], case .number(let end) = args[1] else { return .undefined }
            var step = 1.0
            if case .number(let s) = args[2] { step = s }
            guard start.isFinite, end.isFinite, step.isFinite, step != 0 else {
                throw JSONataError("D3171", detail: "The step of $range must be a number other than 0")
            }
            let count = ((end - start) / step).rounded(.down) + 1
            if count > Evaluator.maxRange {
                throw JSONataError("D2014", value: .number(count))
            }
            var out: [Value] = []
            if count >= 1 {
                out.reserveCapacity(Int(count))
                for k in 0..<Int(count) { out.append(.number(start + Double(k) * step)) }
            }
            return .array(.sequence(out))
        },
        Builtin("random", "<n?:n>", arity: 1) { (call, args) throws(JSONataError) in
            // With a seed the same number every time (the same seed, the same draw).
            if case .number(let seed) = args[0] {
                var state = UInt64(bitPattern: Int64(seed.isFinite ? seed.rounded(.towardZero) : 0))
                return .number(Evaluator.splitMix(&state))
            }
            return .number(call.evaluator.nextRandom())
        },
        Builtin("uuid", "<:s>", arity: 0) { (call, _) throws(JSONataError) in
            .string(call.evaluator.nextUUID())
        },
        Builtin("hash", "<s-s:s>", arity: 2) { (_, args) throws(JSONataError) in
            guard case .string(let text) = args[0] else { return .undefined }
            guard case .string(let algorithm) = args[1] else { return .undefined }
            let bytes = Array(text.utf8)
            let digest: [UInt8]? = bytes.withUnsafeBytes { message in
                switch algorithm {
                case "MD5": return MD5.digest(message)
                case "SHA-1": return SHA1.digest(message)
                case "SHA-256": return SHA256.digest(message)
                case "SHA-384": return SHA512.digest(message, variant: .sha384)
                case "SHA-512": return SHA512.digest(message, variant: .sha512)
                default: return nil
                }
            }
            guard let digest else {
                throw JSONataError("D3173", value: .string(algorithm),
                                   detail: "The hash algorithm of $hash must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512, not \(algorithm)")
            }
            let hex = Array("0123456789abcdef")
            var out = ""
            for b in digest {
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 15)])
            }
            return .string(out)
        },
        Builtin("parse", "<s-:x>", arity: 1) { (_, args) throws(JSONataError) in
            guard case .string(let text) = args[0] else { return .undefined }
            do throws(JSONParseError) {
                return Value(try JSONParser().parse(text))
            } catch {
                throw JSONataError("D3172", value: .string(text), detail: "$parse could not read its argument as JSON: \(error.message) at \(error.location)")
            }
        },
    ]
}

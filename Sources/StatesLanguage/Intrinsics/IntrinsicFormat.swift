/// States.Format: replaces each `{}` of the template with the next argument.
enum IntrinsicFormat {
    static func format(_ args: IntrinsicArguments, pieces prepared: [Piece]?) throws(ExecutionError) -> JSON {
        guard args.count >= 1 else { throw args.failure("Invalid arguments in States.Format: expected at least 1 argument but got 0") }
        let pieces: [Piece]
        if let prepared {
            pieces = prepared
        } else {
            // A template from a path has no escapes to honour.
            pieces = Self.pieces(of: try args.string(0).replacing("\\", with: "\\\\"))
        }
        var placeholders = 0
        var size = 0
        for piece in pieces {
            switch piece {
            case .text(let literal): size += literal.utf8.count
            case .placeholder: placeholders += 1
            }
        }
        guard placeholders == args.count - 1 else {
            throw args.failure("Number of arguments in States.Format does not match the number of placeholders in the template")
        }
        // Strings and integers are written as they are; anything else as its text, made first.
        var texts: [Int: String] = [:]
        for i in 1..<args.count {
            switch args[i] {
            case .string(let s): size += s.utf8.count
            case .number(.int(let n)): size += decimalLength(n)
            default:
                let t = text(args[i])
                size += t.utf8.count
                texts[i] = t
            }
        }
        // The result is written once, in place, at its exact size.
        let out = String(unsafeUninitializedCapacity: size) { buffer in
            var at = 0
            var next = 1
            for piece in pieces {
                switch piece {
                case .text(let literal):
                    at = write(literal, into: buffer, at: at)
                case .placeholder:
                    switch args[next] {
                    case .string(let s): at = write(s, into: buffer, at: at)
                    case .number(.int(let n)): at = writeDecimal(n, into: buffer, at: at)
                    default: at = write(texts[next] ?? "", into: buffer, at: at)
                    }
                    next += 1
                }
            }
            return at
        }
        return .string(out)
    }

    /// Copies the UTF-8 of `text` into `buffer` at `at`; returns the position after it.
    private static func write(_ text: String, into buffer: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return at }
            (target + at).initialize(from: source, count: bytes.count)
            return at + bytes.count
        }
    }

    /// The number of characters of `n` in decimal, its sign included.
    static func decimalLength(_ n: Int64) -> Int {
        var length = n < 0 ? 2 : 1
        var rest = n.magnitude / 10
        while rest > 0 {
            length += 1
            rest /= 10
        }
        return length
    }

    /// Writes `n` in decimal (as `String(n)` would) into `buffer` at `at`; returns the position
    /// after it.
    private static func writeDecimal(_ n: Int64, into buffer: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Int {
        let end = at + decimalLength(n)
        var position = end
        var rest = n.magnitude
        repeat {
            position -= 1
            buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        } while rest > 0
        if n < 0 { buffer[at] = UInt8(ascii: "-") }
        return end
    }

    /// A template's literal text and `{}` placeholders, in order.
    enum Piece: Sendable, Hashable {
        case text(String)
        case placeholder
    }

    /// Splits a template once: `\\x` stands for `x`, and a `{` not followed by `}` is text.
    static func pieces(of template: String) -> [Piece] {
        var pieces: [Piece] = []
        var out = ""
        var chars = template.makeIterator()
        var pendingOpen = false
        while let c = chars.next() {
            if pendingOpen {
                pendingOpen = false
                if c == "}" {
                    if !out.isEmpty { pieces.append(.text(out)) }
                    out = ""
                    pieces.append(.placeholder)
                    continue
                }
                out.append("{")
            }
            if c == "\\" {
                if let escaped = chars.next() { out.append(escaped) }
                continue
            }
            if c == "{" {
                pendingOpen = true
                continue
            }
            out.append(c)
        }
        if pendingOpen { out.append("{") }
        if !out.isEmpty { pieces.append(.text(out)) }
        return pieces
    }

    /// How AWS renders a value in a formatted string: strings bare, containers like Java's
    /// `Map.toString` / `List.toString` (`{a=1, b=[x, y]}`).
    static func text(_ value: JSON) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(.int(let i)): return String(i)
        case .number(let n): return JSONPrinter.format(n)
        case .string(let s): return s
        case .array(let a): return "[" + a.map(text).joined(separator: ", ") + "]"
        case .object(let o): return "{" + o.map { "\($0.key)=\(text($0.value))" }.joined(separator: ", ") + "}"
        }
    }
}

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
        for i in 1..<args.count {
            if case .string(let s) = args[i] { size += s.utf8.count } else { size += 24 }
        }
        // Room for the whole result at once, instead of growing it piece by piece.
        var out = ""
        out.reserveCapacity(size)
        var next = 1
        for piece in pieces {
            switch piece {
            case .text(let literal):
                out += literal
            case .placeholder:
                append(args[next], to: &out)
                next += 1
            }
        }
        return .string(out)
    }

    /// `text(value)` appended, without an intermediate string for the usual scalars.
    static func append(_ value: JSON, to out: inout String) {
        switch value {
        case .string(let s): out += s
        case .number(.int(let i)): out += String(i)
        default: out += text(value)
        }
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

/// States.Format: replaces each `{}` of the template with the next argument.
enum IntrinsicFormat {
    static func format(_ args: IntrinsicArguments) throws(ExecutionError) -> JSON {
        guard args.count >= 1 else { throw args.failure("Invalid arguments in States.Format: expected at least 1 argument but got 0") }
        let pieces: [Piece]
        if let prepared = args.call.formatPieces {
            pieces = prepared
        } else {
            // A template from a path has no escapes to honour.
            pieces = Self.pieces(of: try args.string(0).replacing("\\", with: "\\\\"))
        }
        var out = ""
        var next = 1
        for piece in pieces {
            switch piece {
            case .text(let literal):
                out += literal
            case .placeholder:
                guard next < args.count else {
                    throw args.failure("Number of arguments in States.Format does not match the number of placeholders in the template")
                }
                out += text(args[next])
                next += 1
            }
        }
        guard next == args.count else {
            throw args.failure("Number of arguments in States.Format does not match the number of placeholders in the template")
        }
        return .string(out)
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
        case .number(let n): return JSONPrinter.format(n)
        case .string(let s): return s
        case .array(let a): return "[" + a.map(text).joined(separator: ", ") + "]"
        case .object(let o): return "{" + o.map { "\($0.key)=\(text($0.value))" }.joined(separator: ", ") + "}"
        }
    }
}

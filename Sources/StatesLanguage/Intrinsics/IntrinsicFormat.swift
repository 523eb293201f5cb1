/// States.Format: replaces each `{}` of the template with the next argument.
enum IntrinsicFormat {
    static func format(_ args: IntrinsicArguments) throws(ExecutionError) -> JSON {
        guard args.count >= 1 else { throw args.failure("Invalid arguments in States.Format: expected at least 1 argument but got 0") }
        let template: String
        switch args.call.arguments[0] {
        case .string(_, let raw): template = raw
        default:
            // A template from a path has no escapes to honour.
            template = try args.string(0).replacing("\\", with: "\\\\")
        }
        var out = ""
        var next = 1
        var chars = template.makeIterator()
        var pendingOpen = false
        while let c = chars.next() {
            if pendingOpen {
                pendingOpen = false
                if c == "}" {
                    guard next < args.count else {
                        throw args.failure("Number of arguments in States.Format does not match the number of placeholders in the template")
                    }
                    out += text(args[next])
                    next += 1
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
        guard next == args.count else {
            throw args.failure("Number of arguments in States.Format does not match the number of placeholders in the template")
        }
        return .string(out)
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

/// A function signature such as `<s-nn?:s>`: the type of each parameter, which may be optional
/// (`?`), repeated (`+`) or taken from the context when missing (`-`).
///
/// Arguments are checked against it in one place (`validate`), which also fills in the context
/// value and wraps a single value passed where an array is expected.
struct Signature: Sendable, Hashable {
    /// A set of type symbols: s n b l o a f, and m for a missing (undefined) argument.
    struct Types: OptionSet, Sendable, Hashable {
        let rawValue: UInt8
        static let string = Types(rawValue: 1)
        static let number = Types(rawValue: 2)
        static let boolean = Types(rawValue: 4)
        static let null = Types(rawValue: 8)
        static let object = Types(rawValue: 16)
        static let array = Types(rawValue: 32)
        static let function = Types(rawValue: 64)
        static let missing = Types(rawValue: 128)

        static let anyJSON: Types = [.array, .string, .number, .boolean, .null, .object, .missing]
        static let anything: Types = [.anyJSON, .function]
    }

    struct Parameter: Sendable, Hashable {
        /// The symbol as written (`s`, `a`, `(sf)`, ...).
        var type: String
        var accepts: Types
        var optional = false
        var repeated = false
        /// `-`: a missing argument is taken from the context, which must be of `contextTypes`.
        var usesContext = false
        var contextTypes: Types = []
        /// The element type of an array parameter (`a<n>`).
        var subtype: String?
    }

    let text: String
    private(set) var parameters: [Parameter] = []

    init(_ text: String) throws(JSONataError) {
        self.text = text
        let chars = Array(text.unicodeScalars)
        var i = 1
        func closing(_ start: Int, _ open: Unicode.Scalar, _ close: Unicode.Scalar) -> Int {
            var depth = 1
            var p = start
            while p < chars.count - 1 {
                p += 1
                if chars[p] == close {
                    depth -= 1
                    if depth == 0 { break }
                } else if chars[p] == open {
                    depth += 1
                }
            }
            return p
        }
        while i < chars.count {
            let symbol = chars[i]
            if symbol == ":" { break }
            switch symbol {
            case "s", "n", "b", "l", "o":
                parameters.append(Parameter(type: String(symbol), accepts: [Self.types(of: symbol), .missing]))
            case "a":
                parameters.append(Parameter(type: "a", accepts: .anything))
            case "f":
                parameters.append(Parameter(type: "f", accepts: .function))
            case "j":
                parameters.append(Parameter(type: "j", accepts: .anyJSON))
            case "x":
                parameters.append(Parameter(type: "x", accepts: .anything))
            case "-":
                if var last = parameters.popLast() {
                    last.usesContext = true
                    last.contextTypes = last.accepts
                    last.optional = true
                    parameters.append(last)
                }
            case "?":
                if var last = parameters.popLast() {
                    last.optional = true
                    parameters.append(last)
                }
            case "+":
                if var last = parameters.popLast() {
                    last.repeated = true
                    parameters.append(last)
                }
            case "(":
                let end = closing(i, "(", ")")
                let choice = chars[(i + 1)..<end]
                if choice.contains("<") {
                    throw JSONataError("S0402", position: i, value: .string(String(String.UnicodeScalarView(choice))))
                }
                var accepts: Types = .missing
                for c in choice { accepts.formUnion(Self.types(of: c)) }
                parameters.append(Parameter(type: "(" + String(String.UnicodeScalarView(choice)) + ")", accepts: accepts))
                i = end
            case "<":
                guard var last = parameters.last, last.type == "a" || last.type == "f" else {
                    throw JSONataError("S0401", position: i, value: .string(parameters.last?.type ?? ""))
                }
                let end = closing(i, "<", ">")
                last.subtype = String(String.UnicodeScalarView(chars[(i + 1)..<min(end, chars.count)]))
                parameters[parameters.count - 1] = last
                i = end
            default:
                break
            }
            i += 1
        }
    }

    private static func types(of symbol: Unicode.Scalar) -> Types {
        switch symbol {
        case "s": return .string
        case "n": return .number
        case "b": return .boolean
        case "l": return .null
        case "o": return .object
        case "a": return .array
        case "f": return .function
        case "m": return .missing
        case "j": return .anyJSON
        case "x": return .anything
        default: return []
        }
    }

    /// The type symbol of a value.
    static func symbol(of value: Value) -> Types {
        switch value {
        case .undefined: return .missing
        case .null: return .null
        case .bool: return .boolean
        case .number: return .number
        case .string: return .string
        case .array, .json(.array): return .array
        case .node(let n): return n.isArray ? .array : .object
        case .object, .json: return .object
        case .function: return .function
        }
    }

    /// How many arguments each parameter takes, matched greedily from the left as a regular
    /// expression over the arguments' type symbols would; nil when they do not fit.
    private func assign(_ symbols: [Types], anchored: Bool, upTo count: Int) -> [Int]? {
        var counts = [Int](repeating: 0, count: count)
        func fit(_ p: Int, _ s: Int) -> Bool {
            if p == count { return !anchored || s == symbols.count }
            let param = parameters[p]
            var run = 0
            while s + run < symbols.count, param.accepts.contains(symbols[s + run]), param.repeated || run < 1 { run += 1 }
            let least = param.optional ? 0 : 1
            if !param.repeated && !param.optional && run == 0 { return false }
            var n = run
            while n >= least {
                counts[p] = n
                if fit(p + 1, s + n) { return true }
                n -= 1
            }
            return false
        }
        return fit(0, 0) ? counts : nil
    }

    /// Checks the arguments of a call and returns them as the function receives them.
    func validate(_ arguments: [Value], context: Value) throws(JSONataError) -> [Value] {
        if let direct = try validateDirectly(arguments) { return direct }
        let symbols = arguments.map(Self.symbol(of:))
        guard let counts = assign(symbols, anchored: true, upTo: parameters.count) else {
            throw mismatch(arguments, symbols)
        }
        var validated: [Value] = []
        validated.reserveCapacity(parameters.count)
        // The reference walks the matched symbols and the arguments with separate counters;
        // they part when an optional parameter matched nothing.
        var argIndex = 0
        var symbolIndex = 0
        for (p, param) in parameters.enumerated() {
            if counts[p] == 0 {
                if param.usesContext {
                    guard param.contextTypes.contains(Self.symbol(of: context)) else {
                        throw JSONataError("T0411", value: context.insert, index: argIndex + 1)
                    }
                    validated.append(context)
                } else {
                    validated.append(argIndex < arguments.count ? arguments[argIndex] : .undefined)
                    argIndex += 1
                }
                continue
            }
            let run = symbols[symbolIndex..<(symbolIndex + counts[p])]
            symbolIndex += counts[p]
            for single in run {
                var arg = argIndex < arguments.count ? arguments[argIndex] : .undefined
                if param.type == "a" {
                    if single == .missing {
                        arg = .undefined
                    } else {
                        try checkSubtype(param, arg, single: single, run: run, index: argIndex)
                        if single != .array { arg = .array(Seq([arg])) }
                    }
                }
                validated.append(arg)
                argIndex += 1
            }
        }
        return validated
    }

    /// The common call: each argument fits the parameter in its place and the parameters left
    /// over may be missing. The greedy match would pair them the same way, so the arguments
    /// pass as they are (undefined for the missing ones, single values wrapped for arrays).
    private func validateDirectly(_ arguments: [Value]) throws(JSONataError) -> [Value]? {
        guard arguments.count <= parameters.count else { return nil }
        for (i, param) in parameters.enumerated() {
            if param.repeated { return nil }
            if i < arguments.count {
                guard param.accepts.contains(Self.symbol(of: arguments[i])) else { return nil }
            } else if !param.optional || param.usesContext {
                return nil
            }
        }
        var validated = arguments
        for (i, param) in parameters.enumerated() where i < arguments.count && param.type == "a" {
            let arg = arguments[i]
            let single = Self.symbol(of: arg)
            if single == .missing { continue }
            try checkSubtype(param, arg, single: single, run: [single][...], index: i)
            if single != .array { validated[i] = .array(Seq([arg])) }
        }
        while validated.count < parameters.count { validated.append(.undefined) }
        return validated
    }

    private func checkSubtype(_ param: Parameter, _ arg: Value, single: Types, run: ArraySlice<Types>, index: Int) throws(JSONataError) {
        guard let subtype = param.subtype, let first = subtype.unicodeScalars.first else { return }
        let want = Self.types(of: first)
        var ok = true
        if single != .array {
            // The reference compares the whole run of symbols with the subtype here.
            ok = run.count == 1 && subtype.count == 1 && single == want
        } else if let elements = arg.arrayElements, !elements.isEmpty {
            let itemType = Self.symbol(of: elements[0])
            ok = itemType == want && elements.allSatisfy { Self.symbol(of: $0) == itemType }
        }
        if !ok {
            let plural: String
            switch first {
            case "a": plural = "arrays"
            case "b": plural = "booleans"
            case "f": plural = "functions"
            case "n": plural = "numbers"
            case "o": plural = "objects"
            case "s": plural = "strings"
            default: plural = subtype
            }
            throw JSONataError("T0412", value: arg.insert, index: index + 1, type: plural)
        }
    }

    /// T0410, naming the first argument that no prefix of the signature accepts.
    private func mismatch(_ arguments: [Value], _ symbols: [Types]) -> JSONataError {
        var goodTo = 0
        for k in 1...max(parameters.count, 1) where k <= parameters.count {
            guard let counts = assign(symbols, anchored: false, upTo: k) else { break }
            goodTo = counts.reduce(0, +)
        }
        let value = goodTo < arguments.count ? arguments[goodTo] : .undefined
        return JSONataError("T0410", value: value.insert, index: goodTo + 1)
    }
}

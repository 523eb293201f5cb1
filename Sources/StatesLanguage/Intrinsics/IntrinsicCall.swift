/// A parsed intrinsic function call, `States.Format('Hello {}', $.name)`.
public struct IntrinsicCall: Sendable, Hashable, CustomStringConvertible {
    /// One argument as written.
    public enum Argument: Sendable, Hashable {
        /// A string literal; `raw` keeps its backslash escapes because States.Format tells escaped
        /// braces from placeholders.
        case string(value: String, raw: String)
        /// A number, boolean or null literal.
        case literal(JSON)
        /// `$.x`, `$$.x`, `$name.x`
        case path(JSONPath)
        case call(IntrinsicCall)
    }

    // Stored once and shared, so that copying a call out of its expression costs one reference.
    final class Storage: Sendable {
        let name: String
        let arguments: [Argument]
        let text: String
        let function: IntrinsicFunction?
        let formatPieces: [IntrinsicFormat.Piece]?
        /// `arguments` as an evaluation reads them (see `IntrinsicEvaluation.swift`).
        let plans: [ArgumentPlan]
        /// Keeps the paths that `plans` refers to unowned.
        private let paths: [PathHolder]

        init(name: String, arguments: [Argument], text: String) {
            self.name = name
            self.arguments = arguments
            self.text = text
            function = IntrinsicFunction(rawValue: name)
            if function == .format, case .string(_, let raw)? = arguments.first {
                formatPieces = IntrinsicFormat.pieces(of: raw)
            } else {
                formatPieces = nil
            }
            var paths: [PathHolder] = []
            plans = arguments.map { argument in
                switch argument {
                case .string(let value, _): return .value(.string(value))
                case .literal(let value): return .value(value)
                case .path(let path):
                    let holder = PathHolder(path)
                    paths.append(holder)
                    return .path(.passUnretained(holder))
                case .call(let call): return .call(.passUnretained(call.storage))
                }
            }
            self.paths = paths
        }
    }

    /// One argument ready to evaluate: a value, or a path or nested call reached unowned (the
    /// call's storage keeps them alive), so that evaluating it counts no reference.
    enum ArgumentPlan: @unchecked Sendable {
        case value(JSON)
        case path(Unmanaged<PathHolder>)
        case call(Unmanaged<Storage>)
    }

    final class PathHolder: Sendable {
        let path: JSONPath
        init(_ path: JSONPath) { self.path = path }
    }

    let storage: Storage

    /// The full name, e.g. `States.Format`.
    public var name: String { storage.name }
    /// The arguments in the order written.
    public var arguments: [Argument] { storage.arguments }
    /// The call as written.
    public var text: String { storage.text }
    /// `name` resolved once, so that each evaluation dispatches without comparing strings.
    var function: IntrinsicFunction? { storage.function }
    /// States.Format's template split at its placeholders, when the template is written in the call.
    var formatPieces: [IntrinsicFormat.Piece]? { storage.formatPieces }

    public static func == (a: IntrinsicCall, b: IntrinsicCall) -> Bool {
        a.storage === b.storage || (a.name == b.name && a.arguments == b.arguments && a.text == b.text)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(arguments)
        hasher.combine(text)
    }

    /// Parses a call; throws with the column of the first problem.
    public init(_ text: String) throws(JSONPathSyntaxError) {
        var parser = IntrinsicParser(text)
        let call = try parser.parseCall()
        parser.skipSpaces()
        if !parser.atEnd { throw parser.error("unexpected '\(parser.chars[parser.pos])' after the call") }
        self = call
    }

    init(name: String, arguments: [Argument], text: String) {
        storage = Storage(name: name, arguments: arguments, text: text)
    }

    public var description: String { text }

    /// Whether an argument, or a call nested in one, reads the context object (`$$…`).
    public var usesContextObject: Bool {
        arguments.contains {
            switch $0 {
            case .path(let path): return path.usesContextObject
            case .call(let call): return call.usesContextObject
            case .string, .literal: return false
            }
        }
    }

    /// How many arguments each function takes (`States.Array` any number, `States.Format` at least one),
    /// for definition validation; nil for an unknown name.
    public static func argumentCount(of name: String) -> ClosedRange<Int>? {
        switch name {
        case "States.Array": return 0...Int.max
        case "States.Format": return 1...Int.max
        case "States.UUID": return 0...0
        case "States.StringToJson", "States.JsonToString", "States.ArrayLength", "States.ArrayUnique",
            "States.Base64Encode", "States.Base64Decode":
            return 1...1
        case "States.ArrayPartition", "States.ArrayContains", "States.ArrayGetItem", "States.Hash", "States.MathAdd",
            "States.StringSplit":
            return 2...2
        case "States.ArrayRange", "States.JsonMerge": return 3...3
        case "States.MathRandom": return 2...3
        default: return nil
        }
    }

    /// Every intrinsic function Step Functions offers in JSONPath mode.
    public static let knownFunctions: Set<String> = [
        "States.Format", "States.StringToJson", "States.JsonToString", "States.Array", "States.ArrayPartition",
        "States.ArrayContains", "States.ArrayRange", "States.ArrayGetItem", "States.ArrayLength", "States.ArrayUnique",
        "States.Base64Encode", "States.Base64Decode", "States.Hash", "States.JsonMerge", "States.MathRandom",
        "States.MathAdd", "States.StringSplit", "States.UUID",
    ]
}

struct IntrinsicParser {
    /// Step Functions allows up to 10 intrinsic functions within a field, counting every call
    /// (its guide shows a field with nine nested calls, five deep). Counting calls also bounds
    /// how deep the parser recurses and how often it copies a call's text.
    static let maximumCalls = 10

    let chars: [Character]
    var pos = 0
    /// Calls begun so far, the outermost included.
    var calls = 0

    init(_ text: String) { chars = Array(text) }

    var atEnd: Bool { pos >= chars.count }
    var peek: Character? { pos < chars.count ? chars[pos] : nil }

    func error(_ message: String, at position: Int? = nil) -> JSONPathSyntaxError {
        JSONPathSyntaxError(message, column: (position ?? pos) + 1)
    }

    mutating func skipSpaces() {
        while let c = peek, c.isWhitespace { pos += 1 }
    }

    mutating func parseCall() throws(JSONPathSyntaxError) -> IntrinsicCall {
        skipSpaces()
        let start = pos
        while let c = peek, c.isLetter || c.isNumber || c == "." || c == "_" { pos += 1 }
        let name = String(chars[start..<pos])
        guard name.hasPrefix("States."), name.count > 7 else { throw error("expected an intrinsic function name such as States.Format", at: start) }
        guard IntrinsicCall.knownFunctions.contains(name) else { throw error("unknown intrinsic function \(name)", at: start) }
        calls += 1
        guard calls <= Self.maximumCalls else {
            throw error("more than \(Self.maximumCalls) intrinsic functions in one field, which Step Functions does not allow; "
                        + "compute part of the value in an earlier state", at: start)
        }
        skipSpaces()
        guard peek == "(" else { throw error("expected '(' after \(name)") }
        pos += 1
        var arguments: [IntrinsicCall.Argument] = []
        skipSpaces()
        if peek == ")" {
            pos += 1
        } else {
            while true {
                arguments.append(try parseArgument())
                skipSpaces()
                guard let c = peek else { throw error("unclosed '(' in \(name)") }
                pos += 1
                if c == ")" { break }
                if c != "," { throw error("expected ',' or ')' but found '\(c)'", at: pos - 1) }
            }
        }
        return IntrinsicCall(name: name, arguments: arguments, text: String(chars[start..<pos]))
    }

    mutating func parseArgument() throws(JSONPathSyntaxError) -> IntrinsicCall.Argument {
        skipSpaces()
        guard let c = peek else { throw error("expected an argument but the text ended") }
        if c == "'" { return try parseString() }
        if c == "$" {
            let start = pos
            var depth = 0
            var quote: Character? = nil
            while let ch = peek {
                if let q = quote {
                    // A backslash escapes the next character, when there is one.
                    if ch == "\\" { pos = min(pos + 1, chars.count) } else if ch == q { quote = nil }
                    pos = min(pos + 1, chars.count)
                    continue
                }
                if ch == "'" || ch == "\"" {
                    quote = ch
                } else if ch == "[" || ch == "(" {
                    depth += 1
                } else if ch == "]" || ch == ")" {
                    if depth == 0 { break }
                    depth -= 1
                } else if ch == "," && depth == 0 {
                    break
                }
                pos += 1
            }
            var text = String(chars[start..<pos])
            while text.last?.isWhitespace == true { text.removeLast() }
            do {
                return .path(try JSONPath(text))
            } catch {
                throw JSONPathSyntaxError("invalid path '\(text)': \(error.message)", column: start + error.column)
            }
        }
        if c == "S" {
            return .call(try parseCall())
        }
        let start = pos
        while let ch = peek, ch != ",", ch != ")", !ch.isWhitespace { pos += 1 }
        let word = String(chars[start..<pos])
        switch word {
        case "true": return .literal(true)
        case "false": return .literal(false)
        case "null": return .literal(.null)
        default:
            if let value = try? JSON.parse(word), value.numberValue != nil { return .literal(value) }
            throw error(word.isEmpty ? "expected an argument" : "invalid argument '\(word)'", at: start)
        }
    }

    mutating func parseString() throws(JSONPathSyntaxError) -> IntrinsicCall.Argument {
        let start = pos
        pos += 1
        var value = ""
        var raw = ""
        while let c = peek {
            pos += 1
            if c == "'" { return .string(value: value, raw: raw) }
            if c == "\\" {
                guard let next = peek else { break }
                pos += 1
                value.append(next)
                raw.append(c)
                raw.append(next)
            } else {
                value.append(c)
                raw.append(c)
            }
        }
        throw error("unterminated string literal", at: start)
    }
}

/// The intrinsic functions asldb evaluates, by their full names.
enum IntrinsicFunction: String, Sendable, Hashable {
    case format = "States.Format"
    case stringToJson = "States.StringToJson"
    case jsonToString = "States.JsonToString"
    case jsonMerge = "States.JsonMerge"
    case array = "States.Array"
    case arrayPartition = "States.ArrayPartition"
    case arrayContains = "States.ArrayContains"
    case arrayRange = "States.ArrayRange"
    case arrayGetItem = "States.ArrayGetItem"
    case arrayLength = "States.ArrayLength"
    case arrayUnique = "States.ArrayUnique"
    case base64Encode = "States.Base64Encode"
    case base64Decode = "States.Base64Decode"
    case hash = "States.Hash"
    case mathRandom = "States.MathRandom"
    case mathAdd = "States.MathAdd"
    case stringSplit = "States.StringSplit"
    case uuid = "States.UUID"
}

/// A parsed JSONPath as Step Functions evaluates it (`$.a[0]`, `$$.Execution.Id`, `$var.x`,
/// `$..book[?(@.price < 10)]`). Parse once, evaluate many times.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// The document a path starts from.
    public enum Root: Sendable, Hashable {
        /// `$`: the state's input (or whatever document the field applies to).
        case input
        /// `$$`: the context object.
        case context
        /// `$name`: a workflow variable.
        case variable(String)
    }

    // Stored once and shared: a path is copied out of every expression that evaluates it, and
    // a copy then costs one reference instead of one per field.
    private final class Storage: @unchecked Sendable {
        let text: String
        let root: Root
        let segments: [Segment]
        let isDefinite: Bool
        /// Whether every segment names one member or one index: a reference path.
        let isReference: Bool
        /// A reference path's steps (none for other paths), unboxed, in memory of the storage's
        /// own that an evaluation reads without retaining an array. Written once, by init; freed
        /// by deinit.
        let stepBuffer: UnsafeMutableBufferPointer<ReferenceStep>

        init(text: String, root: Root, segments: [Segment]) {
            self.text = text
            self.root = root
            self.segments = segments
            isDefinite = segments.indices.allSatisfy { segments[$0].isDefinite(isLeaf: $0 == segments.count - 1) }
            var steps: [ReferenceStep]? = []
            for segment in segments {
                switch segment {
                case .property(let names) where names.count == 1: steps?.append(.member(names[0]))
                case .index(let indexes) where indexes.count == 1: steps?.append(.index(indexes[0]))
                default: steps = nil
                }
            }
            isReference = steps != nil
            stepBuffer = .allocate(capacity: steps?.count ?? 0)
            _ = stepBuffer.initialize(from: steps ?? [])
        }

        deinit {
            stepBuffer.baseAddress?.deinitialize(count: stepBuffer.count)
            stepBuffer.deallocate()
        }
    }

    private let storage: Storage

    /// The text as written in the definition.
    public var text: String { storage.text }
    /// Where evaluation starts: the input, the context object or a variable.
    public var root: Root { storage.root }
    var segments: [Segment] { storage.segments }
    /// True when the path names at most one node, so evaluation yields that value rather than a list.
    public var isDefinite: Bool { storage.isDefinite }
    /// True when the path only names object members and array indexes: a reference path.
    public var isReferencePath: Bool { storage.isReference }
    /// Whether the path is a reference path, whose steps (`referenceStepBuffer`) serve lookups
    /// that need no bookkeeping.
    var hasReferenceSteps: Bool { storage.isReference }
    /// A reference path's steps, unboxed (empty for other paths), valid while this path is alive.
    var referenceStepBuffer: UnsafeBufferPointer<ReferenceStep> { UnsafeBufferPointer(storage.stepBuffer) }

    /// Parses a path; throws when its syntax is not one Step Functions accepts.
    public init(_ text: String) throws(JSONPathSyntaxError) {
        var parser = JSONPathParser(text)
        let (root, segments) = try parser.parsePath()
        self.init(text: text, root: root, segments: segments)
    }

    init(text: String, root: Root, segments: [Segment]) {
        storage = Storage(text: text, root: root, segments: segments)
    }

    public static func == (a: JSONPath, b: JSONPath) -> Bool {
        a.storage === b.storage || (a.text == b.text && a.root == b.root && a.segments == b.segments)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(root)
        hasher.combine(segments)
    }

    public var description: String { text }

    /// Whether evaluating needs the context object (`$$…`); filters only see the document.
    public var usesContextObject: Bool { root == .context }

    /// The path in the bracketed form AWS quotes in error messages: `$['a'][0]`.
    public var normalized: String { Self.normalized(segments[...]) }

    static func normalized(_ segments: ArraySlice<Segment>) -> String {
        var s = "$"
        for segment in segments { s += segment.fragment }
        return s
    }

    /// Whether `text` starts like a path (`$`, `$$`, `$name`); used to tell paths from literals.
    public static func looksLikePath(_ text: String) -> Bool { text.hasPrefix("$") }
}

/// A syntax error in a path or intrinsic function call, with the 1-based column where it was found.
public struct JSONPathSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, for people.
    public var message: String
    /// 1-based position in the text.
    public var column: Int

    /// A syntax error at a column.
    public init(_ message: String, column: Int) {
        self.message = message
        self.column = column
    }

    public var description: String { "column \(column): \(message)" }
}

/// One step of a reference path (a member name or an array index), kept out of the boxed
/// `Segment` so that following it retains nothing on the way.
typealias ReferenceStep = JSONStep

/// One step of a path.
indirect enum Segment: Sendable, Hashable {
    /// `.name`, `['name']`, `['a','b']`
    case property([String])
    /// `[0]`, `[-1]`, `[0,2]`
    case index([Int])
    /// `[1:3]`, `[:2]`, `[-2:]`
    case slice(start: Int?, end: Int?)
    /// `.*`, `[*]`
    case wildcard
    /// `..`: the next segment applies to this node and every descendant.
    case scan
    /// `[?(...)]`
    case filter(FilterExpression)

    func isDefinite(isLeaf: Bool) -> Bool {
        switch self {
        case .property(let names): return names.count == 1 || isLeaf
        case .index(let indexes): return indexes.count == 1
        default: return false
        }
    }

    /// The fragment as Jayway-style normalized paths print it; AWS quotes them in causes.
    var fragment: String {
        switch self {
        case .property(let names): return "[" + names.map { "'\($0)'" }.joined(separator: ",") + "]"
        case .index(let indexes): return "[" + indexes.map(String.init).joined(separator: ",") + "]"
        case .slice(let start, let end):
            return "[" + (start.map(String.init) ?? "") + ":" + (end.map(String.init) ?? "") + "]"
        case .wildcard: return "[*]"
        case .scan: return ".."
        case .filter: return "[?]"
        }
    }
}

/// A filter predicate, `[?(@.price < 10 && @.inStock)]`.
///
/// A chain of `&&` (or `||`) is one node with every operand, so that a long chain makes a wide
/// node rather than a deep tree that evaluating, comparing and freeing would recurse through.
indirect enum FilterExpression: Sendable, Hashable {
    case and([FilterExpression])
    case or([FilterExpression])
    case not(FilterExpression)
    /// A lone operand: true when a path yields something (or a literal is truthy).
    case exists(FilterOperand)
    case compare(FilterOperand, FilterOperator, FilterOperand)
}

enum FilterOperand: Sendable, Hashable {
    /// `@...`
    case current([Segment])
    /// `$...` inside a filter: relative to the document root.
    case root([Segment])
    case literal(JSON)
    case regex(pattern: String, caseInsensitive: Bool)
}

enum FilterOperator: String, Sendable, Hashable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case matches = "=~", `in` = "in", notIn = "nin", subsetOf = "subsetof", anyOf = "anyof", noneOf = "noneof"
    case size = "size", empty = "empty", contains = "contains"
}

/// Recursive-descent parser over the characters of a path.
struct JSONPathParser {
    /// Parentheses, `!` and filters nested in filters, counted together; deeper nesting is a
    /// syntax error rather than a recursion as deep as the text is long.
    static let maximumNesting = 64
    /// Steps in one path (and in each of a filter's paths): no value is deeper than
    /// `JSON.maximumDepth`, and a ResultPath longer than that would build one that is.
    static let maximumSegments = JSON.maximumDepth

    /// A word a filter compares with, written without quotes (`Receipt` in `[?(@.Type==Receipt)]`).
    struct UnquotedWord: Equatable {
        var word: String
        /// 1-based, like a syntax error's.
        var column: Int
    }

    let chars: [Character]
    var pos = 0
    var nesting = 0
    /// The unquoted words read so far, each as the string it spells.
    var unquotedWords: [UnquotedWord] = []

    init(_ text: String) { chars = Array(text) }

    var atEnd: Bool { pos >= chars.count }
    var peek: Character? { pos < chars.count ? chars[pos] : nil }

    func error(_ message: String, at position: Int? = nil) -> JSONPathSyntaxError {
        JSONPathSyntaxError(message, column: (position ?? pos) + 1)
    }

    mutating func parsePath() throws(JSONPathSyntaxError) -> (JSONPath.Root, [Segment]) {
        guard peek == "$" else { throw error("a path must start with '$'") }
        pos += 1
        var root = JSONPath.Root.input
        if peek == "$" {
            pos += 1
            root = .context
        } else if let c = peek, Self.isIdentifierStart(c) {
            let start = pos
            while let c = peek, Self.isIdentifierPart(c) { pos += 1 }
            root = .variable(String(chars[start..<pos]))
        }
        let segments = try parseSegments(nameTerminators: [])
        if !atEnd { throw error("unexpected '\(chars[pos])'") }
        return (root, segments)
    }

    static func isIdentifierStart(_ c: Character) -> Bool { c == "_" || c.isLetter }
    static func isUnquotedWordPart(_ c: Character) -> Bool { isIdentifierPart(c) || c == "-" || c == "." || c == ":" }
    static func isIdentifierPart(_ c: Character) -> Bool { c == "_" || c.isLetter || c.isNumber }

    /// Segments until the text ends or a character that cannot continue a path (inside filters).
    mutating func parseSegments(nameTerminators: Set<Character>) throws(JSONPathSyntaxError) -> [Segment] {
        var segments: [Segment] = []
        while let c = peek {
            if segments.count >= Self.maximumSegments {
                throw error("the path has more than \(Self.maximumSegments) steps, deeper than any value can be; shorten it")
            }
            if c == "." {
                if pos + 1 < chars.count, chars[pos + 1] == "." {
                    pos += 2
                    segments.append(.scan)
                    if peek == "[" {
                        segments.append(try parseBracket())
                    } else if peek == "*" {
                        pos += 1
                        segments.append(.wildcard)
                    } else {
                        segments.append(.property([try parseDotName(nameTerminators)]))
                    }
                    continue
                }
                pos += 1
                if peek == "*" {
                    pos += 1
                    segments.append(.wildcard)
                } else if peek == "[" {
                    // `$.['a']` is accepted by Jayway as `$['a']`.
                    segments.append(try parseBracket())
                } else {
                    segments.append(.property([try parseDotName(nameTerminators)]))
                }
            } else if c == "[" {
                segments.append(try parseBracket())
            } else if nameTerminators.isEmpty {
                throw error("unexpected '\(c)'")
            } else {
                break
            }
        }
        return segments
    }

    mutating func parseDotName(_ terminators: Set<Character>) throws(JSONPathSyntaxError) -> String {
        let start = pos
        while let c = peek, c != ".", c != "[", !terminators.contains(c) {
            if !terminators.isEmpty, c.isWhitespace { break }
            pos += 1
        }
        if pos == start { throw error("expected a member name") }
        return String(chars[start..<pos])
    }

    mutating func skipSpaces() {
        while let c = peek, c == " " || c == "\t" { pos += 1 }
    }

    mutating func expect(_ c: Character) throws(JSONPathSyntaxError) {
        skipSpaces()
        guard peek == c else {
            throw error(atEnd ? "expected '\(c)' but the path ended" : "expected '\(c)' but found '\(chars[pos])'")
        }
        pos += 1
    }

    mutating func parseBracket() throws(JSONPathSyntaxError) -> Segment {
        let open = pos
        pos += 1  // [
        skipSpaces()
        guard let c = peek else { throw error("unclosed '['", at: open) }
        if c == "*" {
            pos += 1
            try expect("]")
            return .wildcard
        }
        if c == "'" || c == "\"" {
            var names: [String] = []
            while true {
                skipSpaces()
                names.append(try parseQuoted())
                skipSpaces()
                if peek == "," {
                    pos += 1
                    continue
                }
                break
            }
            try expect("]")
            return .property(names)
        }
        if c == "?" {
            pos += 1
            try expect("(")
            try enter()
            let expression = try parseOr()
            nesting -= 1
            try expect(")")
            try expect("]")
            return .filter(expression)
        }
        // Indexes or a slice.
        var first: Int? = nil
        if peek != ":" { first = try parseInteger() }
        skipSpaces()
        if peek == ":" {
            pos += 1
            skipSpaces()
            var end: Int? = nil
            if peek != "]" { end = try parseInteger() }
            try expect("]")
            return .slice(start: first, end: end)
        }
        var indexes = [first!]
        while true {
            skipSpaces()
            if peek == "," {
                pos += 1
                skipSpaces()
                indexes.append(try parseInteger())
                continue
            }
            break
        }
        try expect("]")
        return .index(indexes)
    }

    mutating func parseInteger() throws(JSONPathSyntaxError) -> Int {
        let start = pos
        if peek == "-" { pos += 1 }
        while let c = peek, c.isASCII, c.isNumber { pos += 1 }
        guard pos > start, let value = Int(String(chars[start..<pos])) else {
            throw error(atEnd ? "expected an index but the path ended" : "expected an index but found '\(chars[start])'", at: start)
        }
        return value
    }

    /// A quoted name or filter string. Escapes read as Jayway's: `\\` `\'` `\"` and `\n` `\t` `\r`
    /// `\b` `\f` `\uXXXX` for what they name; before any other character a backslash is dropped.
    mutating func parseQuoted() throws(JSONPathSyntaxError) -> String {
        guard let quote = peek, quote == "'" || quote == "\"" else { throw error("expected a quoted name") }
        let start = pos
        pos += 1
        // UTF-16, as Jayway builds it, so a `\uD83D\uDE00` pair makes one character.
        var units: [UInt16] = []
        while let c = peek {
            pos += 1
            if c == quote { return String(decoding: units, as: UTF16.self) }
            guard c == "\\", let next = peek else {
                units += c.utf16
                continue
            }
            pos += 1
            switch next {
            case "n": units.append(0x0A)
            case "t": units.append(0x09)
            case "r": units.append(0x0D)
            case "b": units.append(0x08)
            case "f": units.append(0x0C)
            case "u": units += try parseUnicodeEscape(before: quote)
            default: units += next.utf16
            }
        }
        throw error("unterminated string", at: start)
    }

    /// The four hex digits after `\u`; when the text closes first, Jayway drops the escape.
    mutating func parseUnicodeEscape(before quote: Character) throws(JSONPathSyntaxError) -> [UInt16] {
        let start = pos - 2
        var digits = ""
        while digits.count < 4, let c = peek, c != quote {
            digits.append(c)
            pos += 1
        }
        guard digits.count == 4 else { return [] }
        guard digits.allSatisfy(\.isHexDigit), let unit = UInt16(digits, radix: 16) else {
            throw error("'\\u\(digits)' is not a unicode escape; write four hex digits", at: start)
        }
        return [unit]
    }

    // MARK: Filters

    /// Counts one more level of nesting, refusing more than `maximumNesting`.
    mutating func enter() throws(JSONPathSyntaxError) {
        nesting += 1
        if nesting > Self.maximumNesting {
            throw error("the filter nests parentheses, '!' and filters more than \(Self.maximumNesting) deep; simplify it")
        }
    }

    mutating func parseOr() throws(JSONPathSyntaxError) -> FilterExpression {
        var operands = [try parseAnd()]
        while true {
            skipSpaces()
            guard consume("||") else { return operands.count == 1 ? operands[0] : .or(operands) }
            operands.append(try parseAnd())
        }
    }

    mutating func parseAnd() throws(JSONPathSyntaxError) -> FilterExpression {
        var operands = [try parseUnary()]
        while true {
            skipSpaces()
            guard consume("&&") else { return operands.count == 1 ? operands[0] : .and(operands) }
            operands.append(try parseUnary())
        }
    }

    mutating func consume(_ token: String) -> Bool {
        let t = Array(token)
        guard pos + t.count <= chars.count, Array(chars[pos..<pos + t.count]) == t else { return false }
        pos += t.count
        return true
    }

    mutating func parseUnary() throws(JSONPathSyntaxError) -> FilterExpression {
        skipSpaces()
        if peek == "!", !(pos + 1 < chars.count && chars[pos + 1] == "=") {
            pos += 1
            try enter()
            defer { nesting -= 1 }
            return .not(try parseUnary())
        }
        if peek == "(" {
            pos += 1
            try enter()
            defer { nesting -= 1 }
            let inner = try parseOr()
            try expect(")")
            return inner
        }
        let left = try parseOperand()
        skipSpaces()
        guard let op = parseOperator() else { return .exists(left) }
        if op == .empty {
            // `empty` takes a boolean literal operand like any other, so fall through.
        }
        skipSpaces()
        let right = try parseOperand()
        return .compare(left, op, right)
    }

    mutating func parseOperator() -> FilterOperator? {
        for symbol in ["==", "!=", "<=", ">=", "=~", "<", ">"] where consume(symbol) {
            return FilterOperator(rawValue: symbol)
        }
        // Word operators must be followed by a space so that they are not part of a name.
        for word in ["nin", "in", "subsetof", "anyof", "noneof", "size", "empty", "contains"] {
            let w = Array(word)
            if pos + w.count < chars.count, Array(chars[pos..<pos + w.count]) == w, chars[pos + w.count].isWhitespace {
                pos += w.count
                return FilterOperator(rawValue: word)
            }
        }
        return nil
    }

    static let filterNameTerminators: Set<Character> = [")", "=", "!", "<", ">", "&", "|", ",", "]", " ", "\t"]

    mutating func parseOperand() throws(JSONPathSyntaxError) -> FilterOperand {
        skipSpaces()
        guard let c = peek else { throw error("expected a filter operand but the path ended") }
        switch c {
        case "@":
            pos += 1
            return .current(try parseSegments(nameTerminators: Self.filterNameTerminators))
        case "$":
            pos += 1
            return .root(try parseSegments(nameTerminators: Self.filterNameTerminators))
        case "'", "\"":
            return .literal(.string(try parseQuoted()))
        case "/":
            let start = pos
            pos += 1
            var pattern = ""
            while let c = peek, c != "/" {
                pos += 1
                if c == "\\", let next = peek {
                    pos += 1
                    pattern.append(c)
                    pattern.append(next)
                } else {
                    pattern.append(c)
                }
            }
            guard peek == "/" else { throw error("unterminated regular expression", at: start) }
            pos += 1
            var insensitive = false
            while let f = peek, f.isLetter {
                if f == "i" { insensitive = true }
                pos += 1
            }
            return .regex(pattern: pattern, caseInsensitive: insensitive)
        case "[", "{":
            // A JSON literal: find its end by bracket depth, then parse it as JSON.
            let start = pos
            var depth = 0
            var inString: Character? = nil
            while let ch = peek {
                pos += 1
                if let q = inString {
                    // A backslash escapes the next character, when there is one.
                    if ch == "\\" { pos = min(pos + 1, chars.count) } else if ch == q { inString = nil }
                    continue
                }
                if ch == "'" || ch == "\"" { inString = ch }
                if ch == "[" || ch == "{" { depth += 1 }
                if ch == "]" || ch == "}" {
                    depth -= 1
                    if depth == 0 { break }
                }
            }
            let text = String(chars[start..<pos]).replacingSingleQuotes()
            guard let value = try? JSON.parse(text) else { throw error("invalid literal", at: start) }
            return .literal(value)
        default:
            let start = pos
            while let ch = peek, !Self.filterNameTerminators.contains(ch) { pos += 1 }
            let word = String(chars[start..<pos])
            switch word {
            case "true": return .literal(true)
            case "false": return .literal(false)
            case "null": return .literal(.null)
            default:
                if let value = try? JSON.parse(word), value.numberValue != nil { return .literal(value) }
                if let first = word.first, Self.isIdentifierStart(first), word.allSatisfy(Self.isUnquotedWordPart) {
                    // `[?(@.Type==Receipt)]`: Step Functions takes the word as the string it spells.
                    unquotedWords.append(UnquotedWord(word: word, column: start + 1))
                    return .literal(.string(word))
                }
                throw error(word.isEmpty ? "unexpected '\(c)'" : "unexpected '\(word)'", at: start)
            }
        }
    }
}

extension String {
    /// Filter literals may use single quotes; JSON needs double quotes.
    fileprivate func replacingSingleQuotes() -> String {
        var out = ""
        var inDouble = false
        for c in self {
            if c == "\"" { inDouble.toggle() }
            out.append(c == "'" && !inDouble ? "\"" : c)
        }
        return out
    }
}

/// Parses an expression into a syntax tree by top-down operator precedence (Pratt): each token
/// has a binding power, a meaning at the start of an expression (`prefix`) and a meaning after
/// an operand (`infix`).
struct Parser {
    /// How deep expressions may nest (parentheses, operands, calls) before the parser refuses
    /// them, so that a hostile expression cannot overflow the stack.
    static let maxNesting = 1000

    private var lexer: Lexer
    private var node: Expr
    private var nodeID: String
    private var depth = 0
    private let stackFloor = StackBounds.floor()
    /// Where the token `advance` consumed last ends (a closing bracket's end, for the range of
    /// the node it closes).
    private var consumedEnd = 0

    init(_ source: String, dialect: JSONataExpression.Dialect = .jsonata) {
        lexer = Lexer(source, knowsCoalescing: dialect == .jsonata)
        node = Expr(.end, "(end)", position: 0)
        nodeID = "(end)"
    }

    /// Parses the whole expression.
    mutating func parse() throws(JSONataError) -> Expr {
        try advance()
        let expr = try expression(0)
        if nodeID != "(end)" {
            throw JSONataError("S0201", position: node.position, token: node.text)
        }
        return expr
    }

    // MARK: - Binding powers

    /// The left binding power of a token (how strongly it binds to an operand on its left).
    static func bindingPower(_ id: String) -> Int {
        switch id {
        case ".": return 75
        case "(", "[", "@", "#": return 80
        case "{": return 70
        case "*", "/", "%": return 60
        case "+", "-", "&": return 50
        case "=", "<", ">", "!=", "<=", ">=", "in", "~>", "??", "^", "?:": return 40
        case "and": return 30
        case "or": return 25
        case "?": return 20
        case ":=": return 10
        default: return 0
        }
    }

    /// The operator tokens the language knows (others, such as `!` or `~`, are S0204).
    static func isKnownOperator(_ id: String) -> Bool {
        switch id {
        case ".", "(", "[", "@", "#", "{", "*", "/", "%", "+", "-", "&", "=", "<", ">", "!=", "<=",
            ">=", "in", "~>", "??", "^", "?:", "and", "or", "?", ":=", ":", ";", ",", ")", "]", "}",
            "..", "**", "|":
            return true
        default:
            return false
        }
    }

    // MARK: - Tokens

    /// Checks that the current token is `id` (when given) and reads the next one.
    private mutating func advance(_ id: String? = nil, afterOperand: Bool = false) throws(JSONataError) {
        if let id, nodeID != id {
            let code = nodeID == "(end)" ? "S0203" : "S0202"
            throw JSONataError(code, position: node.position, token: node.text, value: .string(id))
        }
        consumedEnd = node.position
        guard let token = try lexer.next(afterOperand: afterOperand) else {
            node = Expr(.end, "(end)", position: lexer.length)
            nodeID = "(end)"
            return
        }
        let e: Expr
        switch token.kind {
        case .name:
            e = Expr(.name, token.text, position: token.position)
            nodeID = "(name)"
        case .variable:
            e = Expr(.variable, token.text, position: token.position)
            nodeID = "(name)"
        case .operator:
            guard Self.isKnownOperator(token.text) else {
                throw JSONataError("S0204", position: token.position, token: token.text)
            }
            e = Expr(.operator, token.text, position: token.position)
            nodeID = token.text
        case .string:
            e = Expr(.string, token.text, position: token.position)
            nodeID = "(literal)"
        case .number:
            e = Expr(.number, token.text, position: token.position)
            e.number = token.number
            nodeID = "(literal)"
        case .value:
            e = Expr(.value, token.text, position: token.position)
            e.literal = token.literal
            nodeID = "(literal)"
        case .regex:
            e = Expr(.regex, token.text, position: token.position)
            e.regex = token.regex
            nodeID = "(regex)"
        case .end:
            e = Expr(.end, "(end)", position: lexer.length)
            nodeID = "(end)"
        }
        e.start = lexer.tokenStart
        e.end = token.position
        node = e
    }

    /// Consumes the closing token `id` of `t`, which then reaches to its end.
    private mutating func close(_ t: Expr, _ id: String, afterOperand: Bool = false) throws(JSONataError) {
        try advance(id, afterOperand: afterOperand)
        t.end = max(t.end, consumedEnd)
    }

    // MARK: - Pratt's loop

    private mutating func expression(_ rbp: Int) throws(JSONataError) -> Expr {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxNesting {
            throw JSONataError("U1001", position: node.position, detail: "The expression is nested more than \(Self.maxNesting) levels deep")
        }
        try StackBounds.check(stackFloor, position: node.position)
        var t = node
        var tID = nodeID
        try advance(afterOperand: true)
        var left = try prefix(t, id: tID)
        while rbp < Self.bindingPower(nodeID) {
            t = node
            tID = nodeID
            try advance()
            left = try infix(t, id: tID, left: left)
        }
        return left
    }

    // MARK: - Prefix forms

    private mutating func prefix(_ t: Expr, id: String) throws(JSONataError) -> Expr {
        switch id {
        case "(name)", "(literal)", "(regex)", "(end)", "and", "or", "in":
            return t
        case "-":
            t.kind = .unary
            t.expression = try expression(70)
            return t
        case "*":
            t.kind = .wildcard
            return t
        case "**":
            t.kind = .descendant
            return t
        case "%":
            t.kind = .parent
            return t
        case "(":
            var expressions: [Expr] = []
            while nodeID != ")" {
                expressions.append(try expression(0))
                if nodeID != ";" { break }
                try advance(";")
            }
            try close(t, ")", afterOperand: true)
            t.kind = .block
            t.expressions = expressions
            return t
        case "[":
            var items: [Expr] = []
            if nodeID != "]" {
                while true {
                    var item = try expression(0)
                    if nodeID == ".." {
                        let range = Expr(.binary, "..", position: node.position)
                        range.lhs = item
                        try advance("..")
                        range.rhs = try expression(0)
                        item = range
                    }
                    items.append(item)
                    if nodeID != "," { break }
                    try advance(",")
                }
            }
            try close(t, "]", afterOperand: true)
            t.kind = .unary
            t.expressions = items
            return t
        case "{":
            t.kind = .unary
            t.pairs = try objectPairs(closing: t)
            return t
        case "|":
            t.kind = .transform
            t.pattern = try expression(0)
            try advance("|")
            t.update = try expression(0)
            if nodeID == "," {
                try advance(",")
                t.delete = try expression(0)
            }
            try close(t, "|")
            return t
        default:
            throw JSONataError("S0211", position: t.position, token: t.text)
        }
    }

    private mutating func objectPairs(closing t: Expr) throws(JSONataError) -> [(Expr, Expr)] {
        var pairs: [(Expr, Expr)] = []
        if nodeID != "}" {
            while true {
                let key = try expression(0)
                try advance(":")
                let value = try expression(0)
                pairs.append((key, value))
                if nodeID != "," { break }
                try advance(",")
            }
        }
        try close(t, "}", afterOperand: true)
        return pairs
    }

    // MARK: - Infix forms

    private mutating func infix(_ t: Expr, id: String, left: Expr) throws(JSONataError) -> Expr {
        switch id {
        case "(":
            return try call(t, procedure: left)
        case "[":
            if nodeID == "]" {
                // `[]`: keep a one-value result as an array
                var step = left
                while step.kind == .binary && step.text == "[", let inner = step.lhs { step = inner }
                step.keepArray = true
                try close(left, "]")
                return left
            }
            t.kind = .binary
            t.lhs = left
            t.rhs = try expression(0)
            try close(t, "]", afterOperand: true)
            return t
        case "^":
            try advance("(")
            var terms: [(descending: Bool, expression: Expr)] = []
            while true {
                var descending = false
                if nodeID == "<" {
                    try advance("<")
                } else if nodeID == ">" {
                    descending = true
                    try advance(">")
                }
                terms.append((descending, try expression(0)))
                if nodeID != "," { break }
                try advance(",")
            }
            try close(t, ")")
            t.kind = .binary
            t.lhs = left
            t.terms = terms
            return t
        case "{":
            t.kind = .binary
            t.lhs = left
            t.pairs = try objectPairs(closing: t)
            return t
        case ":=":
            guard left.kind == .variable else {
                throw JSONataError("S0212", position: left.position, token: left.text)
            }
            t.kind = .binary
            t.lhs = left
            t.rhs = try expression(Self.bindingPower(":=") - 1)
            return t
        case "@", "#":
            t.kind = .binary
            t.lhs = left
            let rhs = try expression(Self.bindingPower(id))
            guard rhs.kind == .variable else {
                throw JSONataError("S0214", position: rhs.position, token: id)
            }
            t.rhs = rhs
            return t
        case "?":
            t.kind = .condition
            t.condition = left
            t.then = try expression(0)
            if nodeID == ":" {
                try advance(":")
                t.otherwise = try expression(0)
            }
            return t
        case "?:":
            t.kind = .condition
            t.condition = left.copy()
            t.then = left
            t.otherwise = try expression(0)
            return t
        case "??":
            t.kind = .condition
            let exists = Expr(.function, "(", position: t.position)
            exists.procedure = Expr(.variable, "exists", position: t.position)
            exists.arguments = [left.copy()]
            t.condition = exists
            t.then = left
            t.otherwise = try expression(0)
            return t
        default:
            t.kind = .binary
            t.lhs = left
            t.rhs = try expression(Self.bindingPower(id))
            return t
        }
    }

    /// A call `f(a, b)`, a partial application `f(?, b)`, or a lambda `function($a){ body }`.
    private mutating func call(_ t: Expr, procedure left: Expr) throws(JSONataError) -> Expr {
        t.kind = .function
        t.procedure = left
        var arguments: [Expr] = []
        if nodeID != ")" {
            while true {
                if node.kind == .operator && nodeID == "?" {
                    t.kind = .partial
                    arguments.append(node)
                    try advance("?")
                } else {
                    arguments.append(try expression(0))
                }
                if nodeID != "," { break }
                try advance(",")
            }
        }
        try close(t, ")", afterOperand: true)
        t.arguments = arguments
        guard left.kind == .name, left.text == "function" || left.text == "\u{3BB}" else { return t }

        for (i, argument) in arguments.enumerated() where argument.kind != .variable {
            throw JSONataError("S0208", position: argument.position, token: argument.text, value: .number(Double(i + 1)))
        }
        t.kind = .lambda
        t.parameters = arguments.map(\.text)
        if nodeID == "<" {
            let signaturePosition = node.position
            var depth = 1
            var text = "<"
            while depth > 0 && nodeID != "{" && nodeID != "(end)" {
                try advance()
                if nodeID == ">" { depth -= 1 } else if nodeID == "<" { depth += 1 }
                text += node.kind == .number ? JSNumber.string(node.number) : node.text
            }
            try advance(">")
            do {
                t.signature = try Signature(text)
            } catch {
                var e = error
                e.position = signaturePosition + (e.position ?? 0)
                throw e
            }
        }
        try advance("{")
        t.body = try expression(0)
        try close(t, "}")
        return t
    }
}

extension Expr {
    /// A deep copy of a parsed (not yet prepared) node, for operators that use their left
    /// operand twice (`?:`, `??`).
    func copy() -> Expr {
        let c = Expr(kind, text, position: position)
        c.start = start
        c.end = end
        c.number = number
        c.literal = literal
        c.regex = regex
        c.lhs = lhs?.copy()
        c.rhs = rhs?.copy()
        c.expression = expression?.copy()
        c.expressions = expressions.map { $0.copy() }
        c.pairs = pairs.map { ($0.0.copy(), $0.1.copy()) }
        c.terms = terms.map { ($0.descending, $0.expression.copy()) }
        c.procedure = procedure?.copy()
        c.arguments = arguments.map { $0.copy() }
        c.parameters = parameters
        c.signature = signature
        c.body = body?.copy()
        c.condition = condition?.copy()
        c.then = then?.copy()
        c.otherwise = otherwise?.copy()
        c.pattern = pattern?.copy()
        c.update = update?.copy()
        c.delete = delete?.copy()
        c.keepArray = keepArray
        return c
    }
}

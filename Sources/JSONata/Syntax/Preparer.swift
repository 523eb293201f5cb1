/// Turns a parsed tree into the form the evaluator reads: location paths become lists of
/// steps, predicates and `#` bindings become stages of a step, group-by and order-by attach to
/// their step, tail calls in lambdas become thunks, and each `%` is tied to the step whose
/// context it reads.
struct Preparer {
    private var ancestorLabel = 0
    private var ancestorIndex = 0
    private var ancestry: [Expr] = []
    private let stackFloor = StackBounds.floor()

    private var builtins: [String: Builtin] = Builtins.table

    /// Prepares a whole expression.
    static func prepare(_ parsed: Expr, dialect: JSONataExpression.Dialect = .jsonata) throws(JSONataError) -> Expr {
        var preparer = Preparer()
        preparer.builtins = Builtins.table(for: dialect)
        let expr = try preparer.process(parsed)
        if expr.kind == .parent || expr.seekingParent != nil {
            throw JSONataError("S0217", position: expr.position, token: expr.kind == .parent ? "parent" : "\(expr.kind)")
        }
        markSingleNamePaths(expr)
        return expr
    }

    // MARK: - Ancestry (the parent operator %)

    private mutating func seekParent(_ node: Expr, _ slot: AncestorSlot) throws(JSONataError) -> AncestorSlot {
        var slot = slot
        switch node.kind {
        case .name, .wildcard:
            slot.level -= 1
            if slot.level == 0 {
                if let existing = node.ancestor {
                    // reuse the label already bound on this step
                    ancestry[slot.index].slot?.label = existing.label
                }
                node.ancestor = slot
                node.tuple = true
            }
        case .parent:
            slot.level += 1
        case .block:
            if let last = node.expressions.last {
                node.tuple = true
                slot = try seekParent(last, slot)
            }
        case .path:
            node.tuple = true
            var index = node.steps.count - 1
            slot = try seekParent(node.steps[index], slot)
            index -= 1
            while slot.level > 0 && index >= 0 {
                slot = try seekParent(node.steps[index], slot)
                index -= 1
            }
        default:
            throw JSONataError("S0217", position: node.position, token: Self.typeName(node))
        }
        return slot
    }

    private static func typeName(_ node: Expr) -> String {
        switch node.kind {
        case .binary: return "binary"
        case .unary: return "unary"
        case .function: return "function"
        case .variable: return "variable"
        case .string: return "string"
        case .number: return "number"
        case .value: return "value"
        case .condition: return "condition"
        case .lambda: return "lambda"
        case .bind: return "bind"
        case .apply: return "apply"
        case .sort: return "sort"
        case .regex: return "regex"
        case .descendant: return "descendant"
        case .transform: return "transform"
        case .partial: return "partial"
        default: return "\(node.kind)"
        }
    }

    private func pushAncestry(_ result: Expr, _ value: Expr) {
        guard value.seekingParent != nil || value.kind == .parent else { return }
        var slots = value.seekingParent ?? []
        if value.kind == .parent, let slot = value.slot { slots.append(slot) }
        if result.seekingParent == nil {
            result.seekingParent = slots
        } else {
            result.seekingParent!.append(contentsOf: slots)
        }
    }

    private mutating func resolveAncestry(_ path: Expr) throws(JSONataError) {
        let last = path.steps[path.steps.count - 1]
        var slots = last.seekingParent ?? []
        if last.kind == .parent, let slot = last.slot { slots.append(slot) }
        for var slot in slots {
            var index = path.steps.count - 2
            while slot.level > 0 {
                if index < 0 {
                    if path.seekingParent == nil { path.seekingParent = [slot] } else { path.seekingParent!.append(slot) }
                    break
                }
                var step = path.steps[index]
                index -= 1
                // several contiguous steps that bind the focus count as one
                while index >= 0 && step.focus != nil && path.steps[index].focus != nil {
                    step = path.steps[index]
                    index -= 1
                }
                slot = try seekParent(step, slot)
            }
        }
    }

    // MARK: - Tail calls

    private func tailCallOptimize(_ expr: Expr) -> Expr {
        switch expr.kind {
        case .function where expr.predicate == nil:
            let thunk = Expr(.lambda, from: expr)
            thunk.isThunk = true
            thunk.body = expr
            return thunk
        case .condition:
            if let then = expr.then { expr.then = tailCallOptimize(then) }
            if let otherwise = expr.otherwise { expr.otherwise = tailCallOptimize(otherwise) }
            return expr
        case .block:
            if let last = expr.expressions.last {
                expr.expressions[expr.expressions.count - 1] = tailCallOptimize(last)
            }
            return expr
        default:
            return expr
        }
    }

    // MARK: - The pass

    private mutating func process(_ expr: Expr) throws(JSONataError) -> Expr {
        try StackBounds.check(stackFloor, position: expr.position)
        let result: Expr
        switch expr.kind {
        case .binary:
            result = try processBinary(expr)
        case .unary:
            result = Expr(.unary, expr.text, from: expr)
            if expr.text == "[" {
                result.expressions = []
                for item in expr.expressions {
                    let value = try process(item)
                    pushAncestry(result, value)
                    result.expressions.append(value)
                }
            } else if expr.text == "{" {
                for (k, v) in expr.pairs {
                    let key = try process(k)
                    pushAncestry(result, key)
                    let value = try process(v)
                    pushAncestry(result, value)
                    result.pairs.append((key, value))
                }
                let keys = result.pairs.map(\.0)
                result.hasLiteralKeys = keys.allSatisfy { $0.kind == .string && $0.predicate == nil && !$0.keepArray }
                    && Set(keys.map(\.text)).count == keys.count
            } else {
                let operand = try process(expr.expression!)
                if expr.text == "-" && operand.kind == .number {
                    operand.number = -operand.number
                    if expr.keepArray { operand.keepArray = true }
                    return operand
                }
                result.expression = operand
                pushAncestry(result, operand)
            }
        case .function, .partial:
            result = Expr(expr.kind, expr.text, from: expr)
            for argument in expr.arguments {
                let a = try process(argument)
                pushAncestry(result, a)
                result.arguments.append(a)
            }
            result.procedure = try process(expr.procedure!)
            result.procedureName = Self.procedureName(result.procedure!)
        case .lambda:
            result = Expr(.lambda, from: expr)
            result.parameters = expr.parameters
            result.signature = expr.signature
            result.body = tailCallOptimize(try process(expr.body!))
        case .condition:
            result = Expr(.condition, from: expr)
            result.condition = try process(expr.condition!)
            pushAncestry(result, result.condition!)
            result.then = try process(expr.then!)
            pushAncestry(result, result.then!)
            if let otherwise = expr.otherwise {
                result.otherwise = try process(otherwise)
                pushAncestry(result, result.otherwise!)
            }
        case .transform:
            result = Expr(.transform, from: expr)
            result.pattern = try process(expr.pattern!)
            result.update = try process(expr.update!)
            if let delete = expr.delete { result.delete = try process(delete) }
        case .block:
            result = Expr(.block, from: expr)
            for item in expr.expressions {
                let part = try process(item)
                pushAncestry(result, part)
                if part.consArray || (part.kind == .path && part.steps[0].consArray) { result.consArray = true }
                result.expressions.append(part)
            }
        case .name:
            result = Expr(.path, from: expr)
            result.steps = [expr]
            if expr.keepArray { result.keepSingletonArray = true }
        case .parent:
            result = Expr(.parent, from: expr)
            result.slot = AncestorSlot(label: "!\(ancestorLabel)", level: 1, index: ancestorIndex)
            ancestorLabel += 1
            ancestorIndex += 1
            ancestry.append(result)
        case .string, .number, .value, .wildcard, .descendant, .variable, .regex:
            result = expr
            if expr.kind == .variable, let builtin = builtins[expr.text] {
                expr.builtinFunction = FunctionValue(.builtin(builtin))
            }
            if expr.kind == .regex, let literal = expr.regex {
                do {
                    expr.compiledRegex = try ECMARegex(pattern: literal.pattern, ignoreCase: literal.ignoreCase, multiline: literal.multiline)
                } catch {
                    throw JSONataError("S0303", position: expr.position, token: literal.pattern, detail: "\(error)")
                }
            }
        case .operator:
            if expr.text == "and" || expr.text == "or" || expr.text == "in" {
                expr.kind = .name
                result = try process(expr)
            } else if expr.text == "?" {
                result = expr
            } else {
                throw JSONataError("S0201", position: expr.position, token: expr.text)
            }
        case .end:
            throw JSONataError("S0207", position: expr.position, token: expr.text)
        case .path, .bind, .apply, .sort:
            result = expr
        }
        if expr.keepArray { result.keepArray = true }
        return result
    }

    /// Marks the paths the evaluator may read as a plain field, once the tree is complete
    /// (later operators add steps, predicates and bindings to paths already built).
    private static func markSingleNamePaths(_ root: Expr) {
        var stack = [root]
        var seen = Set<ObjectIdentifier>()
        while let e = stack.popLast() {
            guard seen.insert(ObjectIdentifier(e)).inserted else { continue }
            if e.kind == .path {
                func plain(_ step: Expr) -> Bool {
                    step.stages == nil && step.predicate == nil && step.group == nil && !step.keepArray && !step.tuple
                        && step.focus == nil && step.index == nil && step.ancestor == nil && !step.consArray
                }
                e.isSimpleChain = !e.keepSingletonArray && e.group == nil && !e.tuple && !e.keepArray
                    && e.steps.enumerated().allSatisfy { (i, step) in
                        plain(step) && (step.kind == .name || (i == 0 && step.kind == .variable && !step.text.isEmpty))
                    }
            }
            stack.append(contentsOf: e.children)
            stack.append(contentsOf: e.steps)
            for stage in (e.stages ?? []) + (e.predicate ?? []) {
                if case .filter(let p) = stage.kind { stack.append(p) }
            }
            for (k, v) in e.group?.pairs ?? [] { stack.append(k); stack.append(v) }
        }
    }

    /// Whether a prepared expression reads nothing but literals: no context, no variables, no
    /// functions, no predicates or groupings of its own.
    private static func isConstant(_ e: Expr) -> Bool {
        if e.predicate != nil || e.stages != nil || e.group != nil { return false }
        switch e.kind {
        case .number, .string, .value:
            return true
        case .unary:
            if e.text == "[" { return e.expressions.allSatisfy(isConstant) }
            if e.text == "-", let operand = e.expression { return isConstant(operand) }
            return false
        case .binary:
            guard let l = e.lhs, let r = e.rhs else { return false }
            return isConstant(l) && isConstant(r)
        case .condition:
            return [e.condition, e.then, e.otherwise].allSatisfy { $0.map(isConstant) ?? true }
        default:
            return false
        }
    }

    private static func procedureName(_ procedure: Expr) -> String {
        if procedure.kind == .path, let first = procedure.steps.first { return first.text }
        return procedure.text
    }

    private mutating func processBinary(_ expr: Expr) throws(JSONataError) -> Expr {
        switch expr.text {
        case ".":
            let lstep = try process(expr.lhs!)
            let result: Expr
            if lstep.kind == .path {
                result = lstep
            } else {
                result = Expr(.path, from: expr)
                result.steps = [lstep]
            }
            if lstep.kind == .parent, let slot = lstep.slot { result.seekingParent = [slot] }
            let rest = try process(expr.rhs!)
            if rest.kind == .path {
                result.steps.append(contentsOf: rest.steps)
            } else {
                if let predicate = rest.predicate {
                    rest.stages = predicate
                    rest.predicate = nil
                }
                result.steps.append(rest)
            }
            for step in result.steps {
                if step.kind == .number || step.kind == .value {
                    let value: JSONataError.Insert = step.kind == .number ? .number(step.number)
                        : step.literal.map { .bool($0) } ?? .null
                    throw JSONataError("S0213", position: step.position, value: value)
                }
                if step.kind == .string { step.kind = .name }
            }
            if result.steps.contains(where: \.keepArray) { result.keepSingletonArray = true }
            let first = result.steps[0]
            if first.kind == .unary && first.text == "[" { first.consArray = true }
            let last = result.steps[result.steps.count - 1]
            if last.kind == .unary && last.text == "[" { last.consArray = true }
            try resolveAncestry(result)
            return result
        case "[":
            let result = try process(expr.lhs!)
            var step = result
            var usesStages = false
            if result.kind == .path {
                step = result.steps[result.steps.count - 1]
                usesStages = true
            }
            if step.group != nil { throw JSONataError("S0209", position: expr.position) }
            let predicate = try process(expr.rhs!)
            predicate.isConstant = Self.isConstant(predicate)
            if let seeking = predicate.seekingParent {
                for slot in seeking {
                    if slot.level == 1 {
                        _ = try seekParent(step, slot)
                    } else {
                        slot.level -= 1
                    }
                }
                pushAncestry(step, predicate)
            }
            let stage = Expr.Stage(kind: .filter(predicate), position: expr.position)
            if usesStages {
                step.stages = (step.stages ?? []) + [stage]
            } else {
                step.predicate = (step.predicate ?? []) + [stage]
            }
            // The path reaches to the predicate's closing bracket; so does a value filtered in
            // place (a path step's own value is the one before its stages filter it).
            if !usesStages { step.end = max(step.end, expr.end) }
            result.end = max(result.end, expr.end)
            return result
        case "{":
            let result = try process(expr.lhs!)
            if result.group != nil { throw JSONataError("S0210", position: expr.position) }
            var pairs: [(Expr, Expr)] = []
            for (k, v) in expr.pairs { pairs.append((try process(k), try process(v))) }
            result.group = Expr.Group(pairs: pairs, position: expr.position)
            result.end = max(result.end, expr.end)
            return result
        case "^":
            var result = try process(expr.lhs!)
            if result.kind != .path {
                let path = Expr(.path, from: expr)
                path.steps = [result]
                result = path
            }
            let sort = Expr(.sort, from: expr)
            for term in expr.terms {
                let e = try process(term.expression)
                pushAncestry(sort, e)
                sort.terms.append((term.descending, e))
            }
            result.steps.append(sort)
            try resolveAncestry(result)
            return result
        case ":=":
            let result = Expr(.bind, expr.text, from: expr)
            result.lhs = try process(expr.lhs!)
            result.rhs = try process(expr.rhs!)
            pushAncestry(result, result.rhs!)
            return result
        case "@":
            let result = try process(expr.lhs!)
            var step = result
            if result.kind == .path { step = result.steps[result.steps.count - 1] }
            if step.stages != nil || step.predicate != nil { throw JSONataError("S0215", position: expr.position) }
            if step.kind == .sort { throw JSONataError("S0216", position: expr.position) }
            if expr.keepArray { step.keepArray = true }
            step.focus = expr.rhs!.text
            step.tuple = true
            return result
        case "#":
            var result = try process(expr.lhs!)
            var step = result
            if result.kind == .path {
                step = result.steps[result.steps.count - 1]
            } else {
                let path = Expr(.path, from: result)
                path.steps = [result]
                result = path
                if let predicate = step.predicate {
                    step.stages = predicate
                    step.predicate = nil
                }
            }
            if step.stages == nil {
                step.index = expr.rhs!.text
            } else {
                step.stages!.append(Expr.Stage(kind: .index(expr.rhs!.text), position: expr.position))
            }
            step.tuple = true
            return result
        case "~>":
            let result = Expr(.apply, expr.text, from: expr)
            result.lhs = try process(expr.lhs!)
            result.rhs = try process(expr.rhs!)
            result.keepArray = result.lhs!.keepArray || result.rhs!.keepArray
            return result
        default:
            let result = Expr(.binary, expr.text, from: expr)
            result.lhs = try process(expr.lhs!)
            result.rhs = try process(expr.rhs!)
            pushAncestry(result, result.lhs!)
            pushAncestry(result, result.rhs!)
            return result
        }
    }
}

import StatesJSON

extension Evaluator {
    /// `f(args)`, and `x ~> f(args)` with `x` passed first (`applyTo`).
    func evalFunctionCall(_ expr: Expr, _ input: Value, _ env: Frame, applyTo: Value?) throws(JSONataError) -> Value {
        let procedure = expr.procedure!
        let proc = try eval(procedure, input, env)
        if proc.isUndefined, procedure.kind == .path, let name = procedure.steps.first?.text,
           lookupVariable(name, env) != nil
        {
            throw JSONataError("T1005", position: expr.position, token: name)
        }
        var args: [Value] = []
        args.reserveCapacity(expr.arguments.count + 1)
        if let applyTo { args.append(applyTo) }
        for a in expr.arguments { args.append(try eval(a, input, env)) }
        do {
            return try apply(proc, args, input, env, token: expr.procedureName, position: expr.position)
        } catch {
            var e = error
            if e.position == nil { e.position = expr.position }
            if e.token == nil { e.token = expr.procedureName }
            throw e
        }
    }

    /// Applies a function and then, while it returns a tail call, the call it returns (the
    /// trampoline that keeps tail-recursive functions from growing the stack).
    func apply(_ proc: Value, _ args: [Value], _ input: Value, _ env: Frame,
               token: String? = nil, position: Int? = nil) throws(JSONataError) -> Value
    {
        var result = try applyInner(proc, args, input, env, token: token, position: position)
        while case .function(let f) = result, case .lambda(let thunk) = f.kind, thunk.isThunk {
            let call = thunk.body
            let next = try eval(call.procedure!, thunk.input, thunk.frame)
            var nextArgs: [Value] = []
            nextArgs.reserveCapacity(call.arguments.count)
            for a in call.arguments { nextArgs.append(try eval(a, thunk.input, thunk.frame)) }
            let nextToken = call.procedure!.kind == .variable ? call.procedure!.text : nil
            result = try applyInner(next, nextArgs, input, env, token: nextToken, position: call.procedure!.position)
        }
        return result
    }

    private func applyInner(_ proc: Value, _ args: [Value], _ input: Value, _ env: Frame,
                            token: String?, position: Int?) throws(JSONataError) -> Value
    {
        guard case .function(let f) = proc else { throw JSONataError("T1006") }
        do {
            var validated = args
            if let signature = f.signature { validated = try signature.validate(args, context: input) }
            switch f.kind {
            case .lambda(let lambda):
                return try applyLambda(lambda, validated)
            case .builtin(let builtin):
                return try builtin.body(Call(evaluator: self, input: input, env: env), validated)
            case .partialBuiltin(let builtin, let slots):
                var filled: [Value] = []
                var supplied = validated.makeIterator()
                for slot in slots { filled.append(slot ?? supplied.next() ?? .undefined) }
                while let last = filled.last, last.isUndefined { filled.removeLast() }
                let checked = try builtin.signature.validate(filled, context: input)
                return try builtin.body(Call(evaluator: self, input: input, env: env), checked)
            case .regex(let regex, let source):
                return try regexClosure(regex, source: source, validated)
            case .regexNext(let regex, let source, let text, let from):
                return try regexMatch(regex, source: source, text: text, from: from)
            case .transform(let expr, let frame):
                return try transform(expr, frame, validated.first ?? .undefined)
            case .host(_, let function):
                return try callHost(function, validated)
            }
        } catch {
            var e = error
            if e.token == nil { e.token = token }
            if let position { e.position = position }
            throw e
        }
    }

    func applyLambda(_ lambda: Lambda, _ args: [Value]) throws(JSONataError) -> Value {
        let frame = Frame(parent: lambda.frame)
        for (i, name) in lambda.parameters.enumerated() {
            frame.bind(name, i < args.count ? args[i] : .undefined)
        }
        return try eval(lambda.body, lambda.input, frame)
    }

    /// `f(?, b)`: a function of the arguments marked `?`.
    func evalPartial(_ expr: Expr, _ input: Value, _ env: Frame) throws(JSONataError) -> Value {
        var args: [Value?] = []
        for a in expr.arguments {
            if a.kind == .operator && a.text == "?" {
                args.append(nil)
            } else {
                args.append(try eval(a, input, env))
            }
        }
        let procedure = expr.procedure!
        let proc = try eval(procedure, input, env)
        if proc.isUndefined, procedure.kind == .path, let name = procedure.steps.first?.text,
           lookupVariable(name, env) != nil
        {
            throw JSONataError("T1007", position: expr.position, token: name)
        }
        guard case .function(let f) = proc else {
            throw JSONataError("T1008", position: expr.position, token: expr.procedureName)
        }
        switch f.kind {
        case .lambda(let lambda):
            let frame = Frame(parent: lambda.frame)
            var unbound: [String] = []
            for (i, name) in lambda.parameters.enumerated() {
                if i < args.count, args[i] == nil {
                    unbound.append(name)
                } else {
                    frame.bind(name, i < args.count ? args[i]! : .undefined)
                }
            }
            return .function(FunctionValue(.lambda(Lambda(
                parameters: unbound, signature: nil, body: lambda.body, input: lambda.input,
                frame: frame, isThunk: false))))
        case .builtin(let builtin):
            var slots: [Value?] = []
            for i in 0..<builtin.arity { slots.append(i < args.count ? args[i] : .undefined) }
            return .function(FunctionValue(.partialBuiltin(builtin, slots)))
        case .partialBuiltin(let builtin, var slots):
            // The holes left open take the new arguments in order.
            var k = 0
            for i in slots.indices where slots[i] == nil {
                slots[i] = k < args.count ? args[k] : .undefined
                k += 1
            }
            return .function(FunctionValue(.partialBuiltin(builtin, slots)))
        default:
            throw JSONataError("T1008", position: expr.position, token: expr.procedureName)
        }
    }

    /// `x ~> f`: applies `f` to `x`; `f ~> g` composes two functions.
    func evalApply(_ expr: Expr, _ input: Value, _ env: Frame) throws(JSONataError) -> Value {
        let lhs = try eval(expr.lhs!, input, env)
        let rhs = expr.rhs!
        if rhs.kind == .function {
            return try evalFunctionCall(rhs, input, env, applyTo: lhs)
        }
        let function = try eval(rhs, input, env)
        guard function.isFunction else {
            throw JSONataError("T2006", position: expr.position, value: function.insert)
        }
        if lhs.isFunction {
            return .function(FunctionValue(.lambda(Lambda(
                parameters: ["x"], signature: nil, body: chainBody, input: .null,
                frame: chainFrame(lhs, function, env), isThunk: false))))
        }
        return try apply(function, [lhs], .null, env)
    }

    private func chainFrame(_ f: Value, _ g: Value, _ env: Frame) -> Frame {
        let frame = Frame(parent: env)
        frame.bind("f", f)
        frame.bind("g", g)
        return frame
    }

    /// Calls a function the host supplied, converting the arguments to JSON.
    private func callHost(_ function: JSONataFunction, _ args: [Value]) throws(JSONataError) -> Value {
        let json = args.map { $0.jsonValue }
        let result = try function.body(json)
        return result.map(Value.init) ?? .undefined
    }
}

/// What a built-in function sees besides its arguments: the evaluator (to call functions it
/// was given), the context value and the frame of the call.
struct Call {
    unowned let evaluator: Evaluator
    let input: Value
    let env: Frame

    /// Calls a function argument, as the reference's higher-order functions do.
    func apply(_ function: Value, _ args: [Value]) throws(JSONataError) -> Value {
        try evaluator.apply(function, args, .null, env)
    }

    /// The arguments a higher-order function passes: the value, then the index and the whole
    /// array only when the function declares them.
    func hofArguments(_ function: Value, _ value: Value, _ index: Value, _ array: Value) -> [Value] {
        guard case .function(let f) = function else { return [value] }
        let arity = f.arity
        var args = [value]
        if arity >= 2 { args.append(index) }
        if arity >= 3 { args.append(array) }
        return args
    }
}

extension Functions {
    static let evaluation: [Builtin] = [
        Builtin("eval", "<sx?:x>", arity: 2) { (call, args) throws(JSONataError) in
            guard case .string(let source) = args[0] else { return .undefined }
            var input = call.input
            if !args[1].isUndefined {
                input = args[1]
                if input.isArray && !input.isSequence {
                    input = .array(Seq([input], flags: [.sequence, .outerWrapper]))
                }
            }
            let expr: Expr
            do throws(JSONataError) {
                expr = try JSONataExpression.compile(source, dialect: call.evaluator.dialect)
            } catch {
                throw JSONataError("D3120", value: .string(error.message))
            }
            do throws(JSONataError) {
                return try call.evaluator.eval(expr, input, call.env)
            } catch {
                throw JSONataError("D3121", value: .string(error.message))
            }
        },
    ]

    static let encodings: [Builtin] = [
        textFunction("base64encode") { Base64Functions.base64encode($0) },
        textFunction("base64decode") { Base64Functions.base64decode($0) },
        urlFunction("encodeUrlComponent") { (s: String) throws(JSONataError) in try URLFunctions.encodeUrlComponent(utf16: LoneSurrogate.utf16(s)) },
        urlFunction("encodeUrl") { (s: String) throws(JSONataError) in try URLFunctions.encodeUrl(utf16: LoneSurrogate.utf16(s)) },
        urlFunction("decodeUrlComponent") { (s: String) throws(JSONataError) in try URLFunctions.decodeUrlComponent(s) },
        urlFunction("decodeUrl") { (s: String) throws(JSONataError) in try URLFunctions.decodeUrl(s) },
    ]

    private static func textFunction(_ name: String, _ f: @escaping @Sendable (String) -> String) -> Builtin {
        Builtin(name, "<s-:s>", arity: 1) { (_, args) throws(JSONataError) in
            guard case .string(let s) = args[0] else { return .undefined }
            return .string(f(s))
        }
    }

    /// The URL functions: a malformed text is D3140, naming the function.
    private static func urlFunction(_ name: String, _ f: @escaping @Sendable (String) throws(JSONataError) -> String) -> Builtin {
        Builtin(name, "<s-:s>", arity: 1) { (_, args) throws(JSONataError) in
            guard case .string(let s) = args[0] else { return .undefined }
            return .string(try f(s))
        }
    }
}

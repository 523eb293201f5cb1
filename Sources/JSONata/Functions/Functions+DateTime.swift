extension Functions {
    static let dateTime: [Builtin] = [
        Builtin("now", "<s?s?:s>", arity: 2) { (call, args) throws(JSONataError) in
            .string(try DateTimePicture.format(millis: call.evaluator.timestamp, picture: args[0].stringValue,
                                               timezone: args[1].stringValue))
        },
        Builtin("millis", "<:n>", arity: 0) { (call, _) throws(JSONataError) in
            .number(call.evaluator.timestamp)
        },
        Builtin("fromMillis", "<n-s?s?:s>", arity: 3) { (_, args) throws(JSONataError) in
            guard case .number(let millis) = args[0] else { return .undefined }
            return .string(try DateTimePicture.format(millis: millis, picture: args[1].stringValue,
                                                      timezone: args[2].stringValue))
        },
        Builtin("toMillis", "<s-s?:n>", arity: 2) { (call, args) throws(JSONataError) in
            guard case .string(let text) = args[0] else { return .undefined }
            let evaluator = call.evaluator
            let millis = try DateTimePicture.parse(text, picture: args[1].stringValue, now: evaluator.timestamp) {
                (regex, units) throws(JSONataError) in try evaluator.firstMatch(regex, units, from: 0)
            }
            return millis.map(Value.number) ?? .undefined
        },
    ]
}

extension Value {
    /// The text of a string value, else nil.
    var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
}

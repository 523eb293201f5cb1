/// States.Base64Encode and States.Base64Decode (standard alphabet, with padding; the codec is
/// StatesJSON's `Base64`, which JSONata's functions share).
enum IntrinsicBase64 {
    static func encode(_ args: IntrinsicArguments) throws(ExecutionError) -> JSON {
        try args.expectCount(1)
        let s = try args.string(0)
        guard !IntrinsicArguments.isLonger(s, than: 10_000) else {
            throw args.failure("Invalid arguments in States.Base64Encode: the input string must not be longer than 10000 characters")
        }
        var text = s
        return .string(text.withUTF8 { Base64.encode($0) })
    }

    static func decode(_ args: IntrinsicArguments) throws(ExecutionError) -> JSON {
        try args.expectCount(1)
        let s = try args.string(0)
        guard !IntrinsicArguments.isLonger(s, than: 10_000) else {
            throw args.failure("Invalid arguments in States.Base64Decode: the input string must not be longer than 10000 characters")
        }
        guard let bytes = Base64.decode(s) else {
            throw args.failure("Invalid arguments in States.Base64Decode: the input is not valid Base64")
        }
        return .string(String(decoding: bytes, as: UTF8.self))
    }
}

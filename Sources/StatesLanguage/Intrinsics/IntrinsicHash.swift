/// States.Hash.
enum IntrinsicHash {
    static let algorithms = ["MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512"]

    static func hash(_ args: IntrinsicArguments) throws(ExecutionError) -> JSON {
        try args.expectCount(2)
        let data = try args.string(0)
        let algorithm = try args.string(1)
        guard !IntrinsicArguments.isLonger(data, than: 10_000) else {
            throw args.failure("Invalid arguments in States.Hash: the input data must not be longer than 10000 characters")
        }
        let bytes = Array(data.utf8)
        let digest: [UInt8]
        switch algorithm {
        case "MD5": digest = MD5.digest(bytes)
        case "SHA-1": digest = SHA1.digest(bytes)
        case "SHA-256": digest = SHA256.digest(bytes)
        case "SHA-384": digest = SHA512.digest(bytes, variant: .sha384)
        case "SHA-512": digest = SHA512.digest(bytes, variant: .sha512)
        default:
            throw args.failure("Invalid arguments in States.Hash: the hash algorithm \(algorithm) is not supported, use one of \(algorithms.joined(separator: ", "))")
        }
        return .string(hex(digest))
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

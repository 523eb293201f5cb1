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
        let digest: (UnsafeRawBufferPointer) -> [UInt8]
        switch algorithm {
        case "MD5": digest = MD5.digest
        case "SHA-1": digest = SHA1.digest
        case "SHA-256": digest = SHA256.digest
        case "SHA-384": digest = { SHA512.digest($0, variant: .sha384) }
        case "SHA-512": digest = { SHA512.digest($0, variant: .sha512) }
        default:
            throw args.failure("Invalid arguments in States.Hash: the hash algorithm \(algorithm) is not supported, use one of \(algorithms.joined(separator: ", "))")
        }
        var text = data
        return .string(hex(text.withUTF8 { digest(UnsafeRawBufferPointer($0)) }))
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: bytes.count * 2) { out in
            for (i, b) in bytes.enumerated() {
                out[2 * i] = digits.utf8Start[Int(b >> 4)]
                out[2 * i + 1] = digits.utf8Start[Int(b & 0x0F)]
            }
            return bytes.count * 2
        }
    }
}

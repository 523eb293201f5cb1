#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A JSON file that could not be read or parsed, printed as `file:line:column: message`.
public struct JSONFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path as given (`-` for standard input).
    public var fileName: String
    /// Where in the text; nil when the file could not be read at all.
    public var location: SourceLocation?
    public var message: String
    /// JSON Pointer of the value being read when a parse error was found.
    public var pointer: String

    public init(fileName: String, location: SourceLocation?, message: String, pointer: String = "") {
        self.fileName = fileName
        self.location = location
        self.message = message
        self.pointer = pointer
    }

    init(fileName: String, _ error: JSONParseError) {
        self.init(fileName: fileName, location: error.location, message: error.message, pointer: error.pointer)
    }

    public var description: String {
        if let location { return "\(fileName):\(location): \(message)" }
        return "\(fileName): \(message)"
    }
}

extension JSONParser {
    /// Reads and parses a JSON file (`-` is standard input) with these options.
    public func parseFile(path: String) throws(JSONFileError) -> JSON {
        let bytes = try Self.readFile(path: path)
        do {
            return try parse(bytes)
        } catch {
            throw JSONFileError(fileName: path, error)
        }
    }

    /// Reads and parses a JSON file with default options.
    public static func parseFile(path: String) throws(JSONFileError) -> JSON {
        try JSONParser().parseFile(path: path)
    }

    /// Reads and parses a JSON file, keeping where its parts came from.
    public func parseDocumentFile(path: String) throws(JSONFileError) -> JSONDocument {
        let bytes = try Self.readFile(path: path)
        do {
            return try parseDocument(bytes, fileName: path)
        } catch {
            throw JSONFileError(fileName: path, error)
        }
    }

    /// The bytes of a file (`-` is standard input), or an error that says why it is unreadable.
    public static func readFile(path: String) throws(JSONFileError) -> [UInt8] {
        let fd = path == "-" ? 0 : open(path, O_RDONLY)
        guard fd >= 0 else { throw failure(path, "cannot open the file") }
        defer { if fd != 0 { close(fd) } }
        var bytes: [UInt8] = []
        var info = stat()
        let chunk = 1 << 16
        // Room for the whole file and the chunk each read appends before it knows it is at the
        // end: otherwise that last append doubles the buffer and copies the file once more.
        if fstat(fd, &info) == 0 && info.st_size > 0 { bytes.reserveCapacity(Int(info.st_size) + chunk) }
        while true {
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: chunk))
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + start, chunk) }
            if n < 0 {
                if errno == EINTR {
                    bytes.removeLast(chunk)
                    continue
                }
                throw failure(path, "cannot read the file")
            }
            bytes.removeLast(chunk - n)
            if n == 0 { return bytes }
        }
    }

    private static func failure(_ path: String, _ what: String) -> JSONFileError {
        let reason = String(cString: strerror(errno))
        return JSONFileError(fileName: path, location: nil, message: "\(what): \(reason)")
    }
}

#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// Why a definition file could not be read; the message names the file.
public enum DefinitionReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No file at that path.
    case notFound(String)
    /// The path names a directory.
    case isDirectory(String)
    /// The system refused (permissions, I/O error); `reason` is its message.
    case unreadable(String, reason: String)
    /// The bytes are not UTF-8 text.
    case notUTF8(String)
    /// `FILE#NAME` where FILE is a definition, not a template.
    case notATemplate(String, machine: String)
    /// A template that declares no state machine.
    case noStateMachine(String)
    /// `FILE#NAME` names no state machine of the template; `declared` are the ones it has.
    case noSuchStateMachine(String, machine: String, declared: [String])
    /// A template declaring several state machines, given where one definition is needed.
    case severalStateMachines(String, declared: [String])

    /// The message shown to the user; it starts with the file name.
    public var description: String {
        switch self {
        case .notFound(let path): return "\(path): no such file"
        case .isDirectory(let path): return "\(path): is a directory, not a definition file"
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .notUTF8(let path): return "\(path): not UTF-8 text"
        case .notATemplate(let path, let machine):
            return "\(path): a state machine definition, not a template, so '#\(machine)' names nothing; give the file alone"
        case .noStateMachine(let path):
            return "\(path): the template declares no state machine (no AWS::StepFunctions::StateMachine or "
                + "AWS::Serverless::StateMachine resource, no stepFunctions.stateMachines)"
        case .noSuchStateMachine(let path, let machine, let declared):
            return "\(path): the template declares no state machine '\(machine)'; it declares \(declared.joined(separator: ", "))"
        case .severalStateMachines(let path, let declared):
            return "\(path): the template declares \(declared.count) state machines (\(declared.joined(separator: ", "))); "
                + "choose one as \(path)#NAME, e.g. \(path)#\(declared.first ?? "NAME")"
        }
    }
}

/// Reads definition files without Foundation.
public enum DefinitionFile {
    /// The bytes of `path` (`-` is standard input), checked to be UTF-8 text.
    public static func read(_ path: String) throws(DefinitionReadError) -> [UInt8] {
        let bytes: [UInt8]
        if path == "-" {
            bytes = try readAll(fd: 0, path: "<stdin>")
        } else {
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else {
                let code = errno
                if code == ENOENT { throw .notFound(path) }
                throw .unreadable(path, reason: String(cString: strerror(code)))
            }
            defer { close(fd) }
            var info = stat()
            if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory(path) }
            bytes = try readAll(fd: fd, path: path, expectedSize: (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0)
        }
        guard String(validating: bytes, as: UTF8.self) != nil else { throw .notUTF8(path == "-" ? "<stdin>" : path) }
        return bytes
    }

    /// Reads to the end of `fd`. A regular file's size is known, so its bytes are read straight
    /// into one buffer of that size (a large input is not copied chunk by chunk).
    static func readAll(fd: Int32, path: String, expectedSize: Int = 0) throws(DefinitionReadError) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: max(expectedSize, 0) + 1)
        var filled = 0
        while true {
            if filled == result.count { result.append(contentsOf: repeatElement(0, count: max(65_536, result.count))) }
            let n = result.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n == 0 {
                result.removeLast(result.count - filled)
                return result
            }
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                if code == EISDIR { throw .isDirectory(path) }
                throw .unreadable(path, reason: String(cString: strerror(code)))
            }
            filled += n
        }
    }
}

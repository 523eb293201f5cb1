/// A place in a text file: 1-based line and column (columns count characters, not bytes).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// Where each value (and each object key) of a parsed document stands in its source text,
/// keyed by JSON Pointer (`""` is the root, `/States/Pay/Next` a member).
public struct SourceMap: Sendable {
    public var values: [String: SourceLocation] = [:]
    public var keys: [String: SourceLocation] = [:]

    public init() {}

    /// The best location for a pointer: its key if it is a member, else its value, else the
    /// nearest enclosing value that has one.
    public func location(of pointer: String) -> SourceLocation? {
        var p = pointer
        while true {
            if let k = keys[p] { return k }
            if let v = values[p] { return v }
            guard let slash = p.lastIndex(of: "/") else { return nil }
            p = String(p[..<slash])
        }
    }
}

/// A parsed document together with where its parts came from.
public struct JSONDocument: Sendable {
    public var value: JSON
    public var sourceMap: SourceMap
    /// The file name used in diagnostics (`-` for standard input).
    public var fileName: String

    public init(value: JSON, sourceMap: SourceMap, fileName: String) {
        self.value = value
        self.sourceMap = sourceMap
        self.fileName = fileName
    }
}

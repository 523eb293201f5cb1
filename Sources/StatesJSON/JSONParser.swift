/// A malformed JSON document: what is wrong and where.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation
    /// JSON Pointer of the value being read when the error was found (`""` at the top).
    public var pointer: String

    public init(message: String, location: SourceLocation, pointer: String = "") {
        self.message = message
        self.location = location
        self.pointer = pointer
    }

    public var description: String { "\(location): \(message)" }
}

/// Reads JSON text into `JSON` values.
public struct JSONParser: Sendable {
    /// Rejects an object that names the same key twice (ASL definitions must not).
    public var rejectDuplicateKeys: Bool
    /// Deeper nesting is an error instead of a stack overflow.
    ///
    /// Every level costs a few stack frames of the recursive reader; keep it in the thousands at
    /// most, since the 8 MiB main-thread stack is the real limit. Values deeper than
    /// `JSON.maximumDepth` are refused everywhere else, so a larger limit only moves the error.
    public var maxDepth: Int
    /// Records a `SourceMap` (slower; used for definitions, not for state data).
    public var recordLocations: Bool

    public init(rejectDuplicateKeys: Bool = false, maxDepth: Int = JSON.maximumDepth, recordLocations: Bool = false) {
        self.rejectDuplicateKeys = rejectDuplicateKeys
        self.maxDepth = maxDepth
        self.recordLocations = recordLocations
    }

    /// Parses a whole document from UTF-8 bytes.
    public func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSON {
        try withBuffer(bytes) { run($0) }.get().0
    }

    /// Parses a whole document from a string.
    public func parse(_ text: String) throws(JSONParseError) -> JSON {
        var text = text
        return try text.withUTF8 { run($0) }.get().0
    }

    /// Parses a whole document and keeps where its parts came from.
    public func parseDocument(_ bytes: some Collection<UInt8>, fileName: String) throws(JSONParseError) -> JSONDocument {
        let (value, map) = try withBuffer(bytes) { run($0) }.get()
        return JSONDocument(value: value, sourceMap: map, fileName: fileName)
    }

    private func withBuffer<R>(_ bytes: some Collection<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        // Arrays, slices and UTF8Views of native strings are contiguous already; copying them
        // would cost as much as a quarter of the parse.
        if let r = bytes.withContiguousStorageIfAvailable(body) { return r }
        return Array(bytes).withUnsafeBufferPointer(body)
    }

    private func run(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<(JSON, SourceMap), JSONParseError> {
        guard let base = buffer.baseAddress, buffer.count > 0 else {
            let message = "the document is empty; expected a JSON value"
            return .failure(JSONParseError(message: message, location: SourceLocation(line: 1, column: 1)))
        }
        var reader = JSONReader(base: base, count: buffer.count, options: self, trackPath: recordLocations)
        do {
            let value = try reader.readDocument()
            return .success((value, reader.sourceMap))
        } catch {
            guard !recordLocations else { return .failure(error) }
            // The fast pass does not track where it is; a second, slower pass over the same
            // bytes fails at the same place and knows the JSON Pointer of the bad value.
            var tracer = JSONReader(base: base, count: buffer.count, options: self, trackPath: true)
            do {
                _ = try tracer.readDocument()
                return .failure(error)
            } catch {
                return .failure(error)
            }
        }
    }
}

extension JSON {
    /// Parses JSON text with default options.
    public static func parse(_ text: String) throws(JSONParseError) -> JSON {
        try JSONParser().parse(text)
    }

    /// Parses UTF-8 bytes with default options.
    public static func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSON {
        try JSONParser().parse(bytes)
    }
}

// The one file that sees Yams: everything else works on the `JSON` values made here.
internal import Yams

/// A YAML text parsed once, read into the same `JSONDocument` the JSON parser makes, with the
/// line:column of every value and key.
struct YAMLDocument {
    /// A document read into JSON, and where its literal block scalars start.
    struct Reading {
        var document: JSONDocument
        /// For every string written as a literal block (`|`), by JSON Pointer: where its first line
        /// of text starts. Text inside such a string (a `DefinitionString`) can then be located
        /// line for line.
        var literalBlocks: [String: SourceLocation]
    }

    private let root: Node?
    private let text: String

    /// Expanding aliases can multiply a small text into a huge value; more values than this is
    /// refused rather than exhausting memory.
    static let maxValues = 250_000
    /// As deep as the JSON parser allows, so both formats load the same definitions.
    static let maxDepth = JSON.maximumDepth

    /// Parses `text`; a syntax error says where it is and, for the common mistakes, what to do.
    init(text: String) throws(JSONParseError) {
        // YAML 1.2 allows a byte order mark before a document; libyaml, handed text already
        // decoded, would take it for content.
        let text = text.hasPrefix("\u{FEFF}") ? String(text.unicodeScalars.dropFirst()) : text
        self.text = text
        do {
            root = try Parser(yaml: text).singleRoot()
        } catch let error as YamlError {
            throw Self.parseError(error, in: text)
        } catch {
            throw JSONParseError(message: "not valid YAML: \(error)", location: SourceLocation(line: 1, column: 1))
        }
    }

    /// The document as JSON, labelled `fileName`. YAML's short-form CloudFormation tags
    /// (`!Ref X`, `!Sub ...`, `!GetAtt A.B`) become their long forms (`{"Ref": "X"}`), as
    /// CloudFormation reads them.
    func reading(fileName: String) throws(JSONParseError) -> Reading {
        guard let root else {
            throw JSONParseError(message: "the document is empty; expected a YAML mapping", location: SourceLocation(line: 1, column: 1))
        }
        var converter = Converter(lines: text.split(separator: "\n", omittingEmptySubsequences: false))
        let value = try converter.json(root, pointer: "", depth: 0)
        return Reading(document: JSONDocument(value: value, sourceMap: converter.sourceMap, fileName: fileName),
                       literalBlocks: converter.literalBlocks)
    }

    private struct Converter {
        let lines: [Substring]
        var sourceMap = SourceMap()
        var literalBlocks: [String: SourceLocation] = [:]
        var count = 0

        mutating func json(_ node: Node, pointer outer: String, depth: Int) throws(JSONParseError) -> JSON {
            let location = Self.location(node.mark)
            sourceMap.values[outer] = location
            count += 1
            guard count <= YAMLDocument.maxValues else {
                throw JSONParseError(message: "more than \(YAMLDocument.maxValues) values once aliases are expanded; "
                                     + "write the repeated parts out instead of aliasing them", location: location, pointer: outer)
            }
            // `depth` containers hold this node; a sequence or mapping is one level more.
            let levels: Int
            switch node {
            case .sequence, .mapping: levels = depth + 1
            case .scalar, .alias: levels = depth
            }
            guard levels <= YAMLDocument.maxDepth else {
                throw JSONParseError(message: "nesting is deeper than \(YAMLDocument.maxDepth) levels; flatten the document",
                                     location: location, pointer: outer)
            }
            let tag: String
            switch node {
            case .scalar(let scalar): tag = scalar.tag.rawValue
            case .sequence(let sequence): tag = sequence.tag.rawValue
            case .mapping(let mapping): tag = mapping.tag.rawValue
            case .alias(let alias): tag = alias.tag.rawValue
            }
            // `!Sub x` read as `{"Fn::Sub": x}` puts x one level deeper, at `/Fn::Sub`.
            let function = Self.isCloudFormation(tag) ? Self.longName(tag: String(tag.dropFirst())) : nil
            let pointer = function.map { outer + "/" + JSONPointer.escape($0) } ?? outer
            sourceMap.values[pointer] = location
            let value: JSON
            switch node {
            case .scalar(let scalar):
                let plain = scalar.style == .plain || scalar.style == .any
                do {
                    value = try YAMLScalar.value(scalar.string, plain: plain, tag: tag)
                } catch {
                    throw JSONParseError(message: error.message, location: location, pointer: pointer)
                }
                if scalar.style == .literal { literalBlocks[pointer] = blockStart(after: location) }
            case .sequence(let sequence):
                var elements: [JSON] = []
                for (index, element) in sequence.enumerated() {
                    elements.append(try json(element, pointer: pointer + "/\(index)", depth: depth + 1))
                }
                value = .array(elements)
            case .mapping(let mapping):
                value = .object(try members(of: mapping, pointer: pointer, depth: depth))
            case .alias:
                // The parser replaces every alias with the node it names.
                throw JSONParseError(message: "an unresolved YAML alias", location: location, pointer: pointer)
            }
            guard let function else { return value }
            if function == "Fn::GetAtt", case .string(let text) = value, let dot = text.firstIndex(of: ".") {
                // `!GetAtt Resource.Attribute` is the short form of `["Resource", "Attribute"]`.
                sourceMap.values[pointer + "/0"] = location
                sourceMap.values[pointer + "/1"] = location
                return ["Fn::GetAtt": [.string(String(text[..<dot])), .string(String(text[text.index(after: dot)...]))]]
            }
            return .object([function: value])
        }

        mutating func members(of mapping: Node.Mapping, pointer: String, depth: Int) throws(JSONParseError) -> JSONObject {
            var object = JSONObject()
            var written: Set<String> = []
            for (keyNode, valueNode) in mapping {
                guard case .scalar(let key) = keyNode else {
                    throw JSONParseError(message: "a mapping key must be text, not a YAML \(keyNode.mapping != nil ? "mapping" : "sequence"); "
                                         + "JSON object keys are strings", location: Self.location(keyNode.mark), pointer: pointer)
                }
                if key.string == "<<", key.style == .plain {
                    // A merge key (`<<: *defaults`) copies the members the mapping does not write itself.
                    let explicit = Set(mapping.compactMap { $0.key.scalar?.string })
                    let sources = valueNode.sequence.map(Array.init) ?? [valueNode]
                    for case .mapping(let source) in sources {
                        for (nameNode, member) in source {
                            guard let name = nameNode.scalar?.string, !written.contains(name), !explicit.contains(name) else { continue }
                            let child = pointer + "/" + JSONPointer.escape(name)
                            sourceMap.keys[child] = Self.location(nameNode.mark)
                            object[name] = try json(member, pointer: child, depth: depth + 1)
                            written.insert(name)
                        }
                    }
                    continue
                }
                let child = pointer + "/" + JSONPointer.escape(key.string)
                sourceMap.keys[child] = Self.location(keyNode.mark)
                object[key.string] = try json(valueNode, pointer: child, depth: depth + 1)
                written.insert(key.string)
            }
            return object
        }

        /// Where the text of a literal block starts: the line after its `|`, indented as its
        /// first non-blank line is.
        func blockStart(after indicator: SourceLocation) -> SourceLocation {
            var indent = 0
            for line in lines.dropFirst(indicator.line) where !line.allSatisfy({ $0 == " " || $0 == "\r" }) {
                indent = line.prefix { $0 == " " }.count
                break
            }
            return SourceLocation(line: indicator.line + 1, column: indent + 1)
        }

        static func location(_ mark: Mark?) -> SourceLocation {
            mark.map { SourceLocation(line: $0.line, column: $0.column) } ?? SourceLocation(line: 1, column: 1)
        }

        /// A local tag (`!Ref`), not one of YAML's own (`!!str`) nor the non-specific `!`.
        static func isCloudFormation(_ tag: String) -> Bool {
            tag.count > 1 && tag.hasPrefix("!") && !tag.hasPrefix("!!")
        }

        /// The long name of a short-form tag: `Ref` and `Condition` stay, the rest are `Fn::` functions.
        static func longName(tag: String) -> String {
            tag == "Ref" || tag == "Condition" ? tag : "Fn::" + tag
        }
    }

    // MARK: - Errors

    static func parseError(_ error: YamlError, in text: String) -> JSONParseError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // libyaml's own wording names its C API, which means nothing to someone writing YAML.
            let problem = problem.hasPrefix("Maximum nesting level reached") ? "nested more than 1000 levels deep" : problem
            var message = "not valid YAML: \(problem)"
            if let context { message += " (\(context.text) at \(context.mark))" }
            if let hint = hint(for: problem) { message += "; " + hint }
            return JSONParseError(message: message, location: SourceLocation(line: mark.line, column: mark.column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return JSONParseError(message: "duplicate key \(names) in one mapping; a key may appear once, remove the other",
                                  location: SourceLocation(line: context.mark.line, column: context.mark.column))
        case .reader(let problem, let offset, _, _):
            return JSONParseError(message: "not readable as YAML: \(problem)", location: location(ofByte: offset ?? 0, in: text))
        default:
            return JSONParseError(message: "not valid YAML: \(error)", location: SourceLocation(line: 1, column: 1))
        }
    }

    /// What to do about the mistakes libyaml reports most.
    static func hint(for problem: String) -> String? {
        switch problem {
        case "mapping values are not allowed in this context":
            return "quote a value that contains ': ', or check the indentation"
        case "did not find expected key", "did not find expected '-' indicator":
            return "check that this line is indented like its siblings"
        case "found character that cannot start any token":
            return "YAML is indented with spaces, not tabs; quote values that start with '@' or '`'"
        case "found undefined alias":
            return "define the anchor (&name) before its alias (*name)"
        default:
            return nil
        }
    }

    static func location(ofByte offset: Int, in text: String) -> SourceLocation {
        var line = 1, column = 1
        for byte in text.utf8.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(line: line, column: column)
    }
}

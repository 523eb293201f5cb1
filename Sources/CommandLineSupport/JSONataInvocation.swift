import JSONata
import StatesLanguage

/// The logic of `asldb jsonata`, free of process I/O so tests can drive it directly.
struct JSONataInvocation {
    struct Outcome: Equatable {
        var output = ""
        var errors: [String] = []
        var exitCode: Int32 = ExitStatus.ok
    }

    var expression: String?
    var expressionFile: String?
    var input: String?
    var bindings: String?
    var maxDepth: Int?
    var timeoutMilliseconds: Int?
    var stepFunctions = false
    var seed: UInt64?
    /// Print each sub-expression beside its value instead of the result alone.
    var explain = false
    /// Show the expression with a caret under the error's position (on a terminal).
    var caretOnErrors = false
    var read: (String) throws(DefinitionReadError) -> [UInt8] = { path throws(DefinitionReadError) in try DefinitionFile.read(path) }

    func run() -> Outcome {
        if explain { return runExplained() }
        let source: String
        let document: JSONataDocument?
        let variables: [String: JSON]
        do {
            source = try expressionText()
            document = try input.map { path throws(CommandFailure) in try readDocument(path) }
            variables = try readBindings()
        } catch {
            return Outcome(errors: [error.message], exitCode: error.exitCode)
        }
        let environment = JSONataEnvironment(randomSeed: seed, maxDepth: maxDepth, timeLimitMilliseconds: timeoutMilliseconds)
        do {
            let compiled = try JSONataExpression(source, dialect: stepFunctions ? .stepFunctions : .jsonata)
            let text = try compiled.evaluateToText(document: document, bindings: variables, environment: environment)
            // A large input takes a while to free, and the process ends next: keep it.
            if let document { Self.keepUntilExit(document) }
            return Outcome(output: text ?? "")
        } catch {
            return Outcome(errors: describe(error, in: source), exitCode: ExitStatus.failed)
        }
    }

    /// `--explain`: the expression's steps, each beside its value, and the result at the top
    /// (the steps up to the failure when it fails).
    private func runExplained() -> Outcome {
        let source: String
        let document: JSON?
        let variables: [String: JSON]
        do {
            source = try expressionText()
            document = try input.map { path throws(CommandFailure) in try readJSON(path, what: "input") }
            variables = try readBindings()
        } catch {
            return Outcome(errors: [error.message], exitCode: error.exitCode)
        }
        let environment = JSONataEnvironment(randomSeed: seed, maxDepth: maxDepth, timeLimitMilliseconds: timeoutMilliseconds)
        let compiled: JSONataExpression
        do {
            compiled = try JSONataExpression(source, dialect: stepFunctions ? .stepFunctions : .jsonata)
        } catch {
            return Outcome(errors: describe(error, in: source), exitCode: ExitStatus.failed)
        }
        let explanation = compiled.explain(input: document, bindings: variables, environment: environment)
        let text = explanation.lines().joined(separator: "\n")
        guard let error = explanation.error else { return Outcome(output: text) }
        return Outcome(output: text, errors: describe(error, in: source), exitCode: ExitStatus.failed)
    }

    private func expressionText() throws(CommandFailure) -> String {
        if let expression { return expression }
        let path = expressionFile ?? "-"
        let bytes: [UInt8]
        do {
            bytes = try read(path)
        } catch {
            throw CommandFailure("asldb jsonata: cannot read the expression: \(error.description)")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func readJSON(_ path: String, what: String) throws(CommandFailure) -> JSON {
        let bytes: [UInt8]
        do {
            bytes = try read(path)
        } catch {
            throw CommandFailure("asldb jsonata: cannot read the \(what): \(error.description)")
        }
        do {
            return try JSONParser().parse(bytes)
        } catch {
            let name = path == "-" ? "<stdin>" : path
            throw CommandFailure("\(name):\(error.location): error: the \(what) is not valid JSON: \(error.message)")
        }
    }

    /// The input, read for evaluation only (the compact form large documents need).
    private func readDocument(_ path: String) throws(CommandFailure) -> JSONataDocument {
        let bytes: [UInt8]
        do {
            bytes = try read(path)
        } catch {
            throw CommandFailure("asldb jsonata: cannot read the input: \(error.description)")
        }
        do {
            return try JSONataDocument(parsing: bytes)
        } catch {
            let name = path == "-" ? "<stdin>" : path
            throw CommandFailure("\(name):\(error.location): error: the input is not valid JSON: \(error.message)")
        }
    }

    static func keepUntilExit(_ document: JSONataDocument) {
        _ = Unmanaged.passRetained(document)
    }

    private func readBindings() throws(CommandFailure) -> [String: JSON] {
        guard let bindings else { return [:] }
        let json = try readJSON(bindings, what: "bindings")
        guard case .object(let members) = json else {
            throw CommandFailure("\(bindings): error: the bindings must be a JSON object of variable names to values, not \(json.typeName == "array" ? "an" : "a") \(json.typeName)")
        }
        var out: [String: JSON] = [:]
        for (name, value) in members { out[name.hasPrefix("$") ? String(name.dropFirst()) : name] = value }
        return out
    }

    /// `CODE: message`, where it happened, and on a terminal the expression with a caret.
    private func describe(_ error: JSONataError, in source: String) -> [String] {
        var lines = ["\(error.code): \(error.message)"]
        guard let position = error.position else { return lines }
        let (line, column, text) = Self.place(position, in: source)
        lines[0] += " (at line \(line), column \(column))"
        if caretOnErrors, !text.isEmpty, text.utf16.count <= 400 {
            lines.append("  " + text)
            lines.append("  " + String(repeating: " ", count: max(0, column - 1)) + "^")
        }
        return lines
    }

    /// The 1-based line and column of a UTF-16 offset, and that line's text. The reference
    /// places an error just past its token, so the caret points at the token's last character.
    static func place(_ position: Int, in source: String) -> (Int, Int, String) {
        let units = Array(source.utf16)
        let target = max(0, min(position - 1, units.count))
        var line = 1
        var lineStart = 0
        for i in 0..<target where units[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        var lineEnd = lineStart
        while lineEnd < units.count, units[lineEnd] != 0x0A { lineEnd += 1 }
        let text = String(decoding: units[lineStart..<lineEnd], as: UTF16.self)
        let column = String(decoding: units[lineStart..<target], as: UTF16.self).count + 1
        return (line, column, text)
    }
}

// Stand-in until the regular-expression engine lands from its branch: matches literal text only.
struct ECMARegex: Sendable {
    struct SyntaxError: Error, Sendable, CustomStringConvertible { var message: String; var offset: Int; var description: String { message } }
    struct BudgetExceeded: Error, Sendable {}
    struct Match: Sendable { var range: Range<Int>; var groups: [Range<Int>?] }
    let literal: [UInt16]
    init(pattern: String, ignoreCase: Bool, multiline: Bool) throws(SyntaxError) {
        literal = Array(pattern.utf16)
    }
    func firstMatch(in text: [UInt16], from start: Int, budget: inout Int) throws(BudgetExceeded) -> Match? {
        guard !literal.isEmpty, text.count >= literal.count, start <= text.count - literal.count else { return nil }
        for i in start...(text.count - literal.count) where Array(text[i..<(i + literal.count)]) == literal {
            return Match(range: i..<(i + literal.count), groups: [])
        }
        return nil
    }
}

/// The grouping separators of a decimal digit pattern. A pattern whose separators are all the
/// same character at equal intervals (`#,##0`, `0,0`) repeats them across the whole number;
/// any other pattern (`#,##,##0`, `#:###,##0`) puts each only where it stands.
enum GroupingSeparators {
    struct Separator: Equatable {
        /// Digit places to the separator's right.
        var position: Int
        var character: String
    }

    case regular(every: Int, character: String)
    case irregular([Separator])

    init(_ separators: [Separator]) {
        guard let first = separators.first, separators.allSatisfy({ $0.character == first.character }) else {
            self = .irregular(separators)
            return
        }
        let interval = separators.map(\.position).reduce(0, Self.gcd)
        let positions = Set(separators.map(\.position))
        let evenlySpaced = interval > 0 && (1...separators.count).allSatisfy { positions.contains($0 * interval) }
        self = evenlySpaced ? .regular(every: interval, character: first.character) : .irregular(separators)
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

    /// `digits` with the separators put in, counting places from the right in UTF-16 code
    /// units as the reference does.
    func insert(into digits: String) -> String {
        var units = Array(digits.utf16)
        switch self {
        case .regular(let every, let character):
            guard every > 0 else { return digits }
            let separator = Array(character.utf16)
            var place = units.count - every
            while place > 0 {
                units.insert(contentsOf: separator, at: place)
                place -= every
            }
        case .irregular(let separators):
            for separator in separators.reversed() {
                // Where the number is shorter than the separator's place, JavaScript's `substr`
                // keeps the text's last `len - place` units after it (so `,4` for 1234 in
                // `#,##,##0`): the reference's output, kept as it is.
                let place = units.count - separator.position
                let head = place > 0 ? units[..<place] : []
                let tail = units[(place < 0 ? max(units.count + place, 0) : place)...]
                units = Array(head) + Array(separator.character.utf16) + Array(tail)
            }
        }
        return String(decoding: units, as: UTF16.self)
    }
}

/// A node of an expression's syntax tree.
///
/// The parser builds the tree; `Preparer` then turns paths, predicates, group-by and order-by
/// into explicit steps and marks what the evaluator needs (as the reference's post-parse pass
/// does). After that the tree is never changed: it is the prepared form that every evaluation
/// reads.
final class Expr {
    enum Kind {
        // Parsed forms
        case name, variable, string, number, value, regex
        /// An operator token used as an operand (`and`, `or`, `in` as names; `?` in a partial
        /// application).
        case `operator`
        case binary, unary
        case wildcard, descendant, parent
        case condition, block, function, partial, lambda, transform
        case end
        // Prepared forms
        case path, bind, apply, sort
    }

    var kind: Kind
    /// The operator (`+`, `.`, `[`, `{`, ...), the name, the string, the variable's name.
    var text: String
    /// Offset just past the token that made this node.
    var position: Int
    /// The source range of the whole node, its operands and brackets included (UTF-16
    /// offsets, as positions are), once `SourceSpans` has settled it; the token's own range
    /// until then. -1 for nodes no token made.
    var start = -1
    var end = -1

    var number: Double = 0
    var literal: Bool?
    var regex: RegexLiteral?
    var compiledRegex: ECMARegex?

    var lhs: Expr?
    var rhs: Expr?
    /// The operand of a unary operator.
    var expression: Expr?
    /// Array constructor items, block expressions.
    var expressions: [Expr] = []
    /// Object constructor pairs (`unary {`), group-by pairs (`binary {`).
    var pairs: [(Expr, Expr)] = []
    /// Order-by terms.
    var terms: [(descending: Bool, expression: Expr)] = []

    // Functions and lambdas
    var procedure: Expr?
    var arguments: [Expr] = []
    var parameters: [String] = []
    var signature: Signature?
    var body: Expr?
    /// A tail call wrapped for the trampoline.
    var isThunk = false

    // Conditions and transforms
    var condition: Expr?
    var then: Expr?
    var otherwise: Expr?
    var pattern: Expr?
    var update: Expr?
    var delete: Expr?

    // Path machinery (set by Preparer)
    var steps: [Expr] = []
    /// Predicates on a non-path expression (`expr[...]`).
    var predicate: [Stage]?
    /// Predicates and index bindings on a step.
    var stages: [Stage]?
    var group: Group?
    var keepArray = false
    var keepSingletonArray = false
    var consArray = false
    var tuple = false
    /// `@$name`: the step binds its value to a variable and keeps the context.
    var focus: String?
    /// `#$name`: the step binds each position.
    var index: String?
    /// The label this step's context is kept under for a `%` below it.
    var ancestor: AncestorSlot?
    /// For `%`: the slot it reads.
    var slot: AncestorSlot?
    /// `%` references below this node still looking for the step they name.
    var seekingParent: [AncestorSlot]?
    /// For a function call node: the name of the function called (for error messages).
    var procedureName: String?
    /// A predicate whose value is the same for every item (literals and operators on them),
    /// so a filter evaluates it once (`orders[[0..99]]`).
    var isConstant = false
    /// A path of plain name steps, perhaps after a variable (`status`, `$o.address.city`):
    /// while no step meets an array it is a chain of field lookups, which the evaluator reads
    /// without building sequences.
    var isSimpleChain = false
    /// An object constructor whose keys are distinct string literals: every item falls in
    /// the same group under each key, so no grouping is needed.
    var hasLiteralKeys = false
    /// For a variable that names a built-in function: that function, made once, for when no
    /// frame binds the name.
    var builtinFunction: FunctionValue?

    init(_ kind: Kind, _ text: String = "", position: Int) {
        self.kind = kind
        self.text = text
        self.position = position
    }

    /// A node made out of `source` (by preparation): at its position, over its source range.
    convenience init(_ kind: Kind, _ text: String = "", from source: Expr) {
        self.init(kind, text, position: source.position)
        start = source.start
        end = source.end
    }

    /// One filter predicate or index binding on a step.
    struct Stage {
        enum Kind { case filter(Expr), index(String) }
        var kind: Kind
        var position: Int
    }

    /// Group-by on a step: key/value pairs.
    struct Group {
        var pairs: [(Expr, Expr)]
        var position: Int
    }
}

/// The place a `%` takes its value from: a label bound on an ancestor step.
final class AncestorSlot {
    var label: String
    var level: Int
    let index: Int

    init(label: String, level: Int, index: Int) {
        self.label = label
        self.level = level
        self.index = index
    }
}

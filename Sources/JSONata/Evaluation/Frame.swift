/// A scope of variable bindings. Blocks, lambda calls and tuple steps each open one; a name not
/// bound here is looked up in the enclosing frame, and at the root among the built-in functions.
final class Frame {
    let parent: Frame?
    // Frames hold a handful of names, so a linear search beats hashing.
    private var names: [String] = []
    private var values: [Value] = []

    init(parent: Frame?) {
        self.parent = parent
    }

    func bind(_ name: String, _ value: Value) {
        if let i = names.firstIndex(of: name) {
            values[i] = value
        } else {
            names.append(name)
            values.append(value)
        }
    }

    /// Drops every binding (to break a reference cycle once the evaluation is over).
    func unbindAll() {
        names = []
        values = []
    }

    /// The value bound to `name` here or in an enclosing frame; nil when none binds it.
    func lookup(_ name: String) -> Value? {
        var frame: Frame? = self
        while let f = frame {
            for i in 0..<f.names.count where f.names[i] == name { return f.values[i] }
            frame = f.parent
        }
        return nil
    }

    /// Binds every member of a tuple (the reference's `createFrameFromTuple`).
    static func fromTuple(_ tuple: ObjectValue, parent: Frame) -> Frame {
        let frame = Frame(parent: parent)
        frame.names = tuple.keys
        frame.values = tuple.values
        return frame
    }
}

/// A function value: a lambda, a built-in, a partial application of either, a regular
/// expression, a transform, or two functions chained by `~>`.
final class FunctionValue {
    enum Kind {
        case lambda(Lambda)
        case builtin(Builtin)
        /// A built-in with some arguments fixed; nil marks a `?` still to be supplied.
        case partialBuiltin(Builtin, [Value?])
        case regex(ECMARegex, source: String)
        /// The `next` of a regular expression match: the same search from `lastIndex` on.
        case regexNext(ECMARegex, source: String, text: [UInt16], from: Int)
        case transform(Expr, Frame)
        /// A function the host supplied.
        case host(String, JSONataFunction)
    }

    let kind: Kind

    init(_ kind: Kind) {
        self.kind = kind
    }

    /// How many arguments the function declares; higher-order functions pass the index and the
    /// array only to functions that take them.
    var arity: Int {
        switch kind {
        case .lambda(let l): return l.parameters.count
        case .builtin(let b): return b.arity
        case .partialBuiltin(_, let slots): return slots.reduce(0) { $0 + ($1 == nil ? 1 : 0) }
        case .regex: return 2
        case .regexNext: return 0
        case .transform: return 1
        case .host(_, let f): return f.arity
        }
    }

    var signature: Signature? {
        switch kind {
        case .lambda(let l): return l.signature
        case .builtin(let b): return b.signature
        case .transform: return Signature.transform
        case .host(_, let f): return f.signature
        default: return nil
        }
    }
}

/// A lambda closed over the frame and context it was defined in.
struct Lambda {
    var parameters: [String]
    var signature: Signature?
    var body: Expr
    var input: Value
    var frame: Frame
    /// A tail call the trampoline evaluates (`body` is the call).
    var isThunk: Bool
}

extension Signature {
    static let transform = try! Signature("<(oa):o>")
}
